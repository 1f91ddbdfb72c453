import type { AdRequestStatus, CampaignStatus } from './constants'

// GET /api/reports/monthly: a sponsor's month, money in cents, days in the platform's time zone.
// Computed by server/domain/reports.ts, shown by /sponsor/reports.

/** One campaign's month: what was agreed in it, and where its budget stood when it ended. */
export interface CampaignMonth {
  id: number
  title: string
  status: CampaignStatus
  startDate: string
  endDate: string
  budget: number
  /** Deals agreed in the month, and their payments. */
  deals: number
  spend: number
  /** Payments agreed from the campaign's start to the month's end, and what the budget had left. */
  used: number
  remaining: number
}

/** The figures compared from one month to the next. */
export interface MonthTotals {
  campaigns: number
  /** Requests with any step (offer, counter, answer…) in the month. */
  requests: number
  deals: number
  spend: number
}

export interface MonthlyReport {
  month: string
  previousMonth: string
  /** The month's first and last days, in the platform's time zone. */
  firstDay: string
  lastDay: string
  timeZone: string
  /** The month is still going: its figures are those so far. */
  inProgress: boolean
  /** The months a report can be asked for: from the sponsor's sign-up to the current one. */
  months: { first: string, last: string }
  totals: MonthTotals & { budget: number, used: number, remaining: number }
  previous: MonthTotals
  /** Where each request touched in the month stood at its end. */
  requestsByStatus: Record<AdRequestStatus, number>
  campaigns: CampaignMonth[]
}
