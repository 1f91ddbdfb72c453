/**
 * Liveness and readiness for the container health check: 200 while the database answers, whatever
 * the cache does. `database` names the database (sqlite or postgres). `cache` is 'redis' (shared and answering), 'memory' (no Redis configured) or
 * 'unavailable' (Redis configured but not answering: every read goes to the database).
 */
export default defineEventHandler(async (event) => {
  const database = await databaseHealth()
  // Asked directly, the answer is current rather than up to a second old.
  if (redisState() === 'unavailable') await probeRedis({ force: true })
  const status = database.state
  if (status !== 'ok') setResponseStatus(event, 503)
  return { status, db: database.state, database: database.dialect, cache: redisState() }
})
