import type { Niche, Platform } from '#shared/constants'
import type { MatchReason } from '#shared/matching'

/** An influencer as sponsors discover them (GET /api/influencers); money in cents. */
export interface InfluencerCard {
  id: number
  username: string
  displayName: string
  bio: string
  niche: Niche
  specialization: string
  platforms: { platform: Platform, handle: string }[]
  audienceSize: number
  /** Percent, e.g. 4.8 for 4.8 %. */
  engagementRate: number
  location: string
  minimumRate: number
  memberSince: string
}

/** GET /api/influencers/:id adds the deals they have finished. */
export interface InfluencerProfileView extends InfluencerCard {
  completedDeals: number
}

/** One entry of GET /api/campaigns/:id/recommendations. */
export interface InfluencerRecommendation {
  influencer: InfluencerCard
  /** 0 to 100. */
  score: number
  /** Why, for and against, in the order the score weighs them. */
  reasons: MatchReason[]
}
