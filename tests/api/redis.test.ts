import Redis from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisAvailable, redisUrl, sharedInstances } from '../support/redis'
import type { SharedInstances } from '../support/redis'
import type { RunningServer } from '../support/built-server'
import { suiteDialect } from '../support/scratch-database'

// Two app instances on one database and one Redis, as behind a load balancer (see
// tests/support/redis.ts for which Redis, and when this is skipped).
const available = await redisAvailable()

describe.runIf(available)('with Redis (shared storage across instances)', () => {
  let instances: SharedInstances
  let a: RunningServer
  let b: RunningServer
  let redis: Redis

  beforeAll(async () => {
    instances = await sharedInstances(2)
    ;[a, b] = instances.servers as [RunningServer, RunningServer]
    redis = new Redis(redisUrl)
  })

  afterAll(async () => {
    await instances?.stop()
    redis?.disconnect()
  })

  const login = (server: RunningServer, loginName: string, password: string) => fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${Math.floor(Math.random() * 250)}` },
    body: JSON.stringify({ login: loginName, password }),
  })

  it('reports Redis as the cache', async () => {
    const health = await (await fetch(`${a.url}/api/health`)).json()
    expect(health).toEqual({ status: 'ok', db: 'ok', database: suiteDialect, cache: 'redis' })
  })

  it('counts failed logins across instances, in Redis under the configured prefix', async () => {
    for (const server of [a, b, a, b, a]) {
      expect((await login(server, 'leo', 'wrong-password')).status).toBe(401)
    }
    expect((await login(b, 'leo', 'demo-password')).status).toBe(429)
    expect((await login(a, 'leo', 'demo-password')).status).toBe(429)
    const counters = await redis.keys(`${instances.prefix}:rl:login:account:*`)
    expect(counters).toHaveLength(1)
    expect(await redis.get(counters[0]!)).toBe('5')
  })
})
