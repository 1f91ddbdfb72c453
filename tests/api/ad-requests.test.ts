import { describe, expect, it, inject } from 'vitest'
import { anonymous, campaignBody, liveCampaign, loginAs, newUser } from '../support/actors'
import type { Client } from '../support/actors'
import { startBuiltServer } from '../support/built-server'
import { testDatabase } from '../support/suite-database'

async function invite(sponsor: Client, campaignId: number, influencerId: number, paymentAmount = 20_000) {
  const res = await sponsor.post('/api/ad-requests', { campaignId, influencerId, requirements: 'Two reels and a story', paymentAmount, message: 'Would love to work with you' })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body
}

function storedRequest(id: number) {
  // Quoted: PostgreSQL folds unquoted names to lower case.
  return testDatabase().row<{ status: string, amount: number, lastOfferBy: string }>('select status, payment_amount as amount, last_offer_by as "lastOfferBy" from ad_requests where id = ?', id)
}

describe('a negotiated deal', () => {
  it('goes invite → counter → counter → accept → complete, with every step in the history', async () => {
    const sponsor = await newUser('sponsor')
    const creator = await newUser('influencer')
    const c = await liveCampaign(sponsor, { budget: 100_000 })
    const req = await invite(sponsor, c.id, creator.user.id, 20_000)
    expect(req).toMatchObject({ status: 'pending', initiatedBy: 'sponsor', lastOfferBy: 'sponsor', awaiting: 'influencer', paymentAmount: 20_000 })
    expect(req.allowedActions).toEqual(['withdraw'])

    const mine = await creator.get(`/api/ad-requests/${req.id}`)
    expect(mine.body.allowedActions).toEqual(['accept', 'reject', 'counter'])

    const counter = await creator.post(`/api/ad-requests/${req.id}/counter`, { paymentAmount: 30_000, message: 'My rate is higher' })
    expect(counter.body).toMatchObject({ status: 'negotiating', lastOfferBy: 'influencer', paymentAmount: 30_000, awaiting: 'sponsor' })
    const back = await sponsor.post(`/api/ad-requests/${req.id}/counter`, { paymentAmount: 25_000, message: 'Meet in the middle?' })
    expect(back.body).toMatchObject({ status: 'negotiating', lastOfferBy: 'sponsor', paymentAmount: 25_000 })
    const accepted = await creator.post(`/api/ad-requests/${req.id}/accept`, {})
    expect(accepted.body).toMatchObject({ status: 'accepted', paymentAmount: 25_000, allowedActions: [] })
    expect((await sponsor.get(`/api/campaigns/${c.id}`)).body).toMatchObject({ committed: 25_000, remaining: 75_000 })

    const done = await sponsor.post(`/api/ad-requests/${req.id}/complete`, { message: 'Great work' })
    expect(done.body.status).toBe('completed')
    expect(done.body.history.map((h: any) => [h.kind, h.actorSide, h.paymentAmount ?? null])).toEqual([
      ['offer', 'sponsor', 20_000],
      ['counter', 'influencer', 30_000],
      ['counter', 'sponsor', 25_000],
      ['accepted', 'influencer', 25_000],
      ['completed', 'sponsor', null],
    ])
    expect(done.body.history[1]).toMatchObject({ message: 'My rate is higher', actorId: creator.user.id })
    expect(done.body.history.every((h: any) => !Number.isNaN(Date.parse(h.at)))).toBe(true)
  })

  it('an application can be rejected by the sponsor, and the influencer sees why', async () => {
    const sponsor = await newUser('sponsor')
    const creator = await newUser('influencer')
    const c = await liveCampaign(sponsor)
    const applied = await creator.post('/api/ad-requests', { campaignId: c.id, requirements: 'A vlog', paymentAmount: 15_000 })
    expect(applied.status).toBe(201)
    expect(applied.body).toMatchObject({ initiatedBy: 'influencer', influencerId: creator.user.id, status: 'pending' })
    const rejected = await sponsor.post(`/api/ad-requests/${applied.body.id}/reject`, { message: 'Not this time' })
    expect(rejected.body.status).toBe('rejected')
    expect((await creator.get(`/api/ad-requests/${applied.body.id}`)).body.history.at(-1)).toMatchObject({ kind: 'rejected', message: 'Not this time' })
  })
})

