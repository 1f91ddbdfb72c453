import { randomUUID } from 'node:crypto'
import Redis from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { campaignBody } from '../support/actors'
import { apiClient, newAccount } from '../support/api-client'
import { startBuiltServer, TEST_ADMIN_PASSWORD } from '../support/built-server'
import type { RunningServer } from '../support/built-server'
import { redisAvailable, redisUrl } from '../support/redis'
import { newTestDatabase } from '../support/scratch-database'
import type { ScratchDatabase } from '../support/scratch-database'
import { openEventStream } from '../support/sse'
import type { SseStream } from '../support/sse'

type Client = ReturnType<typeof apiClient> & { user: { id: number }, accessToken: string }

async function login(server: RunningServer, name: string, password = name === 'admin' ? TEST_ADMIN_PASSWORD : 'demo-password'): Promise<Client> {
  const client = apiClient({ baseURL: server.url })
  const res = await client.post('/api/auth/login', { login: name, password })
  expect(res.status, `login ${name}`).toBe(200)
  return Object.assign(client, { user: res.body.user, accessToken: res.body.accessToken as string })
}

const cookieHeader = (client: Client) => ({ cookie: [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ') })

/** A live stream of `client`'s user on `server`, by cookie (or Bearer token), that the test closes. */
const open: SseStream[] = []
async function streamOf(server: RunningServer, client: Client, options: { bearer?: boolean, headers?: Record<string, string>, query?: string } = {}) {
  const auth = options.bearer ? { authorization: `Bearer ${client.accessToken}` } : cookieHeader(client)
  const stream = await openEventStream(`${server.url}/api/events${options.query ?? ''}`, { ...auth, ...options.headers })
  expect(stream.status).toBe(200)
  open.push(stream)
  return stream
}

async function newCampaign(sponsor: Client) {
  const res = await sponsor.post('/api/campaigns', campaignBody())
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body as { id: number, title: string }
}

/** The sponsor invites the influencer to a new campaign: one `ad_request.invited` for the influencer. */
async function invite(sponsor: Client, influencerId: number, paymentAmount = 30_000) {
  const campaign = await newCampaign(sponsor)
  const res = await sponsor.post('/api/ad-requests', { campaignId: campaign.id, influencerId, requirements: 'One reel and a story', paymentAmount })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return { campaign, request: res.body as { id: number } }
}

afterAll(() => {
  for (const stream of open) stream.close()
})

// Two app instances on one database and one Redis, as behind a load balancer: what one commits
// reaches the streams open on the other.
const available = await redisAvailable()

describe.runIf(available)('live events across two instances (Redis pub/sub)', () => {
  const prefix = `influencia-test-${randomUUID()}`
  let database: ScratchDatabase
  let a: RunningServer
  let b: RunningServer
  let sponsor: Client
  let leo: Client
  let mia: Client

  beforeAll(async () => {
    const env = { NUXT_REDIS_URL: redisUrl, NUXT_REDIS_PREFIX: prefix }
    database = await newTestDatabase()
    a = await startBuiltServer(env, { database: database.location })
    b = await startBuiltServer(env, { database: database.location })
    ;[sponsor, leo, mia] = await Promise.all([login(a, 'acme'), login(a, 'leo'), login(b, 'mia')])
  })

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()])
    const redis = new Redis(redisUrl)
    const keys = await redis.keys(`${prefix}:*`)
    if (keys.length) await redis.del(...keys)
    redis.disconnect()
    await database?.drop()
  })

  it('refuses a stream without a login, or with a Last-Event-ID that is no message id', async () => {
    const anonymous = await openEventStream(`${b.url}/api/events`)
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('content-type')).toContain('application/json')
    const forged = await openEventStream(`${b.url}/api/events`, { authorization: 'Bearer not-a-token' })
    expect(forged.status).toBe(401)

    const badHeader = await leo.get('/api/events', { headers: { 'last-event-id': 'yesterday' } })
    expect(badHeader.status).toBe(400)
    expect(badHeader.body.data.fields).toHaveProperty('lastEventId')
    const badQuery = await leo.get('/api/events?lastEventId=-3')
    expect(badQuery.status).toBe(400)
    expect(badQuery.body.message).toMatch(/Last-Event-ID/)
  })

  it('carries an event committed on A to the influencer\'s stream on B, and to nobody else\'s', async () => {
    const leoOnB = await streamOf(b, leo)
    const miaOnB = await streamOf(b, mia, { bearer: true })
    const sponsorOnB = await streamOf(b, sponsor)

    const { campaign, request } = await invite(sponsor, leo.user.id, 42_000)

    const message = await leoOnB.next()
    const inbox = (await leo.get('/api/notifications?pageSize=1')).body.items[0]
    expect(message.event).toBe('ad_request.invited')
    expect(message.data).toEqual({
      type: 'ad_request.invited',
      adRequestId: request.id,
      campaignId: campaign.id,
      campaign: campaign.title,
      paymentAmount: 42_000,
      notificationId: inbox.id,
    })
    expect(message.id).toBe(String(inbox.id))

    // The sponsor acted (published, then invited): their open pages follow it too, without an inbox row.
    expect((await sponsorOnB.next()).data).toEqual({ type: 'campaign.published', campaignId: campaign.id, campaign: campaign.title, sponsorId: sponsor.user.id })
    const own = await sponsorOnB.next()
    expect(own.event).toBe('ad_request.invited')
    expect(own.data).toMatchObject({ adRequestId: request.id })
    expect(own.data).not.toHaveProperty('notificationId')
    expect(own.id).toBeUndefined()

    // Mia's first message is her own invitation, sent after Leo's: Leo's never reached her.
    const hers = await invite(sponsor, mia.user.id)
    const first = await miaOnB.next()
    expect(first.data).toMatchObject({ type: 'ad_request.invited', adRequestId: hers.request.id })
    expect(leoOnB.frames.filter(f => f.data).map(f => JSON.parse(f.data!).adRequestId)).toEqual([request.id])
  })

  it('catches up with exactly the notifications missed since Last-Event-ID, then goes on live without a repeat', async () => {
    const first = await streamOf(b, leo)
    await invite(sponsor, leo.user.id)
    const seen = await first.next()
    first.close()

    // While Leo is away: two invitations for him, one for Mia.
    const missed = [await invite(sponsor, leo.user.id, 31_000), await invite(sponsor, leo.user.id, 32_000)]
    await invite(sponsor, mia.user.id)

    const resumed = await streamOf(b, leo, { headers: { 'last-event-id': seen.id! } })
    const caughtUp = [await resumed.next(), await resumed.next()]
    expect(caughtUp.map(m => m.data.adRequestId)).toEqual(missed.map(m => m.request.id))
    expect(caughtUp.map(m => m.data.paymentAmount)).toEqual([31_000, 32_000])
    const inbox = (await leo.get('/api/notifications?pageSize=2')).body.items.map((n: { id: number }) => String(n.id)).reverse()
    expect(caughtUp.map(m => m.id)).toEqual(inbox)

    const live = await invite(sponsor, leo.user.id, 33_000)
    const next = await resumed.next()
    expect(next.data).toMatchObject({ adRequestId: live.request.id, paymentAmount: 33_000 })

    // A client opening a new connection names the same point in the query, on either instance.
    const again = await streamOf(a, leo, { query: `?lastEventId=${seen.id}` })
    expect((await again.next()).id).toBe(caughtUp[0]!.id)
  })

  it('tells a new stream where to resume from without sending it anything old', async () => {
    const stream = await streamOf(b, leo)
    const newest = (await leo.get('/api/notifications?pageSize=1')).body.items[0].id
    const frame = await stream.nextFrame()
    expect(frame).toEqual({ retry: 3000 })
    expect(await stream.nextFrame()).toEqual({ id: String(newest) })
  })

  it('ends the stream of a session that logs out (on the other instance), and only that one', async () => {
    const phone = await login(a, 'leo')
    const laptop = await login(a, 'leo')
    const phoneOnB = await streamOf(b, phone)
    const laptopOnB = await streamOf(b, laptop)

    expect((await phone.post('/api/auth/logout')).status).toBe(200)
    expect(await phoneOnB.ended).toBe(true)

    const after = await invite(sponsor, leo.user.id)
    expect((await laptopOnB.next()).data.adRequestId).toBe(after.request.id)
    expect((await openEventStream(`${b.url}/api/events`, cookieHeader(phone))).status).toBe(401)
  })

  it('ends the streams of a suspended user, and of one whose password was reset', async () => {
    const admin = await login(a, 'admin')
    const account = newAccount('influencer')
    const signup = await apiClient({ baseURL: a.url }).post('/api/auth/signup', account)
    expect(signup.status).toBe(201)
    const creator = await login(a, account.username, account.password)
    const suspendedStream = await streamOf(b, creator)
    expect((await admin.patch(`/api/admin/users/${creator.user.id}`, { status: 'suspended' })).status).toBe(200)
    expect(await suspendedStream.ended).toBe(true)

    const other = newAccount('influencer')
    expect((await apiClient({ baseURL: a.url }).post('/api/auth/signup', other)).status).toBe(201)
    const owner = await login(a, other.username, other.password)
    const resetStream = await streamOf(b, owner)
    expect((await apiClient({ baseURL: a.url }).post('/api/auth/password-reset', { email: other.email })).status).toBe(202)
    const mail = (await admin.get(`/api/admin/outbox?q=${encodeURIComponent(other.email)}`)).body.items[0]
    const token = mail.text.match(/reset-password\?token=([\w-]+)/)[1]
    expect((await apiClient({ baseURL: a.url }).post('/api/auth/password-reset/confirm', { token, newPassword: 'a fresh long password' })).status).toBe(200)
    expect(await resetStream.ended).toBe(true)
  })

  it('ends its streams cleanly when an instance shuts down, at once', async () => {
    const stream = await streamOf(b, leo)
    const started = Date.now()
    await b.stop()
    expect(await stream.ended).toBe(true)
    // Nitro would otherwise wait 30 s for the open stream before closing.
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})

describe('live events on one instance without Redis', () => {
  let server: RunningServer
  let sponsor: Client
  let leo: Client

  beforeAll(async () => {
    // Redis configured but not answering: requests and this instance's own streams go on.
    server = await startBuiltServer({ NUXT_REDIS_URL: 'redis://127.0.0.1:1', NUXT_LIVE_HEARTBEAT_SECONDS: '1' })
    ;[sponsor, leo] = await Promise.all([login(server, 'acme'), login(server, 'leo')])
  })

  afterAll(() => server?.stop())

  it('delivers in-process when Redis is away, and keeps the connection busy with comments', async () => {
    const stream = await streamOf(server, leo)
    const { request } = await invite(sponsor, leo.user.id)
    expect((await stream.next()).data.adRequestId).toBe(request.id)
    for (;;) {
      const frame = await stream.nextFrame()
      if (frame.comment !== undefined) break
    }
  })
})
