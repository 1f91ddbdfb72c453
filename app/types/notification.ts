import type { NotificationPayload } from '#shared/notification-text'

/** One entry of GET /api/notifications; the payload depends on the kind. */
export interface AppNotification {
  id: number
  kind: string
  payload: NotificationPayload
  read: boolean
  createdAt: string
}
