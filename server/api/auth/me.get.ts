import { getUserWithProfile } from '../../domain/users'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  return getUserWithProfile(useDb(), user.id)
})
