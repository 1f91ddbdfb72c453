import { adminUserUpdate } from '#shared/schemas/admin'
import { idParam } from '#shared/schemas/common'
import { moderateUser } from '../../../domain/moderation'

export default defineApiHandler(async (event) => {
  const admin = await requireUser(event, 'admin')
  const { id } = readParamsAs(event, idParam)
  const change = await readBodyAs(event, adminUserUpdate)
  return moderateUser(useDb(), admin.id, id, change)
})
