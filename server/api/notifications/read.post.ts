import { markReadSchema } from '#shared/schemas/notification'
import { markNotificationsRead } from '../../domain/notifications'

/** `{ ids: [...] }` or `{ all: true }`; answers `{ marked, unread }`. */
export default defineApiHandler(async (event) => {
  const viewer = await requireUser(event)
  return markNotificationsRead(useDb(), viewer, await readBodyAs(event, markReadSchema))
})
