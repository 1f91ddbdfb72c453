import { profileUpdateSchemaFor } from '#shared/schemas/profile'
import { updateOwnProfile } from '../../domain/profiles'

export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  const input = await readBodyAs(event, profileUpdateSchemaFor(user.role))
  return updateOwnProfile(useDb(), user, input)
})
