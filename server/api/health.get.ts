import { sql } from 'drizzle-orm'

/**
 * Liveness and readiness for the container health check: 200 while the database answers, whatever
 * the cache does. `cache` is 'redis' (shared and answering), 'memory' (no Redis configured) or
 * 'unavailable' (Redis configured but not answering: every read goes to the database).
 */
export default defineEventHandler(async (event) => {
  let db = 'ok'
  try {
    useDb().get(sql`select 1`)
  }
  catch {
    db = 'down'
  }
  // Asked directly, the answer is current rather than up to a second old.
  if (redisState() === 'unavailable') await probeRedis({ force: true })
  const status = db === 'ok' ? 'ok' : 'down'
  if (status !== 'ok') setResponseStatus(event, 503)
  return { status, db, cache: redisState() }
})
