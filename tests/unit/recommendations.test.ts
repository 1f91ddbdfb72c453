import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { influencerProfiles, users } from '../../server/database/schema'
import { recommendInfluencers } from '../../server/domain/discovery'
import { matchScore, NO_DEALS } from '../../server/domain/matching'
import { domainDb } from '../support/domain-db'

// A campaign is matched with the creators its budget suits however many larger ones its niche
// holds, on a real database of the run's dialect.

const CREATORS = 2500
/** Audiences from 1,000 to 5 million, evenly spread on a log scale: most of them far above a small budget's. */
const audienceOf = (i: number) => Math.round(10 ** (3 + 3.7 * i / (CREATORS - 1)))
/** A $20 budget: it affords an audience of 2,000 (see `affordableAudience`). */
const BUDGET = 2_000

let t: Awaited<ReturnType<typeof domainDb>>
let sponsor: number
let campaign: number
const creators: { id: number, audience: number }[] = []
/** The creators the campaign has asked so far. */
const asked = new Set<number>()

beforeAll(async () => {
  t = await domainDb()
  sponsor = await t.addUser('brand', 'sponsor')
  campaign = await t.addCampaign(sponsor, 'Tiny budget', { start: '2026-01-10', end: '2026-04-01' }, { budget: BUDGET })
  const joinedAt = new Date('2025-01-01T00:00:00Z')
  for (let from = 0; from < CREATORS; from += 500) {
    const batch = Array.from({ length: Math.min(500, CREATORS - from) }, (_, k) => from + k)
    const rows = await t.db.insert(users).values(batch.map(i => ({
      username: `creator${i}`, email: `creator${i}@test.example`, passwordHash: 'x', role: 'influencer' as const, displayName: `Creator ${i}`, status: 'active' as const, createdAt: joinedAt,
    }))).returning({ id: users.id })
    // Alike in all but audience, and every rate fits the budget: the audience alone decides.
    await t.db.insert(influencerProfiles).values(rows.map((row, k) => ({
      userId: row.id, niche: 'beauty', audienceSize: audienceOf(batch[k]!), engagementRate: 4, minimumRate: 1_000, joinedAt,
    })))
    creators.push(...rows.map((row, k) => ({ id: row.id, audience: audienceOf(batch[k]!) })))
  }
})

afterAll(() => t.close())

/** The dozen best of the whole niche, every creator scored, leaving some out; the larger audience first among equal scores. */
function bestOfNiche(leaving = new Set<number>()) {
  const score = (audienceSize: number) => matchScore({ niche: 'beauty', budget: BUDGET, remaining: BUDGET },
    { niche: 'beauty', audienceSize, engagementRate: 4, minimumRate: 1_000 }, { overall: NO_DEALS, withBrand: NO_DEALS })
  return creators.filter(c => !leaving.has(c.id)).map(c => ({ ...c, score: score(c.audience) }))
    .sort((a, b) => b.score - a.score || b.audience - a.audience).slice(0, 12).map(c => c.id)
}

describe('recommendations for a campaign', () => {
  it('are the best of the whole niche, creators whose audience the budget suits, however many larger ones it holds', async () => {
    const recommended = await recommendInfluencers(t.db, { id: sponsor, role: 'sponsor', status: 'active' }, campaign)
    expect(recommended.map(r => r.influencer.id)).toEqual(bestOfNiche())
    for (const r of recommended) expect(r.reasons.find(reason => reason.kind === 'audience')).toMatchObject({ tone: 'positive', text: expect.stringContaining('suits a $20 budget') })
  })

  it('answer for any budget, the audience it affords counted in whole followers', async () => {
    // $20,502: a budget whose afforded audience floating-point arithmetic made 2,050,199.9999999998.
    const odd = await t.addCampaign(sponsor, 'Odd budget', { start: '2026-01-10', end: '2026-04-01' }, { budget: 2_050_200 })
    const recommended = await recommendInfluencers(t.db, { id: sponsor, role: 'sponsor', status: 'active' }, odd)
    expect(recommended).toHaveLength(12)
    expect(recommended[0]!.reasons.find(reason => reason.kind === 'audience')).toMatchObject({ tone: 'positive' })
  })

  it('leave out the creators already asked, and recommend the next best instead', async () => {
    const asking = bestOfNiche(asked)
    for (const id of asking) await t.addRequest(campaign, id, [{ kind: 'offer', at: '2026-01-11T00:00:00Z', amount: 1_500 }])
    for (const id of asking) asked.add(id)
    const recommended = await recommendInfluencers(t.db, { id: sponsor, role: 'sponsor', status: 'active' }, campaign)
    expect(recommended.map(r => r.influencer.id)).toEqual(bestOfNiche(asked))
  })
})
