import type { ExportKind, Role } from './constants'
import { formatCents } from './money'
import { countOf } from './words'

/** What the events leave in a notification's payload (see shared/events.ts); each kind uses some. */
export interface NotificationPayload {
  adRequestId?: number
  campaignId?: number
  campaign?: string
  paymentAmount?: number
  reason?: string
  /** The step's note in the request's history, e.g. why it expired. */
  message?: string
  /** A report's month, `YYYY-MM`. */
  month?: string
  /** A daily reminder's figures. */
  awaiting?: number
  idleDays?: number
  /** An export's id and kind, and why it failed. */
  exportId?: number
  kind?: ExportKind
  error?: string
}

export interface NotificationView {
  title: string
  description?: string
  icon: string
  /** Where the thing it is about can be seen: a path in the app. */
  to?: string
  /** `to` is a file to download, not a page of the app. */
  external?: boolean
  /** With a file to download: the page it is listed on, for where a page is needed (an e-mail's link). */
  page?: string
}

const EXPORTED: Record<ExportKind, string> = { campaigns: 'campaigns', ad_requests: 'ad requests' }

const monthName = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** `2026-03` → `March 2026`. */
export function formatMonth(month: string): string {
  return monthName.format(new Date(`${month}-01T00:00:00Z`))
}

/** Where a sponsor reads the activity report of a month (`YYYY-MM`). */
export function reportPath(month: string): string {
  return `/sponsor/reports?month=${month}`
}

/**
 * How a notification reads, and where it leads, for the role reading it: the inbox shows it and
 * the e-mail about it says the same.
 */
export function describeNotification(n: { kind: string, payload: NotificationPayload }, role: Role): NotificationView {
  const { adRequestId, campaignId, campaign = 'A campaign', paymentAmount, reason, message, month, awaiting = 0, idleDays, exportId, kind, error } = n.payload
  const exported = kind ? EXPORTED[kind] : 'data'
  const amount = paymentAmount !== undefined ? formatCents(paymentAmount) : undefined
  const request = adRequestId ? `/${role}/requests/${adRequestId}` : undefined
  const campaignLink = campaignId && role === 'sponsor' ? `/sponsor/campaigns/${campaignId}` : undefined
  switch (n.kind) {
    case 'ad_request.invited': return { title: `Invitation to ${campaign}`, description: amount && `Offer: ${amount}`, icon: 'i-lucide-mail-plus', to: request }
    case 'ad_request.applied': return { title: `New application to ${campaign}`, description: amount && `Asking: ${amount}`, icon: 'i-lucide-user-plus', to: request }
    case 'ad_request.counter': return { title: `Counter-offer on ${campaign}`, description: amount && `New amount: ${amount}`, icon: 'i-lucide-arrow-left-right', to: request }
    case 'ad_request.accepted': return { title: `Deal accepted: ${campaign}`, description: amount && `Agreed at ${amount}`, icon: 'i-lucide-handshake', to: request }
    case 'ad_request.rejected': return { title: `Declined: ${campaign}`, icon: 'i-lucide-x', to: request }
    case 'ad_request.withdrawn': return { title: `Withdrawn: ${campaign}`, icon: 'i-lucide-undo-2', to: request }
    case 'ad_request.completed': return { title: `Completed: ${campaign}`, description: amount && `Paid: ${amount}`, icon: 'i-lucide-badge-check', to: request }
    case 'ad_request.expired': return { title: `Expired: ${campaign}`, description: message ?? 'The campaign ended before an agreement.', icon: 'i-lucide-clock', to: request }
    case 'campaign.started': return { title: `${campaign} has started`, description: 'It is live from today.', icon: 'i-lucide-play', to: campaignLink }
    case 'campaign.ended': return { title: `${campaign} has ended`, description: 'Its end date has passed: requests still open have expired.', icon: 'i-lucide-flag-triangle-right', to: campaignLink }
    case 'campaign.unflagged': return { title: `${campaign} is visible again`, description: 'A moderator ended the review.', icon: 'i-lucide-eye', to: campaignLink }
    case 'campaign.flagged': return { title: `${campaign} is under review`, description: reason, icon: 'i-lucide-flag', to: campaignLink }
    case 'reminder.daily': return dailyReminder(awaiting, campaign, request, idleDays)
    case 'report.ready': return month
      ? { title: `Your report for ${formatMonth(month)} is ready`, description: 'Campaigns, requests, spend and budget for the month.', icon: 'i-lucide-chart-column', to: reportPath(month) }
      : { title: 'Your monthly report is ready', icon: 'i-lucide-chart-column', to: '/sponsor/reports' }
    case 'account.approved': return { title: 'Your brand account is approved', description: 'You can now publish campaigns and invite creators.', icon: 'i-lucide-badge-check', to: '/sponsor/campaigns/new' }
    case 'export.finished': return { title: `Your ${exported} export is ready`, description: 'Download the CSV file.', icon: 'i-lucide-file-down', to: `/api/exports/${exportId}/download`, external: true, page: '/sponsor/exports' }
    case 'export.failed': return { title: `Your ${exported} export failed`, description: error, icon: 'i-lucide-file-x', to: '/sponsor/exports' }
    default: return { title: 'Something changed', icon: 'i-lucide-bell' }
  }
}

function dailyReminder(awaiting: number, campaign: string, request: string | undefined, idleDays: number | undefined): NotificationView {
  const away = idleDays ? `You have not visited for ${countOf(idleDays, 'day')}.` : undefined
  if (awaiting === 1) return { title: `Waiting for your answer: ${campaign}`, description: away ?? 'A brand is waiting to hear from you.', icon: 'i-lucide-bell-ring', to: request }
  if (awaiting > 1) return { title: `${countOf(awaiting, 'request')} wait for your answer`, description: away ?? 'Brands are waiting to hear from you.', icon: 'i-lucide-bell-ring', to: '/influencer/requests?view=waiting' }
  return { title: 'New campaigns are waiting for you', description: `${away ?? ''} See what brands are looking for.`.trim(), icon: 'i-lucide-sparkles', to: '/influencer/campaigns' }
}
