import { z } from 'zod'

/**
 * Where GET /api/events resumes: the id of the last message the client received. Browsers send
 * it as the Last-Event-ID header when they reconnect on their own; a client that opens a new
 * connection (after its session was refreshed) passes it as `?lastEventId=`.
 */
export const liveStreamQuery = z.object({
  lastEventId: z.coerce.number({ error: 'Must be a message id' }).int('Must be a message id').min(0, 'Must be a message id').optional(),
})
