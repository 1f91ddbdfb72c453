import { formatCents } from '#shared/money'
import type { MatchReason } from '#shared/matching'
import { countOf } from '#shared/words'

// How well an influencer fits a campaign, as a score out of 100 with the reasons a person can
// read, each marked as counting for or against the match. Pure: the same function ranks
// influencers for a campaign and campaigns for an influencer.

export interface MatchCampaign {
  niche: string
  budget: number
  /** What is left of the budget to offer (cents). */
  remaining: number
}

export interface MatchInfluencer {
  niche: string
  audienceSize: number
  engagementRate: number
  minimumRate: number
}

/** Requests that became deals (accepted or completed), those completed, and those rejected. */
export interface DealRecord {
  agreed: number
  completed: number
  rejected: number
}

export const NO_DEALS: DealRecord = { agreed: 0, completed: 0, rejected: 0 }

/** The influencer's record on the whole platform, and with the campaign's brand alone. */
export interface MatchHistory {
  overall: DealRecord
  withBrand: DealRecord
}

export interface Match {
  score: number
  reasons: MatchReason[]
}

const WEIGHTS = { niche: 35, rate: 20, audience: 15, engagement: 15, history: 10, brand: 5 } as const
/** Cost per thousand followers that a budget is assumed to buy (cents). */
const REFERENCE_CPM = 1_000
/** Engagement rates (percent) above which engagement is a reason to pick someone, and below which it is one not to. */
const STRONG_ENGAGEMENT = 3
const LOW_ENGAGEMENT = 1

const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })
const compact = (n: number) => compactFormat.format(n)

const audienceText = (influencer: MatchInfluencer) => `Audience of ${compact(influencer.audienceSize)}`
const engagementText = (influencer: MatchInfluencer) => `${influencer.engagementRate.toFixed(1)} %`

/** The track record in words: completed deals first, then how often requests became deals. */
function historyText({ agreed, completed, rejected }: DealRecord): string {
  const inProgress = agreed - completed
  if (!agreed) return `No deals yet: ${countOf(rejected, 'request')} rejected`
  const deals = completed
    ? `Completed ${countOf(completed, 'deal')}${inProgress ? `, ${inProgress} more in progress` : ''}`
    : `${countOf(inProgress, 'deal')} in progress, none completed yet`
  return rejected ? `${deals}; ${agreed} of ${agreed + rejected} requests became deals` : deals
}

/** The audience a budget can reasonably pay for: a campaign's best fit on audience. */
export function affordableAudience(budget: number): number {
  // Multiplied first: (budget / 1000) * 1000 was 2,050,199.9999999998 for a $20,502 budget.
  return Math.max(1, budget * 1000 / REFERENCE_CPM)
}

/**
 * The score, and into `reasons` (when given) each reason in words: words cost more than the
 * arithmetic, and ranking hundreds of candidates scores them all to show a dozen. Without `reasons`
 * nothing is allocated: `reasons?.push(…)` does not even evaluate its argument.
 */
function evaluate(campaign: MatchCampaign, influencer: MatchInfluencer, history: MatchHistory, reasons?: MatchReason[]): number {
  let score = 0

  if (campaign.niche === influencer.niche) {
    score += WEIGHTS.niche
    reasons?.push({ kind: 'niche', tone: 'positive', text: `Creates ${influencer.niche} content, the campaign's niche` })
  }
  else {
    reasons?.push({ kind: 'niche', tone: 'negative', text: `Creates ${influencer.niche} content, outside the campaign's ${campaign.niche} niche` })
  }

  if (influencer.minimumRate <= campaign.remaining) {
    score += WEIGHTS.rate
    reasons?.push({
      kind: 'rate',
      tone: 'positive',
      text: influencer.minimumRate > 0
        ? `Minimum rate ${formatCents(influencer.minimumRate)} fits the ${formatCents(campaign.remaining)} left to spend`
        : 'No minimum rate',
    })
  }
  else {
    reasons?.push({ kind: 'rate', tone: 'negative', text: `Minimum rate ${formatCents(influencer.minimumRate)} is above the ${formatCents(campaign.remaining)} left to spend` })
  }

  // Compared on a log scale: ten times too big or too small scores nothing.
  const affordable = affordableAudience(campaign.budget)
  const distance = Math.abs(Math.log10(Math.max(1, influencer.audienceSize) / affordable))
  const audienceFit = Math.max(0, 1 - distance)
  score += WEIGHTS.audience * audienceFit
  if (audienceFit >= 0.5) reasons?.push({ kind: 'audience', tone: 'positive', text: `${audienceText(influencer)} suits a ${formatCents(campaign.budget)} budget` })
  else reasons?.push({ kind: 'audience', tone: 'negative', text: `${audienceText(influencer)} is ${influencer.audienceSize > affordable ? 'large' : 'small'} for a ${formatCents(campaign.budget)} budget` })

  score += WEIGHTS.engagement * Math.min(1, influencer.engagementRate / 8)
  if (influencer.engagementRate >= STRONG_ENGAGEMENT) reasons?.push({ kind: 'engagement', tone: 'positive', text: `Strong engagement (${engagementText(influencer)})` })
  else if (influencer.engagementRate < LOW_ENGAGEMENT) reasons?.push({ kind: 'engagement', tone: 'negative', text: `Low engagement (${engagementText(influencer)})` })

  const { overall, withBrand } = history
  const decided = overall.agreed + overall.rejected
  if (decided) {
    const agreedShare = overall.agreed / decided
    score += WEIGHTS.history * agreedShare
    reasons?.push({ kind: 'history', tone: agreedShare >= 0.5 ? 'positive' : 'negative', text: historyText(overall) })
  }
  else {
    // No track record yet: neither rewarded nor punished.
    score += WEIGHTS.history / 2
    reasons?.push({ kind: 'history', tone: 'neutral', text: 'New on Influencia: no deals yet' })
  }

  if (withBrand.agreed) {
    score += WEIGHTS.brand
    reasons?.push({
      kind: 'brand',
      tone: 'positive',
      text: withBrand.completed
        ? `Has completed ${countOf(withBrand.completed, 'deal')} with this brand`
        : `Has ${countOf(withBrand.agreed, 'deal')} in progress with this brand`,
    })
  }
  else if (withBrand.rejected) {
    reasons?.push({ kind: 'brand', tone: 'negative', text: `${countOf(withBrand.rejected, 'earlier request')} with this brand ended in rejection` })
  }
  else {
    // Never worked together: half marks, as for a newcomer's empty record.
    score += WEIGHTS.brand / 2
  }

  return Math.round(score)
}

/** How well an influencer fits a campaign, out of 100, with the reasons in words. */
export function scoreMatch(campaign: MatchCampaign, influencer: MatchInfluencer, history: MatchHistory): Match {
  const reasons: MatchReason[] = []
  const score = evaluate(campaign, influencer, history, reasons)
  return { score, reasons }
}

/** The score alone, as `scoreMatch` gives it: ranking many candidates words the reasons of the few shown. */
export function matchScore(campaign: MatchCampaign, influencer: MatchInfluencer, history: MatchHistory): number {
  return evaluate(campaign, influencer, history)
}
