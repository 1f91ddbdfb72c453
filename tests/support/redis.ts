import Redis from 'ioredis'

/**
 * The Redis the suites that need one use: TEST_REDIS_URL (CI starts Redis at 127.0.0.1:6379).
 * Outside CI those suites are skipped when none answers; in CI a missing Redis is an error.
 */
export const redisUrl = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379'

async function redisAnswers() {
  const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 5000, retryStrategy: () => null })
  try {
    await probe.connect()
    return (await probe.ping()) === 'PONG'
  }
  catch {
    return false
  }
  finally {
    probe.disconnect()
  }
}

/** Whether the Redis suites run here. */
export async function redisAvailable(): Promise<boolean> {
  const available = await redisAnswers()
  if (!available && process.env.CI) throw new Error(`CI needs Redis at ${redisUrl} (TEST_REDIS_URL)`)
  return available
}
