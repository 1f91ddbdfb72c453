import type { AdRequestStatus, CampaignStatus } from '#shared/constants'

export interface ReportTotals {
  campaigns: number
  requests: number
  deals: number
  spend: number
}

/** GET /api/reports/monthly: a sponsor's month, money in cents, days in the platform's time zone. */
export interface MonthlyReport {
  month: string
  previousMonth: string
  firstDay: string
  lastDay: string
  timeZone: string
  inProgress: boolean
  months: { first: string, last: string }
  totals: ReportTotals & { budget: number, used: number, remaining: number }
  previous: ReportTotals
  requestsByStatus: Record<AdRequestStatus, number>
  campaigns: {
    id: number
    title: string
    status: CampaignStatus
    startDate: string
    endDate: string
    budget: number
    deals: number
    spend: number
    used: number
    remaining: number
  }[]
}
