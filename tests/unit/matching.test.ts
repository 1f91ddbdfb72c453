import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { matchScore, NO_DEALS, scoreMatch } from '../../server/domain/matching'
import type { DealRecord, MatchCampaign, MatchHistory, MatchInfluencer } from '../../server/domain/matching'
import type { MatchReasonKind } from '../../shared/matching'

const campaign: MatchCampaign = { niche: 'fitness', budget: 1_000_000, remaining: 800_000 }
const creator: MatchInfluencer = { niche: 'fitness', audienceSize: 1_000_000, engagementRate: 8, minimumRate: 50_000 }
const deals = (agreed: number, completed: number, rejected: number): DealRecord => ({ agreed, completed, rejected })
/** Four deals completed, one of them with this brand. */
const proven: MatchHistory = { overall: deals(4, 4, 0), withBrand: deals(1, 1, 0) }
const newcomer: MatchHistory = { overall: NO_DEALS, withBrand: NO_DEALS }

function reason(match: ReturnType<typeof scoreMatch>, kind: MatchReasonKind) {
  return match.reasons.find(r => r.kind === kind)
}

describe('scoreMatch', () => {
  it('gives a perfect fit full marks, every reason in its favour', () => {
    const match = scoreMatch(campaign, creator, proven)
    expect(match.score).toBe(100)
    expect(match.reasons).toEqual([
      { kind: 'niche', tone: 'positive', text: 'Creates fitness content, the campaign\'s niche' },
      { kind: 'rate', tone: 'positive', text: 'Minimum rate $500 fits the $8,000 left to spend' },
      { kind: 'audience', tone: 'positive', text: 'Audience of 1M suits a $10,000 budget' },
      { kind: 'engagement', tone: 'positive', text: 'Strong engagement (8.0 %)' },
      { kind: 'history', tone: 'positive', text: 'Completed 4 deals' },
      { kind: 'brand', tone: 'positive', text: 'Has completed 1 deal with this brand' },
    ])
  })

  // Each reason for and against, with what the score loses when it is against.
  const cases: { kind: MatchReasonKind, against: [MatchCampaign, MatchInfluencer, MatchHistory], text: string, score: number }[] = [
    { kind: 'niche', against: [campaign, { ...creator, niche: 'gaming' }, proven], text: 'Creates gaming content, outside the campaign\'s fitness niche', score: 65 },
    { kind: 'rate', against: [campaign, { ...creator, minimumRate: 900_000 }, proven], text: 'Minimum rate $9,000 is above the $8,000 left to spend', score: 80 },
    { kind: 'audience', against: [campaign, { ...creator, audienceSize: 10_000_000 }, proven], text: 'Audience of 10M is large for a $10,000 budget', score: 85 },
    { kind: 'audience', against: [campaign, { ...creator, audienceSize: 100_000 }, proven], text: 'Audience of 100K is small for a $10,000 budget', score: 85 },
    { kind: 'engagement', against: [campaign, { ...creator, engagementRate: 0.8 }, proven], text: 'Low engagement (0.8 %)', score: 87 },
    { kind: 'history', against: [campaign, creator, { overall: deals(1, 1, 3), withBrand: deals(1, 1, 0) }], text: 'Completed 1 deal; 1 of 4 requests became deals', score: 93 },
    { kind: 'history', against: [campaign, creator, { overall: deals(0, 0, 2), withBrand: NO_DEALS }], text: 'No deals yet: 2 requests rejected', score: 88 },
    { kind: 'brand', against: [campaign, creator, { overall: deals(4, 4, 1), withBrand: deals(0, 0, 1) }], text: '1 earlier request with this brand ended in rejection', score: 93 },
  ]
  it.each(cases)('says when the $kind counts against the match: $text', ({ kind, against, text, score }) => {
    const match = scoreMatch(...against)
    expect(reason(match, kind)).toEqual({ kind, tone: 'negative', text })
    expect(match.score).toBe(score)
    // Only that reason turns against the match.
    expect(match.reasons.filter(r => r.tone !== 'positive').map(r => r.kind)).toEqual([kind])
  })

  it('says nothing of average engagement, and praises it only when strong', () => {
    expect(reason(scoreMatch(campaign, { ...creator, engagementRate: 2 }, proven), 'engagement')).toBeUndefined()
    expect(reason(scoreMatch(campaign, { ...creator, engagementRate: 3 }, proven), 'engagement')).toEqual({ kind: 'engagement', tone: 'positive', text: 'Strong engagement (3.0 %)' })
  })

  it('reads the track record as it is: a single completed deal is history, not a newcomer', () => {
    const oneDeal = scoreMatch(campaign, creator, { overall: deals(1, 1, 0), withBrand: deals(1, 1, 0) })
    expect(reason(oneDeal, 'history')).toEqual({ kind: 'history', tone: 'positive', text: 'Completed 1 deal' })
    expect(reason(oneDeal, 'brand')).toEqual({ kind: 'brand', tone: 'positive', text: 'Has completed 1 deal with this brand' })
    expect(oneDeal.reasons.map(r => r.text)).not.toContain('New on Influencia: no deals yet')

    const working = scoreMatch(campaign, creator, { overall: deals(3, 1, 1), withBrand: deals(2, 0, 0) })
    expect(reason(working, 'history')).toEqual({ kind: 'history', tone: 'positive', text: 'Completed 1 deal, 2 more in progress; 3 of 4 requests became deals' })
    expect(reason(working, 'brand')).toEqual({ kind: 'brand', tone: 'positive', text: 'Has 2 deals in progress with this brand' })
    expect(reason(scoreMatch(campaign, creator, { overall: deals(1, 0, 0), withBrand: NO_DEALS }), 'history'))
      .toEqual({ kind: 'history', tone: 'positive', text: '1 deal in progress, none completed yet' })
  })

  it('calls only a creator without any deal new, neither for nor against, and says nothing of a brand never worked with', () => {
    const match = scoreMatch(campaign, creator, newcomer)
    expect(reason(match, 'history')).toEqual({ kind: 'history', tone: 'neutral', text: 'New on Influencia: no deals yet' })
    expect(reason(match, 'brand')).toBeUndefined()
    // Half marks for the record (5 of 10) and for the brand (2.5 of 5).
    expect(match.score).toBe(93)
  })

  it('ranks a campaign\'s candidates the way a sponsor would, each with what counts against them', () => {
    const candidates: { name: string, influencer: MatchInfluencer, history: MatchHistory }[] = [
      { name: 'off-niche star', influencer: { ...creator, niche: 'travel' }, history: proven },
      { name: 'turned the brand down', influencer: creator, history: { overall: deals(0, 0, 1), withBrand: deals(0, 0, 1) } },
      { name: 'new, low engagement', influencer: { ...creator, engagementRate: 0.5 }, history: newcomer },
      { name: 'too expensive', influencer: { ...creator, minimumRate: 1_000_000 }, history: proven },
      { name: 'worked with the brand', influencer: creator, history: proven },
    ]
    const ranked = candidates.map(c => ({ name: c.name, ...scoreMatch(campaign, c.influencer, c.history) })).sort((a, b) => b.score - a.score)
    expect(ranked.map(r => [r.name, r.reasons.filter(x => x.tone === 'negative').map(x => x.kind)])).toEqual([
      ['worked with the brand', []],
      ['turned the brand down', ['history', 'brand']],
      ['too expensive', ['rate']],
      ['new, low engagement', ['engagement']],
      ['off-niche star', ['niche']],
    ])
  })

  it('ranks campaigns for one creator the same way, from each campaign\'s side of the match', () => {
    const campaigns: { name: string, campaign: MatchCampaign, withBrand: DealRecord }[] = [
      { name: 'other niche', campaign: { ...campaign, niche: 'food' }, withBrand: NO_DEALS },
      { name: 'little left to spend', campaign: { ...campaign, remaining: 20_000 }, withBrand: NO_DEALS },
      { name: 'small budget', campaign: { ...campaign, budget: 50_000, remaining: 50_000 }, withBrand: NO_DEALS },
      { name: 'brand that rejected them', campaign, withBrand: deals(0, 0, 1) },
      { name: 'brand they worked with', campaign, withBrand: deals(2, 2, 0) },
      { name: 'new brand', campaign, withBrand: NO_DEALS },
    ]
    const ranked = campaigns
      .map(c => ({ name: c.name, ...scoreMatch(c.campaign, creator, { overall: deals(5, 5, 1), withBrand: c.withBrand }) }))
      .sort((a, b) => b.score - a.score)
    expect(ranked.map(r => [r.name, r.score, r.reasons.filter(x => x.tone === 'negative').map(x => x.text)])).toEqual([
      ['brand they worked with', 98, []],
      ['new brand', 96, []],
      ['brand that rejected them', 93, ['1 earlier request with this brand ended in rejection']],
      ['small budget', 81, ['Audience of 1M is large for a $500 budget']],
      ['little left to spend', 76, ['Minimum rate $500 is above the $200 left to spend']],
      ['other niche', 61, ['Creates fitness content, outside the campaign\'s food niche']],
    ])
  })
})

describe('matchScore', () => {
  const record = fc.record({ agreed: fc.nat(5), completed: fc.nat(5), rejected: fc.nat(5) })
    .map(r => deals(r.agreed, Math.min(r.completed, r.agreed), r.rejected))

  it('is the score scoreMatch gives, for any campaign, creator and record', () => {
    fc.assert(fc.property(
      fc.record({ niche: fc.constantFrom('fitness', 'food'), budget: fc.integer({ min: 0, max: 10_000_000 }), remaining: fc.integer({ min: -1_000_000, max: 10_000_000 }) }),
      fc.record({
        niche: fc.constantFrom('fitness', 'gaming'),
        audienceSize: fc.integer({ min: 0, max: 20_000_000 }),
        engagementRate: fc.float({ min: 0, max: 20, noNaN: true }),
        minimumRate: fc.integer({ min: 0, max: 1_000_000 }),
      }),
      fc.record({ overall: record, withBrand: record }),
      (c, i, h) => {
        expect(matchScore(c, i, h)).toBe(scoreMatch(c, i, h).score)
      },
    ))
  })
})
