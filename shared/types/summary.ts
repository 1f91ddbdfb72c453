import type { AdRequestStatus, CampaignStatus } from '../constants'

// GET /api/me/summary: a dashboard's figures, money in cents. Written here rather than read from
// the route's type: each dashboard tells the two answers apart by `role`, and TypeScript does
// not narrow the route's serialized type that way.

export interface DealTotals {
  /** Requests and the sum on the table, by status. */
  byStatus: Record<AdRequestStatus, { count: number, amount: number }>
  /** Open requests whose next answer is the viewer's. */
  awaitingYou: number
}

export interface SponsorSummary {
  role: 'sponsor'
  deals: DealTotals
  campaigns: Record<CampaignStatus, number>
  /** Budgets of live campaigns, and what agreed deals (accepted or completed) have committed of them. */
  budget: { live: number, committed: number }
}

export interface InfluencerSummary {
  role: 'influencer'
  deals: DealTotals
  /** Paid for completed work, and agreed for accepted work not yet completed. */
  earnings: { earned: number, agreed: number }
}

export type DashboardSummary = SponsorSummary | InfluencerSummary