describe('amounts are taken as sent, or refused with the allowed range', () => {
  const range = 'Enter an amount from $1 to $1,000,000,000'

  it('refuses a negative or zero counter-offer, and one equal to the offer on the table', async () => {
    const sponsor = await newUser('sponsor')
    const creator = await newUser('influencer')
    const c = await liveCampaign(sponsor, { budget: 100_000 })
    const req = await invite(sponsor, c.id, creator.user.id, 20_000)

    for (const paymentAmount of [-5_000, 0, 50]) {
      const bad = await creator.post(`/api/ad-requests/${req.id}/counter`, { paymentAmount })
      expect(bad.status).toBe(400)
      expect(bad.body.data.fields).toEqual({ paymentAmount: range })
    }
    const same = await creator.post(`/api/ad-requests/${req.id}/counter`, { paymentAmount: 20_000, message: 'Same again' })
    expect(same.status).toBe(400)
    expect(same.body.data.fields.paymentAmount).toBe('$200 is already on the table: accept it, or offer another amount')
    expect(await storedRequest(req.id)).toEqual({ status: 'pending', amount: 20_000, lastOfferBy: 'sponsor' })
    expect((await creator.get(`/api/ad-requests/${req.id}`)).body.history).toHaveLength(1)

    const counter = await creator.post(`/api/ad-requests/${req.id}/counter`, { paymentAmount: 20_001 })
    expect(counter.body).toMatchObject({ status: 'negotiating', paymentAmount: 20_001 })
  })

  it('refuses a budget or engagement rate out of range, naming the range, and keeps what was stored', async () => {
    const sponsor = await newUser('sponsor')
    const created = await sponsor.post('/api/campaigns', campaignBody({ budget: -50_000 }))
    expect(created.status).toBe(400)
    expect(created.body.data.fields).toEqual({ budget: range })

    const c = await liveCampaign(sponsor, { budget: 100_000 })
    const lowered = await sponsor.patch(`/api/campaigns/${c.id}`, { budget: -1 })
    expect(lowered.body.data.fields).toEqual({ budget: range })
    expect((await sponsor.get(`/api/campaigns/${c.id}`)).body.budget).toBe(100_000)

    const creator = await newUser('influencer', { profile: { engagementRate: 4.25 } })
    const tooHigh = await creator.patch('/api/me/profile', { profile: { engagementRate: 250 } })
    expect(tooHigh.status).toBe(400)
    expect(tooHigh.body.data.fields).toEqual({ 'profile.engagementRate': 'Enter a rate from 0 to 100 %' })
    expect((await creator.get('/api/auth/me')).body.profile.engagementRate).toBe(4.25)
  })
})

