import { formatCents } from '../../shared/money'

// How well an influencer fits a campaign, as a score out of 100 with the reasons a person can
// read. Pure: the same function ranks influencers for a campaign and campaigns for an influencer.

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
  /** Past requests that ended in a decision, and how many of those were accepted. */
  decided: number
  accepted: number
}

export interface Match {
  score: number
  reasons: string[]
}

const WEIGHTS = { niche: 35, rate: 20, audience: 15, engagement: 15, history: 15 } as const
/** Cost per thousand followers that a budget is assumed to buy (cents). */
const REFERENCE_CPM = 1_000

const compactFormat = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })
const compact = (n: number) => compactFormat.format(n)

export function scoreMatch(campaign: MatchCampaign, influencer: MatchInfluencer): Match {
  const reasons: string[] = []
  let score = 0

  if (campaign.niche === influencer.niche) {
    score += WEIGHTS.niche
    reasons.push(`Creates ${influencer.niche} content, the campaign's niche`)
  }

  if (influencer.minimumRate <= campaign.remaining) {
    score += WEIGHTS.rate
    reasons.push(influencer.minimumRate > 0
      ? `Minimum rate ${formatCents(influencer.minimumRate)} fits the ${formatCents(campaign.remaining)} left to spend`
      : 'No minimum rate')
  }
  else {
    reasons.push(`Minimum rate ${formatCents(influencer.minimumRate)} is above the ${formatCents(campaign.remaining)} left to spend`)
  }

  // The audience a budget can reasonably pay for, compared on a log scale: ten times too big
  // or too small scores nothing.
  const affordable = Math.max(1, (campaign.budget / REFERENCE_CPM) * 1000)
  const distance = Math.abs(Math.log10(Math.max(1, influencer.audienceSize) / affordable))
  const audienceFit = Math.max(0, 1 - distance)
  score += WEIGHTS.audience * audienceFit
  if (audienceFit >= 0.5) reasons.push(`Audience of ${compact(influencer.audienceSize)} suits a ${formatCents(campaign.budget)} budget`)
  else if (influencer.audienceSize > affordable) reasons.push(`Audience of ${compact(influencer.audienceSize)} is large for this budget`)
  else reasons.push(`Audience of ${compact(influencer.audienceSize)} is small for this budget`)

  const engagement = Math.min(1, influencer.engagementRate / 8)
  score += WEIGHTS.engagement * engagement
  if (influencer.engagementRate >= 3) reasons.push(`Strong engagement (${influencer.engagementRate.toFixed(1)} %)`)

  if (influencer.decided >= 2) {
    const rate = influencer.accepted / influencer.decided
    score += WEIGHTS.history * rate
    reasons.push(`Accepted ${influencer.accepted} of ${influencer.decided} past deals`)
  }
  else {
    // No track record yet: neither rewarded nor punished.
    score += WEIGHTS.history / 2
    reasons.push('New on Influencia: no past deals yet')
  }

  return { score: Math.round(score), reasons }
}
