import type { AdRequestStatus, CampaignStatus } from '#shared/constants'

interface DealTotals {
  byStatus: Record<AdRequestStatus, { count: number, amount: number }>
  awaitingYou: number
}

/** GET /api/me/summary: a dashboard's figures, money in cents. */
export type DashboardSummary =
  | { role: 'sponsor', deals: DealTotals, campaigns: Record<CampaignStatus, number>, budget: { live: number, committed: number } }
  | { role: 'influencer', deals: DealTotals, earnings: { earned: number, agreed: number } }