describe('invalid transitions answer 409 and change nothing', () => {
  it('covers every action from every state it is not allowed in', async () => {
    const sponsor = await newUser('sponsor')
    const creator = await newUser('influencer')
    const c = await liveCampaign(sponsor, { budget: 1_000_000 })
    const act = (who: Client, id: number, action: string, body: object = {}) => who.post(`/api/ad-requests/${id}/${action}`, action === 'counter' ? { paymentAmount: 12_345, ...body } : body)

    // pending, offered by the sponsor: the sponsor may only withdraw.
    const pending = await invite(sponsor, c.id, creator.user.id)
    for (const action of ['accept', 'reject', 'counter', 'complete']) {
      const res = await act(sponsor, pending.id, action)
      expect(res.status, `sponsor ${action} own offer`).toBe(409)
      expect(res.body.message).toEqual(expect.any(String))
    }
    expect((await act(creator, pending.id, 'withdraw')).status).toBe(409)
    expect((await act(creator, pending.id, 'complete')).status).toBe(409)
    expect(await storedRequest(pending.id)).toEqual({ status: 'pending', amount: 20_000, lastOfferBy: 'sponsor' })

    // Terminal states take nothing.
    expect((await act(creator, pending.id, 'reject')).status).toBe(200)
    for (const [who, action] of [[sponsor, 'accept'], [creator, 'accept'], [creator, 'counter'], [sponsor, 'withdraw'], [sponsor, 'complete']] as const) {
      expect((await act(who, pending.id, action)).status, `rejected → ${action}`).toBe(409)
    }
    expect((await storedRequest(pending.id))!.status).toBe('rejected')

    // accepted: only the sponsor's complete.
    const deal = await invite(sponsor, c.id, creator.user.id)
    expect((await act(creator, deal.id, 'accept')).status).toBe(200)
    for (const [who, action] of [[sponsor, 'accept'], [creator, 'reject'], [sponsor, 'counter'], [sponsor, 'withdraw'], [creator, 'complete']] as const) {
      expect((await act(who, deal.id, action)).status, `accepted → ${action}`).toBe(409)
    }
    expect((await storedRequest(deal.id))!.status).toBe('accepted')

    // withdrawn is final too.
    const other = await newUser('influencer')
    const w = await invite(sponsor, c.id, other.user.id)
    expect((await act(sponsor, w.id, 'withdraw')).body.status).toBe('withdrawn')
    expect((await act(other, w.id, 'accept')).status).toBe(409)
    expect((await act(sponsor, w.id, 'withdraw')).status).toBe(409)

    // An unknown action is a 400, not a silent no-op.
    expect((await act(sponsor, w.id, 'approve')).status).toBe(400)
  })

  it('allows one open request per influencer and campaign', async () => {
    const sponsor = await newUser('sponsor')
    const creator = await newUser('influencer')
    const c = await liveCampaign(sponsor)
    const first = await invite(sponsor, c.id, creator.user.id)
    const again = await sponsor.post('/api/ad-requests', { campaignId: c.id, influencerId: creator.user.id, requirements: 'Again', paymentAmount: 1_000 })
    expect(again.status).toBe(409)
    // The open request is named by its id in the data, for a link, and not in the words people read.
    expect(again.body).toMatchObject({ message: 'This influencer already has an open request on this campaign (pending)', data: { adRequestId: first.id } })
    const apply = await creator.post('/api/ad-requests', { campaignId: c.id, requirements: 'Me too', paymentAmount: 1_000 })
    expect(apply.status).toBe(409)
    expect(apply.body).toMatchObject({ message: 'You already have an open request on this campaign (pending)', data: { adRequestId: first.id } })
    await creator.post(`/api/ad-requests/${first.id}/reject`, {})
    expect((await creator.post('/api/ad-requests', { campaignId: c.id, requirements: 'Second try', paymentAmount: 1_000 })).status).toBe(201)
  })

  it('refuses offers beyond the remaining budget, and requests on campaigns not live', async () => {
    const sponsor = await newUser('sponsor')
    const creator = await newUser('influencer')
    const c = await liveCampaign(sponsor, { budget: 10_000 })
    const tooMuch = await sponsor.post('/api/ad-requests', { campaignId: c.id, influencerId: creator.user.id, requirements: 'x'.repeat(5), paymentAmount: 10_001 })
    expect(tooMuch.status).toBe(409)
    expect(tooMuch.body.message).toMatch(/remaining budget/)

    const draft = (await sponsor.post('/api/campaigns', campaignBody({ status: 'draft' }))).body
    const onDraft = await sponsor.post('/api/ad-requests', { campaignId: draft.id, influencerId: creator.user.id, requirements: 'Reel', paymentAmount: 100 })
    expect(onDraft.status).toBe(409)
  })

  it('pending sponsors cannot send requests; private campaigns take no applications', async () => {
    const sponsor = await newUser('sponsor')
    const creator = await newUser('influencer')
    const hidden = await liveCampaign(sponsor, { visibility: 'private' })
    expect((await creator.post('/api/ad-requests', { campaignId: hidden.id, requirements: 'Reel', paymentAmount: 100 })).status).toBe(404)

    const pending = await newUser('sponsor', { pending: true })
    const res = await pending.post('/api/ad-requests', { campaignId: hidden.id, influencerId: creator.user.id, requirements: 'Reel', paymentAmount: 100 })
    expect(res.status).toBe(403)
  })
})

describe('the budget invariant under concurrent accepts', () => {
  it('lets exactly as many deals through as the budget holds when 24 accepts race on two servers', async () => {
    const sponsor = await newUser('sponsor')
    const c = await liveCampaign(sponsor, { budget: 100_000 })
    const applications: number[] = []
    for (let i = 0; i < 24; i++) {
      const creator = await newUser('influencer')
      const res = await creator.post('/api/ad-requests', { campaignId: c.id, requirements: 'One post', paymentAmount: 10_000 })
      expect(res.status).toBe(201)
      applications.push(res.body.id)
    }

    // A second instance on the same database, as behind a load balancer.
    const second = await startBuiltServer({}, { database: inject('database') })
    try {
      const cookie = [...sponsor.jar].map(([k, v]) => `${k}=${v}`).join('; ')
      const results = await Promise.all(applications.map((id, i) =>
        fetch(`${i % 2 ? second.url : inject('baseURL')}/api/ad-requests/${id}/accept`, {
          method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{}',
        }).then(async r => ({ status: r.status, body: await r.text() }))))
      expect(results.filter(r => r.status !== 200 && r.status !== 409)).toEqual([])
      expect(results.filter(r => r.status === 200)).toHaveLength(10)
      expect(results.filter(r => r.status === 409)).toHaveLength(14)
    }
    finally {
      await second.stop()
    }
    const row = await testDatabase().row(`select sum(payment_amount) as committed, count(*) as n from ad_requests where campaign_id = ? and status = 'accepted'`, c.id)
    expect(row).toEqual({ committed: 100_000, n: 10 })
    expect((await sponsor.get(`/api/campaigns/${c.id}`)).body).toMatchObject({ committed: 100_000, remaining: 0 })
  }, 120_000)
})

