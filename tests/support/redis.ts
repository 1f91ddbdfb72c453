import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import Redis from 'ioredis'
import { expect, vi } from 'vitest'
import { startBuiltServer } from './built-server'
import type { RunningServer } from './built-server'
import { newTestDatabase } from './scratch-database'

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

/** A Redis of the test's own, that it can stop, freeze and start again. */
export async function ownRedis(port: number) {
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
  const client = new Redis({ port, lazyConnect: true, retryStrategy: () => 50 })
  client.on('error', () => {})
  await vi.waitFor(async () => expect(await client.ping()).toBe('PONG'), { timeout: 10_000, interval: 50 })
  return {
    client,
    process: child,
    stop: () => new Promise<void>((done) => {
      child.once('exit', () => done())
      child.kill('SIGKILL')
    }),
  }
}

export interface SharedInstances {
  servers: RunningServer[]
  /** The database they share: an SQLite file path or a `postgres://` URL. */
  database: string
  /** Their NUXT_REDIS_PREFIX. */
  prefix: string
  /** Stops the instances, removes their Redis keys and their database. */
  stop: () => Promise<void>
}

/** `count` app instances on one database and one Redis (under a key prefix of their own), as behind a load balancer. */
export async function sharedInstances(count = 2, env: Record<string, string> = {}): Promise<SharedInstances> {
  const prefix = `influencia-test-${randomUUID()}`
  const database = await newTestDatabase()
  const servers: RunningServer[] = []
  // One after another: the first migrates and seeds the new database.
  for (let n = 0; n < count; n++) servers.push(await startBuiltServer({ NUXT_REDIS_URL: redisUrl, NUXT_REDIS_PREFIX: prefix, ...env }, { database: database.location }))
  return {
    servers,
    database: database.location,
    prefix,
    stop: async () => {
      await Promise.all(servers.map(server => server.stop()))
      const redis = new Redis(redisUrl)
      const keys = await redis.keys(`${prefix}:*`)
      if (keys.length) await redis.del(...keys)
      redis.disconnect()
      await database.drop()
    },
  }
}
