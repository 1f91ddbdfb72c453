import { existsSync } from 'node:fs'
import { once } from 'node:events'
import { request } from 'node:http'
import type { IncomingMessage } from 'node:http'
import { connect } from 'node:net'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { actorsOn, campaignBody } from '../support/actors'
import type { Client } from '../support/actors'
import { freePort, startBuiltServer } from '../support/built-server'
import type { RunningServer } from '../support/built-server'
import { ownRedis, redisAvailable, redisUrl } from '../support/redis'
import { openEventStream } from '../support/sse'

// SIGTERM, as an orchestrator sends it before it kills (Docker after 10 s): the server stops
// accepting, answers what it has started, closes the database and Redis, and exits 0 in time.

const withRedis = await redisAvailable()
const EXIT_WITHIN_MS = 10_000

let servers: RunningServer[] = []
afterEach(async () => {
  await Promise.all(servers.map(server => server.stop()))
  servers = []
})

async function server(env: Record<string, string> = {}) {
  const started = await startBuiltServer(env)
  servers.push(started)
  return started
}

/** Sends SIGTERM and resolves with the exit code and how long the process took to end. */
async function terminate(target: RunningServer) {
  const start = performance.now()
  process.kill(target.pid, 'SIGTERM')
  const code = await target.exited
  return { code, ms: performance.now() - start }
}

function campaignIdsOf(dbPath: string, sponsorId: number): number[] {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true })
  try {
    return (db.prepare('select id from campaigns where sponsor_id = ? order by id').all(sponsorId) as { id: number }[]).map(r => r.id)
  }
  finally {
    db.close()
  }
}

/** Whether a new connection to `url` is refused (the listening socket is closed). */
function refusesConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname)
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'))
  })
}

const cookieOf = (client: Client) => [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ')

describe('shutdown on SIGTERM', () => {
  it('under write load: exits 0 within 10 s, and every write it acknowledged is in the database', async () => {
    const target = await server()
    const sponsor = await actorsOn(target.url).newUser('sponsor')
    const acknowledged: number[] = []
    const unexpected: string[] = []
    let signalled: Promise<{ code: number | null, ms: number }> | undefined
    let acknowledgedAfterSignal = 0
    const SIGNAL_AFTER = 40

    // Sixteen sponsors' tabs creating campaigns, each until its connection is refused (the server
    // is gone), at most 60 each; the signal goes once 40 creations have been answered.
    async function writer(n: number) {
      for (let i = 0; i < 60; i++) {
        let res
        try {
          res = await sponsor.post('/api/campaigns', campaignBody({ title: `Shutdown load ${n}-${i}` }))
        }
        catch (error) {
          if (!signalled) throw error
          return
        }
        if (res.status !== 201) {
          unexpected.push(`${res.status} ${JSON.stringify(res.body)}`)
          continue
        }
        acknowledged.push(res.body.id)
        if (signalled) acknowledgedAfterSignal++
        if (acknowledged.length === SIGNAL_AFTER) signalled = terminate(target)
      }
    }
    await Promise.all(Array.from({ length: 16 }, (_, n) => writer(n)))

    expect(signalled, 'the load reached the signal').toBeDefined()
    const { code, ms } = await signalled!
    console.info(`[shutdown test] ${acknowledged.length} campaigns acknowledged (${acknowledgedAfterSignal} after the signal); exit ${code} after ${ms.toFixed(0)} ms`)
    expect(unexpected).toEqual([])
    expect(code).toBe(0)
    expect(ms).toBeLessThan(EXIT_WITHIN_MS)
    // The database was closed: closing folds the write-ahead log into the file and removes it
    // (checked before the test opens the file itself).
    expect(existsSync(`${target.database}-wal`), target.output()).toBe(false)
    // Every acknowledged write is there, and nothing the clients were not told about.
    expect(campaignIdsOf(target.database, sponsor.user.id)).toEqual([...acknowledged].sort((a, b) => a - b))
  })

  it('stops accepting connections at once but finishes a request still arriving, then exits 0', async () => {
    const target = await server()
    const sponsor = await actorsOn(target.url).newUser('sponsor')
    const body = JSON.stringify(campaignBody({ title: 'Sent slowly across a shutdown' }))

    // The body is held back until the server has read the headers (it answers `100 Continue`):
    // from then on the request is in flight on the server.
    const upload = request(`${target.url}/api/campaigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'expect': '100-continue', 'cookie': cookieOf(sponsor), 'x-forwarded-for': sponsor.ip },
    })
    const answered = once(upload, 'response') as Promise<[IncomingMessage]>
    await once(upload, 'continue')
    upload.write(body.slice(0, 20))

    const exit = terminate(target)
    await vi.waitFor(async () => expect(await refusesConnections(target.url)).toBe(true), { timeout: 3000, interval: 20 })
    upload.end(body.slice(20))

    const [response] = await answered
    let text = ''
    for await (const chunk of response) text += chunk
    expect(response.statusCode, text).toBe(201)
    const { code, ms } = await exit
    expect(code).toBe(0)
    expect(ms).toBeLessThan(EXIT_WITHIN_MS)
    expect(campaignIdsOf(target.database, sponsor.user.id)).toEqual([JSON.parse(text).id])
  })

  describe.runIf(withRedis)('with Redis', () => {
    it('ends open event streams and exits 0 within 10 s', async () => {
      const target = await server({ NUXT_REDIS_URL: redisUrl, NUXT_REDIS_PREFIX: `influencia-shutdown-${process.pid}` })
      const influencer = await actorsOn(target.url).newUser('influencer')
      const stream = await openEventStream(`${target.url}/api/events`, { cookie: cookieOf(influencer) })
      expect(stream.status).toBe(200)
      await stream.nextFrame()

      const { code, ms } = await terminate(target)
      console.info(`[shutdown test] with an open event stream: exit ${code} after ${ms.toFixed(0)} ms`)
      expect(await stream.ended, 'the stream ended cleanly').toBe(true)
      expect(code).toBe(0)
      expect(ms).toBeLessThan(EXIT_WITHIN_MS)
    })

    it('exits 0 within 10 s when Redis stopped answering, and still closes the database', async () => {
      const redis = await ownRedis(await freePort())
      try {
        const target = await server({ NUXT_REDIS_URL: `redis://127.0.0.1:${redis.client.options.port}`, NUXT_REDIS_PREFIX: 'influencia-shutdown' })
        const influencer = await actorsOn(target.url).newUser('influencer')
        const stream = await openEventStream(`${target.url}/api/events`, { cookie: cookieOf(influencer) })
        await stream.nextFrame()
        // Frozen: its connections stay open and nothing answers, so a polite QUIT would wait forever.
        redis.process.kill('SIGSTOP')

        const { code, ms } = await terminate(target)
        console.info(`[shutdown test] with Redis frozen: exit ${code} after ${ms.toFixed(0)} ms`)
        expect(code).toBe(0)
        expect(ms).toBeLessThan(EXIT_WITHIN_MS)
        expect(existsSync(`${target.database}-wal`), target.output()).toBe(false)
      }
      finally {
        redis.process.kill('SIGCONT')
        redis.client.disconnect()
        await redis.stop()
      }
    })
  })
})
