import { randomUUID } from 'node:crypto'
import Redis from 'ioredis'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Client } from '../support/actors'
import { actorsOn, liveCampaign } from '../support/actors'
import { startBuiltServer, TEST_SITE_URL } from '../support/built-server'
import type { RunningServer } from '../support/built-server'
import { redisAvailable, redisUrl } from '../support/redis'

const REMINDERS = '/api/admin/jobs/reminders:daily/run'
const REPORTS = '/api/admin/jobs/reports:monthly/run'

/** An open invitation: the offer is on the table, the influencer's answer is awaited. */
async function invite(sponsor: Client, influencer: Client, title: string) {
  const campaign = await liveCampaign(sponsor, { title })
  const res = await sponsor.post('/api/ad-requests', { campaignId: campaign.id, influencerId: influencer.user.id, requirements: 'One reel', paymentAmount: 20_000 })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.id as number
}

const remindersOf = async (who: Client) => (await who.get('/api/notifications')).body.items.filter((n: any) => n.kind === 'reminder.daily')

// Servers of their own, whose clock runs no task (TEST set): "Run now" is the only trigger, so
// the hourly schedule cannot remind anyone behind the test's back, nor anyone of the other suites.
describe('reminders:daily', () => {
  let server: RunningServer
  let admin: Client

  beforeAll(async () => {
    server = await startBuiltServer()
    admin = await actorsOn(server.url).loginAs('admin')
  })
  afterAll(() => server?.stop())

  it('reminds an influencer with a request waiting once a day, in the inbox and by e-mail; a second run does nothing', async () => {
    const sponsor = await actorsOn(server.url).newUser('sponsor')
    const creator = await actorsOn(server.url).newUser('influencer')
    const requestId = await invite(sponsor, creator, 'Evening Glow')
    // Just signed up and nothing waiting: not reminded.
    const newcomer = await actorsOn(server.url).newUser('influencer')

    const run = await admin.post(REMINDERS)
    expect(run.status, JSON.stringify(run.body)).toBe(200)
    expect(run.body).toMatchObject({ task: 'reminders:daily', outcome: 'succeeded', error: null })
    // The demo's influencers have not been seen for weeks: they are reminded too.
    expect(run.body.counts.awaiting).toBeGreaterThanOrEqual(1)
    expect(run.body.counts.idle).toBeGreaterThanOrEqual(1)
    expect(run.body.counts.reminded).toBe(run.body.counts.awaiting + run.body.counts.idle)

    const today = new Date().toISOString().slice(0, 10)
    expect(await remindersOf(creator)).toEqual([expect.objectContaining({
      read: false, payload: { day: today, awaiting: 1, adRequestId: requestId, campaign: 'Evening Glow' },
    })])
    expect(await remindersOf(newcomer)).toEqual([])

    const subject = 'Waiting for your answer: Evening Glow'
    const mails = async () => (await admin.get(`/api/admin/outbox?q=${encodeURIComponent(creator.email)}`)).body.items.filter((m: any) => m.subject === subject)
    // Mail goes out after the run has committed, in the background: wait for it to be recorded.
    const [mail] = await vi.waitFor(async () => {
      const found = await mails()
      expect(found).toHaveLength(1)
      return found
    }, { timeout: 10_000, interval: 50 })
    expect(mail).toMatchObject({ to: creator.email, transport: 'outbox', status: 'sent' })
    expect(mail.text).toContain(`${TEST_SITE_URL}/influencer/requests/${requestId}`)

    const again = await admin.post(REMINDERS)
    expect(again.body).toMatchObject({ outcome: 'succeeded', counts: { reminded: 0, awaiting: 0, idle: 0 }, summary: 'Nothing to do' })
    expect(await remindersOf(creator)).toHaveLength(1)
    expect(await mails()).toHaveLength(1)
  })

  it('is listed on the jobs page with its schedule beside the monthly reports', async () => {
    const jobs = (await admin.get('/api/admin/jobs')).body.items
    expect(jobs.map((j: any) => [j.name, j.cron])).toEqual(expect.arrayContaining([
      ['reminders:daily', '0 * * * *'],
      ['reports:monthly', '0 * * * *'],
    ]))
    expect(jobs.find((j: any) => j.name === 'reminders:daily').runs[0]).toMatchObject({ outcome: 'succeeded' })
  })
})

// With several instances, the lock lives in Redis (TEST_REDIS_URL; skipped when none answers
// outside CI, as in redis.test.ts).
const available = await redisAvailable()

describe.runIf(available)('the reminder and report tasks with Redis', () => {
  const prefix = `influencia-test-${randomUUID()}`
  let server: RunningServer
  let redis: Redis

  beforeAll(async () => {
    server = await startBuiltServer({ NUXT_REDIS_URL: redisUrl, NUXT_REDIS_PREFIX: prefix })
    redis = new Redis(redisUrl)
  })

  afterAll(async () => {
    await server?.stop()
    const keys = await redis.keys(`${prefix}:*`)
    if (keys.length) await redis.del(...keys)
    redis.disconnect()
  })

  it('are skipped, telling nobody, while another instance holds their lock; run once it is free', async () => {
    const admin = await actorsOn(server.url).loginAs('admin')
    const acme = await actorsOn(server.url).loginAs('acme')
    const sponsor = await actorsOn(server.url).newUser('sponsor')
    const creator = await actorsOn(server.url).newUser('influencer')
    await invite(sponsor, creator, 'Locked Out')
    const reportsOf = async () => (await acme.get('/api/notifications')).body.items.filter((n: any) => n.kind === 'report.ready')

    const locks = [`${prefix}:lock:job:reminders:daily`, `${prefix}:lock:job:reports:monthly`]
    for (const key of locks) expect(await redis.set(key, 'another-instance', 'PX', 60_000, 'NX')).toBe('OK')
    for (const path of [REMINDERS, REPORTS]) {
      const skipped = await admin.post(path)
      expect(skipped.status).toBe(200)
      expect(skipped.body).toMatchObject({ outcome: 'skipped', counts: {} })
    }
    expect(await remindersOf(creator)).toEqual([])
    expect(await reportsOf()).toEqual([])
    for (const key of locks) expect(await redis.get(key)).toBe('another-instance')

    await redis.del(...locks)
    expect((await admin.post(REMINDERS)).body).toMatchObject({ outcome: 'succeeded' })
    expect((await admin.post(REPORTS)).body).toMatchObject({ outcome: 'succeeded', counts: { reports: 3 } })
    expect(await remindersOf(creator)).toHaveLength(1)
    expect(await reportsOf()).toHaveLength(1)
    for (const key of locks) expect(await redis.get(key)).toBeNull()
  })
})
