import { adminUserListQuery } from '#shared/schemas/admin'
import { listUsers } from '../../../domain/moderation'

export default defineApiHandler(async (event) => {
  await requireUser(event, 'admin')
  return listUsers(useDb(), readQueryAs(event, adminUserListQuery))
})
