import type { CampaignStatus, CampaignVisibility, Niche } from '#shared/constants'
import type { MatchReason } from '#shared/matching'

/** A campaign as GET /api/campaigns and /api/campaigns/:id answer it; money in cents. */
export interface CampaignView {
  id: number
  slug: string
  title: string
  description: string
  niche: Niche
  goals: string
  /** 'YYYY-MM-DD' */
  startDate: string
  endDate: string
  visibility: CampaignVisibility
  budget: number
  status: CampaignStatus
  /** What accepted and completed deals take from the budget. */
  committed: number
  remaining: number
  /** `website` is what the brand entered: '' or a URL (any scheme, so check before linking). */
  sponsor: { id: number, company: string, website: string }
  /** Under review by a moderator: it takes no new requests. */
  flagged: boolean
  /** Why, told only to the owner and admins (GET /api/campaigns/:id). */
  flagReason?: string
  createdAt: string
  updatedAt: string
}

/** GET /api/campaigns/recommended: a campaign ranked for the influencer asking. */
export interface RecommendedCampaign {
  campaign: CampaignView
  /** 0-100 */
  score: number
  /** Why, for and against, in the order the score weighs them. */
  reasons: MatchReason[]
}
