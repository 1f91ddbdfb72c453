import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatMonth } from '../../shared/notification-text'
import type { Client } from '../support/actors'
import { actorsOn, anonymous, liveCampaign, loginAs, newUser } from '../support/actors'
import { startBuiltServer, TEST_SITE_URL } from '../support/built-server'
import type { RunningServer } from '../support/built-server'

// Test servers run in UTC (NUXT_TZ unset): months here are UTC months.
const thisMonth = () => new Date().toISOString().slice(0, 7)
function monthBefore(month: string) {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`
}

/** A deal agreed now: the sponsor invites, the influencer accepts. */
async function agreeDeal(sponsor: Client, influencer: Client, campaignId: number, paymentAmount: number) {
  const invite = await sponsor.post('/api/ad-requests', { campaignId, influencerId: influencer.user.id, requirements: 'One reel', paymentAmount })
  expect(invite.status, JSON.stringify(invite.body)).toBe(201)
  expect((await influencer.post(`/api/ad-requests/${invite.body.id}/accept`)).status).toBe(200)
  return invite.body.id as number
}

describe('GET /api/reports/monthly', () => {
  it('sums the sponsor\'s own month: its campaigns, requests by status, spend, and each budget used and left', async () => {
    const sponsor = await newUser('sponsor')
    const [creator, other] = [await newUser('influencer'), await newUser('influencer')]
    const campaign = await liveCampaign(sponsor, { budget: 100_000, title: 'Report Launch' })
    await agreeDeal(sponsor, creator, campaign.id, 20_000)
    expect((await sponsor.post('/api/ad-requests', { campaignId: campaign.id, influencerId: other.user.id, requirements: 'A story', paymentAmount: 5_000 })).status).toBe(201)

    const res = await sponsor.get(`/api/reports/monthly?month=${thisMonth()}`)
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body).toMatchObject({
      month: thisMonth(),
      previousMonth: monthBefore(thisMonth()),
      timeZone: 'UTC',
      inProgress: true,
      months: { first: thisMonth(), last: thisMonth() },
      totals: { campaigns: 1, requests: 2, deals: 1, spend: 20_000, budget: 100_000, used: 20_000, remaining: 80_000 },
      previous: { campaigns: 0, requests: 0, deals: 0, spend: 0 },
      requestsByStatus: { pending: 1, accepted: 1, negotiating: 0, completed: 0 },
    })
    expect(res.body.campaigns).toEqual([expect.objectContaining({ id: campaign.id, title: 'Report Launch', deals: 1, spend: 20_000, used: 20_000, remaining: 80_000 })])

    // Another brand's report knows nothing of it.
    const stranger = await newUser('sponsor')
    const theirs = (await stranger.get(`/api/reports/monthly?month=${thisMonth()}`)).body
    expect(theirs).toMatchObject({ totals: { campaigns: 0, requests: 0, spend: 0 }, campaigns: [] })
  })

  it('is last month\'s when no month is given', async () => {
    const res = await (await newUser('sponsor')).get('/api/reports/monthly')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ month: monthBefore(thisMonth()), inProgress: false })
  })

  it('answers 400 naming the month when it is malformed or has not begun', async () => {
    const sponsor = await newUser('sponsor')
    const nextYear = `${new Date().getUTCFullYear() + 1}-01`
    for (const month of ['2026-13', 'March', '2026-3', '']) {
      const res = await sponsor.get(`/api/reports/monthly?month=${month}`)
      expect(res.status, month).toBe(400)
      expect(res.body.data.fields.month, month).toMatch(/YYYY-MM/)
    }
    const future = await sponsor.get(`/api/reports/monthly?month=${nextYear}`)
    expect(future.status).toBe(400)
    expect(future.body.data.fields).toEqual({ month: 'Cannot be in the future' })
  })

  it('is for sponsors only', async () => {
    expect((await anonymous().get('/api/reports/monthly')).status).toBe(401)
    expect((await (await newUser('influencer')).get('/api/reports/monthly')).status).toBe(403)
    expect((await (await loginAs('admin')).get('/api/reports/monthly')).status).toBe(403)
  })
})

// Its own server, whose clock runs no task (TEST set): only "Run now" starts one, so nothing
// else announces reports or reminds anyone behind the test's back.
describe('reports:monthly', () => {
  let server: RunningServer
  const RUN = '/api/admin/jobs/reports:monthly/run'

  beforeAll(async () => {
    server = await startBuiltServer()
  })
  afterAll(() => server?.stop())

  it('tells each active sponsor once that last month\'s report is ready, in the inbox and by e-mail, however often it runs', async () => {
    const admin = await actorsOn(server.url).loginAs('admin')
    const acme = await actorsOn(server.url).loginAs('acme')
    const pending = await actorsOn(server.url).loginAs('novabank')
    const last = monthBefore(thisMonth())

    const run = await admin.post(RUN)
    expect(run.status, JSON.stringify(run.body)).toBe(200)
    // The demo's three approved brands joined months ago; the one awaiting approval hears nothing.
    expect(run.body).toMatchObject({ task: 'reports:monthly', outcome: 'succeeded', counts: { reports: 3 } })

    const reportsOf = async (who: Client) => (await who.get('/api/notifications')).body.items.filter((n: any) => n.kind === 'report.ready')
    expect(await reportsOf(acme)).toEqual([expect.objectContaining({ read: false, payload: { month: last } })])
    expect(await reportsOf(pending)).toEqual([])

    const subject = `Your report for ${formatMonth(last)} is ready`
    const mails = async () => (await admin.get(`/api/admin/outbox?q=${encodeURIComponent('acme@brands.example')}`)).body.items.filter((m: any) => m.subject === subject)
    const [mail, ...more] = await mails()
    expect(more).toEqual([])
    expect(mail).toMatchObject({ to: 'acme@brands.example', transport: 'outbox', status: 'sent' })
    expect(mail.text).toContain(`${TEST_SITE_URL}/sponsor/reports?month=${last}`)
    expect(mail.text).toContain('Hi Acme Outdoor,')

    const again = await admin.post(RUN)
    expect(again.body).toMatchObject({ outcome: 'succeeded', counts: { reports: 0 }, summary: 'Nothing to do' })
    expect(await reportsOf(acme)).toHaveLength(1)
    expect(await mails()).toHaveLength(1)

    // The link leads to the report, which has the demo's activity of that month.
    const report = await acme.get(`/api/reports/monthly?month=${last}`)
    expect(report.status).toBe(200)
    expect(report.body.month).toBe(last)
  })
})
