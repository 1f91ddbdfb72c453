import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { apiClient } from '../support/api-client'
import { freePort, startBuiltServer } from '../support/built-server'
import type { RunningServer } from '../support/built-server'
import { ownRedis, redisAvailable } from '../support/redis'
import { castOn, driveTraffic, newTally, overCommittedCampaigns } from '../support/traffic'

// Redis frozen, killed and started again while every role keeps writing and reading: nobody
// notices (no error, no 5xx), and the cache is back in use once Redis answers. tests/api/cache.test.ts
// checks the same outage request by request: latency, freshness, the cache epoch.
const withRedis = await redisAvailable()

describe.runIf(withRedis)('a Redis outage under mixed load', () => {
  let port: number
  let redis: Awaited<ReturnType<typeof ownRedis>>
  let server: RunningServer

  beforeAll(async () => {
    port = await freePort()
    redis = await ownRedis(port)
    server = await startBuiltServer({ NUXT_REDIS_URL: `redis://127.0.0.1:${port}`, NUXT_REDIS_PREFIX: `influencia-outage-${randomUUID()}` })
  })
  afterAll(async () => {
    await server?.stop()
    redis?.client.disconnect()
    await redis?.stop()
  })

  const cache = async () => (await apiClient({ baseURL: server.url }).get('/api/health')).body.cache
  const cacheIs = (state: string) => vi.waitFor(async () => expect(await cache()).toBe(state), { timeout: 15_000, interval: 100 })

  it('serves every role without an error while Redis is frozen, gone and back, then caches again', async () => {
    await cacheIs('redis')
    const cast = await castOn([server.url], { budget: 60_000 })
    const tally = newTally()
    const load = (requests: number) => driveTraffic(cast, { concurrency: 8, requests, seconds: 60, tally })

    // Each change lands while requests are in flight: the load has started before it.
    const frozenLoad = load(200)
    redis.process.kill('SIGSTOP')
    try {
      await frozenLoad
      expect(await cache()).toBe('unavailable')
    }
    finally {
      redis.process.kill('SIGCONT')
    }

    const goneLoad = load(200)
    redis.client.disconnect()
    await redis.stop()
    await goneLoad
    expect(await cache()).toBe('unavailable')

    const backLoad = load(200)
    redis = await ownRedis(port)
    await cacheIs('redis')
    await backLoad
    console.info(`[redis outage] ${tally.requests} requests:`, JSON.stringify(tally.answers))

    expect(tally.failures).toEqual([])
    expect(await overCommittedCampaigns(server.database)).toEqual([])
    const visitor = apiClient({ baseURL: server.url })
    await visitor.get('/api/public/campaigns')
    expect((await visitor.get('/api/public/campaigns')).headers.get('x-cache'), 'cached in Redis again').toBe('hit')
  })
})
