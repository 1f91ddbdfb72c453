import redisDriver from 'unstorage/drivers/redis'
import memoryDriver from 'unstorage/drivers/memory'

// Mounted at run time (not in nitro.storage, which is frozen at build) so the built server
// honours NUXT_REDIS_URL. Short connection timeouts and one retry; every call also goes through
// withRedis (server/utils/redis.ts), which gives up after 100 ms and skips Redis while it is down.
export default defineNitroPlugin(() => {
  const { redisUrl, redisPrefix } = useRuntimeConfig()
  const storage = useStorage()
  if (!redisUrl) {
    storage.mount('kv', memoryDriver())
    return
  }
  const driver = redisDriver({
    url: redisUrl,
    base: redisPrefix,
    maxRetriesPerRequest: 1,
    connectTimeout: 1000,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
  })
  storage.mount('kv', driver)
  const redis = driver.getInstance!()
  let lastComplaint = 0
  redis.on('error', (error: Error) => {
    if (Date.now() - lastComplaint < 30_000) return
    lastComplaint = Date.now()
    console.warn(`[redis] ${error.message}; serving without it until it answers again`)
  })
  watchRedis(redis)
})
