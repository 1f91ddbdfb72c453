import type { AdRequestStatus, CampaignStatus, CampaignVisibility, Niche } from '#shared/constants'

// What the campaign browser reads from GET /api/campaigns, /api/campaigns/recommended and
// /api/ad-requests (see the API contract); money in cents.

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
  sponsor: { id: number, company: string }
  createdAt: string
  updatedAt: string
}

export interface RecommendedCampaign {
  campaign: CampaignView
  /** 0-100 */
  score: number
  reasons: string[]
}

/** The fields of an ad request the campaign pages show; the thread page shows the rest. */
export interface AdRequestSummary {
  id: number
  campaignId: number
  requirements: string
  paymentAmount: number
  status: AdRequestStatus
  createdAt: string
  updatedAt: string
}
