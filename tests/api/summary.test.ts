import { describe, expect, it } from 'vitest'
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
})
