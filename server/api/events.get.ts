import { liveStreamQuery } from '#shared/schemas/events'
import { latestNotificationId, notificationsSince } from '../domain/notifications'
import { openLiveStream } from '../live/stream'

/** The caller's live events as server-sent events; resumes after Last-Event-ID. */
export default defineApiHandler(async (event) => {
  const user = await requireUser(event)
  // The header wins: on its own reconnects the browser keeps the URL but updates the header.
  const { lastEventId } = validateAs(liveStreamQuery, {
    lastEventId: getHeader(event, 'last-event-id') ?? getQuery(event).lastEventId,
  }, 'Last-Event-ID')
  const db = useDb()
  return openLiveStream(event, {
    userId: user.id,
    sessionId: user.sessionId,
    catchUp: async () => lastEventId === undefined
      ? { missed: [], latestId: await latestNotificationId(db, user.id) }
      : { missed: await notificationsSince(db, user.id, lastEventId) },
  })
})