describe('one open request per pair under concurrent writes', () => {
  it('opens exactly one when invitations and applications for the same pair race on two servers', async () => {
    const sponsor = await newUser('sponsor')
    const creator = await newUser('influencer')
    const c = await liveCampaign(sponsor, { budget: 100_000 })
    const second = await startBuiltServer({}, { database: inject('database') })
    try {
      const cookieOf = (client: Client) => [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ')
      const results = await Promise.all(Array.from({ length: 16 }, (_, i) => {
        const fromSponsor = i % 2 === 0
        const body = fromSponsor
          ? { campaignId: c.id, influencerId: creator.user.id, requirements: `Invitation ${i}`, paymentAmount: 1_000 }
          : { campaignId: c.id, requirements: `Application ${i}`, paymentAmount: 1_000 }
        return fetch(`${i % 4 < 2 ? second.url : inject('baseURL')}/api/ad-requests`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'cookie': cookieOf(fromSponsor ? sponsor : creator) },
          body: JSON.stringify(body),
        }).then(r => r.status)
      }))
      expect(results.filter(s => s === 201)).toHaveLength(1)
      expect(results.filter(s => s === 409)).toHaveLength(15)
    }
    finally {
      await second.stop()
    }
    expect((await sponsor.get(`/api/ad-requests?campaignId=${c.id}`)).body.total).toBe(1)
  }, 120_000)
})

describe('listing requests', () => {
  it('shows each party its own and filters by status, campaign and whose turn it is', async () => {
    const sponsor = await newUser('sponsor')
    const a = await newUser('influencer')
    const b = await newUser('influencer')
    const c = await liveCampaign(sponsor)
    const toA = await invite(sponsor, c.id, a.user.id)
    const fromB = (await b.post('/api/ad-requests', { campaignId: c.id, requirements: 'Story', paymentAmount: 5_000 })).body

    expect((await sponsor.get(`/api/ad-requests?campaignId=${c.id}`)).body.total).toBe(2)
    expect((await sponsor.get(`/api/ad-requests?campaignId=${c.id}&awaitingMe=true`)).body.items.map((r: any) => r.id)).toEqual([fromB.id])
    expect((await a.get('/api/ad-requests')).body.items.map((r: any) => r.id)).toEqual([toA.id])
    expect((await a.get('/api/ad-requests?awaitingMe=true')).body.total).toBe(1)
    expect((await b.get(`/api/ad-requests/${toA.id}`)).status).toBe(404)
    expect((await sponsor.get(`/api/ad-requests?campaignId=${c.id}&status=negotiating`)).body.total).toBe(0)

    const old = await sponsor.get(`/api/requests?campaignId=${c.id}`)
    expect(old.body).toEqual((await sponsor.get(`/api/ad-requests?campaignId=${c.id}`)).body)
  })

  it('the original service path creates requests like the new one', async () => {
    const sponsor = await newUser('sponsor')
    const creator = await newUser('influencer')
    const c = await liveCampaign(sponsor)
    const res = await sponsor.post('/sponsor/add_adRequest_data', { campaignId: c.id, influencerId: creator.user.id, requirements: 'Reel', paymentAmount: 1_000 })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ status: 'pending', influencerId: creator.user.id, campaignId: c.id })
  })

  it('admins see every request but cannot act on one', async () => {
    const admin = await loginAs('admin')
    const all = await admin.get('/api/ad-requests?pageSize=100')
    expect(all.body.total).toBeGreaterThanOrEqual(17)
    const open = all.body.items.find((r: any) => r.status === 'pending')
    expect((await admin.post(`/api/ad-requests/${open.id}/accept`, {})).status).toBe(403)
    expect((await anonymous().get('/api/ad-requests')).status).toBe(401)
  })
})
