import { describe, expect, it } from 'vitest'
import { scoreMatch } from '../../server/domain/matching'

const campaign = { niche: 'fitness', budget: 1_000_000, remaining: 800_000 }
const creator = { niche: 'fitness', audienceSize: 1_000_000, engagementRate: 8, minimumRate: 50_000, decided: 4, accepted: 4 }

describe('scoreMatch', () => {
  it('gives a perfect fit full marks and says why', () => {
    const match = scoreMatch(campaign, creator)
    expect(match.score).toBe(100)
    expect(match.reasons).toEqual([
      'Creates fitness content, the campaign\'s niche',
      'Minimum rate $500 fits the $8,000 left to spend',
      'Audience of 1M suits a $10,000 budget',
      'Strong engagement (8.0 %)',
      'Accepted 4 of 4 past deals',
    ])
  })

  it('weighs the niche most', () => {
    const otherNiche = scoreMatch(campaign, { ...creator, niche: 'gaming' })
    expect(otherNiche.score).toBe(65)
    expect(otherNiche.reasons[0]).toMatch(/Minimum rate/)
  })

  it('drops an influencer whose minimum rate is above what is left, and says so', () => {
    const pricey = scoreMatch(campaign, { ...creator, minimumRate: 900_000 })
    expect(pricey.score).toBe(80)
    expect(pricey.reasons).toContain('Minimum rate $9,000 is above the $8,000 left to spend')
  })

  it('fits the audience to the budget on a log scale', () => {
    const tenTimesTooBig = scoreMatch(campaign, { ...creator, audienceSize: 10_000_000 })
    const threeTimesTooSmall = scoreMatch(campaign, { ...creator, audienceSize: 333_333 })
    expect(tenTimesTooBig.score).toBe(85)
    expect(tenTimesTooBig.reasons).toContain('Audience of 10M is large for this budget')
    expect(threeTimesTooSmall.score).toBeGreaterThan(tenTimesTooBig.score)
    expect(threeTimesTooSmall.score).toBeLessThan(100)
  })

  it('uses the acceptance record only when there is one', () => {
    expect(scoreMatch(campaign, { ...creator, decided: 4, accepted: 1 }).reasons).toContain('Accepted 1 of 4 past deals')
    const newcomer = scoreMatch(campaign, { ...creator, decided: 1, accepted: 0 })
    expect(newcomer.reasons).toContain('New on Influencia: no past deals yet')
    expect(newcomer.score).toBe(93)
  })

  it('orders candidates the way a sponsor would', () => {
    const candidates = [
      { name: 'off-niche star', ...creator, niche: 'travel' },
      { name: 'on-niche, low engagement', ...creator, engagementRate: 1 },
      { name: 'on-niche, great', ...creator },
    ]
    const ranked = candidates.map(c => ({ name: c.name, ...scoreMatch(campaign, c) })).sort((a, b) => b.score - a.score)
    expect(ranked.map(r => r.name)).toEqual(['on-niche, great', 'on-niche, low engagement', 'off-niche star'])
  })
})
