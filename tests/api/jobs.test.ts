import { randomUUID } from 'node:crypto'
import Redis from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiClient } from '../support/api-client'
import type { Client } from '../support/actors'
import { anonymous, liveCampaign, loginAs, newUser } from '../support/actors'
import { redisAvailable, redisUrl } from '../support/redis'
import { startBuiltServer, TEST_ADMIN_PASSWORD } from '../support/built-server'
import type { RunningServer } from '../support/built-server'
import { countRows } from '../support/suite-database'

const LIFECYCLE = '/api/admin/jobs/campaigns:lifecycle/run'
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

/** Moves a live campaign's dates into the past, as if it had ended yesterday. */
async function endedYesterday(sponsor: Client, campaignId: number) {
  const res = await sponsor.patch(`/api/campaigns/${campaignId}`, { startDate: day(-5), endDate: day(-1) })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  expect(res.body.status).toBe('active')
}

describe('scheduled jobs', () => {
  it('lists each task with its schedule and last runs; "Run now" applies the lifecycle and records the run', async () => {
    const sponsor = await newUser('sponsor')
    const creator = await newUser('influencer')
    const admin = await loginAs('admin')
    const campaign = await liveCampaign(sponsor)
    const invite = (await sponsor.post('/api/ad-requests', { campaignId: campaign.id, influencerId: creator.user.id, requirements: 'One reel', paymentAmount: 20_000 })).body
    await endedYesterday(sponsor, campaign.id)

    const run = await admin.post(LIFECYCLE)
    expect(run.status, JSON.stringify(run.body)).toBe(200)
    expect(run.body).toMatchObject({ task: 'campaigns:lifecycle', outcome: 'succeeded', error: null, counts: { started: expect.any(Number), completed: expect.any(Number), expired: expect.any(Number) } })
    expect(run.body.finishedAt).not.toBeNull()
    expect(await countRows('job_runs', 'id = ? and task = ? and outcome = ?', run.body.id, 'campaigns:lifecycle', 'succeeded')).toBe(1)

    expect((await sponsor.get(`/api/campaigns/${campaign.id}`)).body.status).toBe('completed')
    expect((await creator.get(`/api/ad-requests/${invite.id}`)).body.status).toBe('expired')
    const kinds = async (who: Client) => (await who.get('/api/notifications')).body.items.map((n: any) => n.kind)
    expect(await kinds(creator)).toEqual(['ad_request.expired', 'ad_request.invited'])
    expect(await kinds(sponsor)).toEqual(expect.arrayContaining(['ad_request.expired', 'campaign.ended']))

    const jobs = await admin.get('/api/admin/jobs')
    expect(jobs.status).toBe(200)
    const lifecycle = jobs.body.items.find((j: any) => j.name === 'campaigns:lifecycle')
    expect(lifecycle).toMatchObject({ cron: '* * * * *', schedule: 'Every minute' })
    expect(lifecycle.runs.length).toBeLessThanOrEqual(10)
    expect(lifecycle.runs.map((r: any) => r.id)).toContain(run.body.id)
  })

  it('are for admins only, and an unknown task is a 404', async () => {
    const sponsor = await newUser('sponsor')
    const admin = await loginAs('admin')
    expect((await anonymous().get('/api/admin/jobs')).status).toBe(401)
    expect((await anonymous().post(LIFECYCLE)).status).toBe(401)
    expect((await sponsor.get('/api/admin/jobs')).status).toBe(403)
    expect((await sponsor.post(LIFECYCLE)).status).toBe(403)
    const unknown = await admin.post('/api/admin/jobs/reports:yearly/run')
    expect(unknown.status).toBe(404)
    expect(unknown.body.message).toContain('reports:yearly')
  })
})

// The lock that makes several instances run each schedule once lives in Redis (TEST_REDIS_URL;
// CI runs Redis, elsewhere this part is skipped when none answers, as in redis.test.ts).
const available = await redisAvailable()

describe.runIf(available)('a scheduled job with Redis', () => {
  const prefix = `influencia-test-${randomUUID()}`
  const lockKey = `${prefix}:lock:job:campaigns:lifecycle`
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

  it('is skipped, and changes nothing, while another instance holds its lock; runs once the lock is free', async () => {
    const client = (login: string, password: string) => {
      const c = apiClient({ baseURL: server.url })
      return c.post('/api/auth/login', { login, password }).then((res) => {
        expect(res.status).toBe(200)
        return Object.assign(c, { user: res.body.user }) as Client
      })
    }
    const admin = await client('admin', TEST_ADMIN_PASSWORD)
    const sponsor = await client('acme', 'demo-password')
    const campaign = (await sponsor.get('/api/campaigns?mine=true&status=active')).body.items[0] as { id: number }
    await endedYesterday(sponsor, campaign.id)

    expect(await redis.set(lockKey, 'another-instance', 'PX', 60_000, 'NX')).toBe('OK')
    const skipped = await admin.post(LIFECYCLE)
    expect(skipped.status).toBe(200)
    expect(skipped.body).toMatchObject({ outcome: 'skipped', counts: {} })
    expect((await sponsor.get(`/api/campaigns/${campaign.id}`)).body.status).toBe('active')
    expect(await redis.get(lockKey)).toBe('another-instance')

    await redis.del(lockKey)
    const ran = await admin.post(LIFECYCLE)
    expect(ran.body).toMatchObject({ outcome: 'succeeded' })
    expect((await sponsor.get(`/api/campaigns/${campaign.id}`)).body.status).toBe('completed')
    expect(await redis.get(lockKey)).toBeNull()

    const runs = (await admin.get('/api/admin/jobs')).body.items[0].runs.map((r: any) => [r.id, r.outcome])
    expect(runs).toEqual(expect.arrayContaining([[skipped.body.id, 'skipped'], [ran.body.id, 'succeeded']]))
  })
})
