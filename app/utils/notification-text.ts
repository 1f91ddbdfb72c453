import type { Role } from '#shared/constants'
import type { AppNotification } from '~/types/notification'

interface NotificationView {
  title: string
  description?: string
  icon: string
  /** Where the thing it is about can be seen. */
  to?: string
  /** `to` is a file to download, not a page of the app. */
  external?: boolean
}

/** How a notification reads in the inbox, and where it leads, for the role reading it. */
export function describeNotification(n: AppNotification, role: Role): NotificationView {
  const { adRequestId, campaignId, campaign = 'A campaign', paymentAmount, reason, message, exportId, kind, error } = n.payload
  const exported = kind ? EXPORT_KIND_LABELS[kind].label.toLowerCase() : 'data'
  const amount = paymentAmount !== undefined ? formatCents(paymentAmount) : undefined
  const request = adRequestId ? `/${role}/requests/${adRequestId}` : undefined
  const campaignLink = campaignId && role === 'sponsor' ? `/sponsor/campaigns/${campaignId}` : undefined
  switch (n.kind) {
    case 'ad_request.invited': return { title: `Invitation to ${campaign}`, description: amount && `Offer: ${amount}`, icon: 'i-lucide-mail-plus', to: request }
    case 'ad_request.applied': return { title: `New application to ${campaign}`, description: amount && `Asking: ${amount}`, icon: 'i-lucide-user-plus', to: request }
    case 'ad_request.awaiting_you': return { title: `Waiting for your answer: ${campaign}`, icon: 'i-lucide-bell-ring', to: request }
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
    case 'account.approved': return { title: 'Your brand account is approved', description: 'You can now publish campaigns and invite creators.', icon: 'i-lucide-badge-check', to: '/sponsor/campaigns/new' }
    case 'export.finished': return { title: `Your ${exported} export is ready`, description: 'Download the CSV file.', icon: 'i-lucide-file-down', to: `/api/exports/${exportId}/download`, external: true }
    case 'export.failed': return { title: `Your ${exported} export failed`, description: error, icon: 'i-lucide-file-x', to: '/sponsor/exports' }
    default: return { title: 'Something changed', icon: 'i-lucide-bell' }
  }
}
