import { sql } from 'drizzle-orm'

/** Liveness and readiness for the container health check: 200 while the database answers. */
export default defineEventHandler(async (event) => {
  let db = 'ok'
  try {
    useDb().get(sql`select 1`)
  }
  catch {
    db = 'down'
  }
  let cache = redisClient() ? 'redis' : 'memory'
  try {
    await useKv().setItem('health', Date.now())
  }
  catch {
    cache = 'down'
  }
  const status = db === 'ok' ? 'ok' : 'down'
  if (status !== 'ok') setResponseStatus(event, 503)
  return { status, db, cache }
})
