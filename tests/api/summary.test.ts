import { describe, expect, it } from 'vitest'
import { AD_REQUEST_STATUSES, AD_REQUEST_STATUS_GROUPS, CAMPAIGN_STATUS_GROUPS, sumOverGroup } from '../../shared/constants'
import { liveCampaign, newUser } from '../support/actors'
import type { Client } from '../support/actors'

async function invite(sponsor: Client, campaignId: number, influencer: Client, paymentAmount: number) {
  const res = await sponsor.post('/api/ad-requests', { campaignId, influencerId: influencer.user.id, requirements: 'One reel', paymentAmount })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body.id as number
}

describe('dashboard summary', () => {
  it('adds up each side’s deals, whose turn it is, budgets and earnings from what is stored', async () => {
    const sponsor = await newUser('sponsor')
    const [done, waiting, applicant] = [await newUser('influencer'), await newUser('influencer'), await newUser('influencer')]
    const live = await liveCampaign(sponsor, { budget: 100_000 })
    await liveCampaign(sponsor, { budget: 50_000, status: 'draft' })

    const first = await invite(sponsor, live.id, done, 20_000)
    expect((await done.post(`/api/ad-requests/${first}/accept`, {})).status).toBe(200)
    expect((await done.get('/api/me/summary')).body).toEqual({
      role: 'influencer',
      deals: expect.objectContaining({ awaitingYou: 0 }),
      earnings: { earned: 0, agreed: 20_000 },
    })
    expect((await sponsor.post(`/api/ad-requests/${first}/complete`, {})).status).toBe(200)
    await invite(sponsor, live.id, waiting, 30_000)
    const application = await applicant.post('/api/ad-requests', { campaignId: live.id, requirements: 'A story', paymentAmount: 15_000 })
    expect(application.status).toBe(201)

    const mine = (await sponsor.get('/api/me/summary')).body
    expect(mine.role).toBe('sponsor')
    expect(mine.campaigns).toMatchObject({ active: 1, draft: 1, cancelled: 0 })
    expect(mine.budget).toEqual({ live: 100_000, committed: 20_000 })
    expect(mine.deals.awaitingYou).toBe(1)
    expect(mine.deals.byStatus).toMatchObject({
      completed: { count: 1, amount: 20_000 },
      pending: { count: 2, amount: 45_000 },
      accepted: { count: 0, amount: 0 },
    })

    expect((await done.get('/api/me/summary')).body.earnings).toEqual({ earned: 20_000, agreed: 0 })
    const theirs = (await waiting.get('/api/me/summary')).body
    expect(theirs.deals.awaitingYou).toBe(1)
    expect(theirs.deals.byStatus.pending).toEqual({ count: 1, amount: 30_000 })
    expect((await applicant.get('/api/me/summary')).body.deals.awaitingYou).toBe(0)
  })

  it('gives every dashboard figure the total of the list it links to, with campaigns and deals in every status', async () => {
    const sponsor = await newUser('sponsor')
    const [creator, applicant] = [await newUser('influencer'), await newUser('influencer')]
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)
    const setStatus = async (id: number, status: string) => expect((await sponsor.patch(`/api/campaigns/${id}`, { status })).status).toBe(200)
    const answer = async (client: typeof sponsor, id: number, action: string, body = {}) => expect((await client.post(`/api/ad-requests/${id}/${action}`, body)).status).toBe(200)

    await liveCampaign(sponsor, { status: 'draft' })
    const scheduled = await liveCampaign(sponsor, { startDate: inDays(5) })
    expect(scheduled.status).toBe('scheduled')
    const active = await liveCampaign(sponsor, { budget: 1_000_000 })
    const paused = await liveCampaign(sponsor)
    const cancelled = await liveCampaign(sponsor)

    await invite(sponsor, scheduled.id, creator, 10_000)
    await answer(creator, await invite(sponsor, paused.id, creator, 10_000), 'counter', { paymentAmount: 12_000 })
    await setStatus(paused.id, 'paused')
    await answer(creator, await invite(sponsor, active.id, creator, 10_000), 'reject')
    await answer(sponsor, await invite(sponsor, active.id, creator, 10_000), 'withdraw')
    const done = await invite(sponsor, active.id, creator, 20_000)
    await answer(creator, done, 'accept')
    await answer(sponsor, done, 'complete')
    await answer(creator, await invite(sponsor, active.id, creator, 30_000), 'accept')
    await invite(sponsor, cancelled.id, creator, 10_000)
    await setStatus(cancelled.id, 'cancelled')
    expect((await applicant.post('/api/ad-requests', { campaignId: active.id, requirements: 'A story', paymentAmount: 15_000 })).status).toBe(201)

    const total = async (client: typeof sponsor, list: string) => {
      const res = await client.get(list)
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      return res.body.total as number
    }

    const brand = (await sponsor.get('/api/me/summary')).body
    expect(AD_REQUEST_STATUSES.filter(status => brand.deals.byStatus[status].count === 0)).toEqual([])
    // The figures of the sponsor's dashboard, each with the list it links to.
    const brandFigures: [string, number, string][] = [
      ['Live campaigns', sumOverGroup(CAMPAIGN_STATUS_GROUPS.live, status => brand.campaigns[status]), '/api/campaigns?mine=true&status=live'],
      ['Waiting for you', brand.deals.awaitingYou, '/api/ad-requests?awaitingMe=true'],
      ['Deals agreed', sumOverGroup(AD_REQUEST_STATUS_GROUPS.agreed, status => brand.deals.byStatus[status].count), '/api/ad-requests?status=agreed'],
    ]
    expect(brandFigures.map(([label, figure]) => [label, figure])).toEqual([['Live campaigns', 3], ['Waiting for you', 2], ['Deals agreed', 2]])
    for (const [label, figure, list] of brandFigures) expect(await total(sponsor, list), label).toBe(figure)

    const mine = (await creator.get('/api/me/summary')).body
    const creatorFigures: [string, number, string][] = [
      ['Waiting for you', mine.deals.awaitingYou, '/api/ad-requests?awaitingMe=true'],
      ['In negotiation', sumOverGroup(AD_REQUEST_STATUS_GROUPS.in_negotiation, status => mine.deals.byStatus[status].count), '/api/ad-requests?status=in_negotiation'],
      ['Work to deliver', mine.deals.byStatus.accepted.count, '/api/ad-requests?status=accepted'],
      ['Earned', mine.deals.byStatus.completed.count, '/api/ad-requests?status=completed'],
    ]
    expect(creatorFigures.map(([label, figure]) => [label, figure])).toEqual([['Waiting for you', 1], ['In negotiation', 2], ['Work to deliver', 1], ['Earned', 1]])
    for (const [label, figure, list] of creatorFigures) expect(await total(creator, list), label).toBe(figure)
  })

  it('takes a status or a group of statuses in the lists\' filter, and names the filter when neither', async () => {
    const sponsor = await newUser('sponsor')
    const unknown = await sponsor.get('/api/ad-requests?status=live')
    expect(unknown.status).toBe(400)
    expect(unknown.body.data.fields).toHaveProperty('status')
    expect((await sponsor.get('/api/campaigns?mine=true&status=agreed')).status).toBe(400)
    expect((await sponsor.get('/api/campaigns?mine=true&status=paused')).status).toBe(200)
  })
})
