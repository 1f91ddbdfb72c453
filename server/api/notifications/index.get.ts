import { notificationListQuery } from '#shared/schemas/notification'
import { listNotifications } from '../../domain/notifications'

/** The caller's inbox: `{ items, total, page, pageSize, unread }`, `?unread=true` for the unread only. */
export default defineApiHandler(async (event) => {
  const viewer = await requireUser(event)
  return listNotifications(useDb(), viewer, readQueryAs(event, notificationListQuery))
})
