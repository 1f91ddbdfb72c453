import { adminOutboxQuery } from '#shared/schemas/admin'
import { listOutbox } from '../../domain/outbox'

export default defineApiHandler(async (event) => {
  await requireUser(event, 'admin')
  return listOutbox(useDb(), readQueryAs(event, adminOutboxQuery))
})
