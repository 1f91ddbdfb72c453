import type { BadgeProps } from '@nuxt/ui'
import { AD_REQUEST_STATUS_GROUPS, AD_REQUEST_STATUSES, CAMPAIGN_STATUS_GROUPS, CAMPAIGN_STATUSES, NICHES, ROLES, USER_STATUSES } from '#shared/constants'
import type { AdRequestStatus, AdRequestStatusGroup, CampaignStatus, CampaignStatusGroup, CampaignVisibility, ExportKind, ExportStatus, LoginFormError, MailStatus, MailTransport, Platform, Role, SessionEndReason, UserStatus } from '#shared/constants'
import type { CAMPAIGN_SORTS } from '#shared/schemas/campaign'
import { capitalize } from './format'

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  sponsor: 'Sponsor',
  influencer: 'Influencer',
}

export const STATUS_BADGES: Record<UserStatus, { label: string, color: BadgeProps['color'] }> = {
  pending: { label: 'Awaiting approval', color: 'warning' },
  active: { label: 'Active', color: 'success' },
  suspended: { label: 'Suspended', color: 'error' },
}

export const PLATFORM_LABELS: Record<Platform, string> = {
  instagram: 'Instagram',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  twitch: 'Twitch',
  x: 'X',
  linkedin: 'LinkedIn',
  blog: 'Blog',
  podcast: 'Podcast',
}

export const CAMPAIGN_STATUS_BADGES: Record<CampaignStatus, { label: string, color: BadgeProps['color'] }> = {
  draft: { label: 'Draft', color: 'neutral' },
  scheduled: { label: 'Scheduled', color: 'info' },
  active: { label: 'Active', color: 'success' },
  paused: { label: 'Paused', color: 'warning' },
  completed: { label: 'Completed', color: 'primary' },
  cancelled: { label: 'Cancelled', color: 'error' },
}

/** Shown beside the status of a campaign a moderator flagged: it takes no new requests. */
export const UNDER_REVIEW_BADGE = { label: 'Under review', color: 'warning', icon: 'i-lucide-flag' } as const satisfies BadgeProps

/** The orders a campaign list offers; "Best match" ranks by the search text, so only with one. */
export const CAMPAIGN_SORT_LABELS: Record<(typeof CAMPAIGN_SORTS)[number], string> = {
  relevance: 'Best match',
  newest: 'Newest',
  budget_desc: 'Highest budget',
  budget_asc: 'Lowest budget',
  starts_soon: 'Starting soonest',
  ends_soon: 'Ending soonest',
}

export const CAMPAIGN_VISIBILITY_LABELS: Record<CampaignVisibility, { label: string, description: string, icon: string }> = {
  public: { label: 'Public', description: 'Listed in the campaign directory: any creator can find it and apply.', icon: 'i-lucide-globe' },
  private: { label: 'Private', description: 'Hidden from the directory: only creators you invite see it.', icon: 'i-lucide-lock' },
}

export const AD_REQUEST_STATUS_BADGES: Record<AdRequestStatus, { label: string, color: BadgeProps['color'] }> = {
  pending: { label: 'Pending', color: 'warning' },
  negotiating: { label: 'Negotiating', color: 'info' },
  accepted: { label: 'Accepted', color: 'success' },
  // The API's `rejected`: people decline a request, and read that it was declined.
  rejected: { label: 'Declined', color: 'error' },
  withdrawn: { label: 'Withdrawn', color: 'neutral' },
  expired: { label: 'Expired', color: 'neutral' },
  completed: { label: 'Completed', color: 'primary' },
}

/** What each export holds, in the words of the exports page and of its notifications. */
export const EXPORT_KIND_LABELS: Record<ExportKind, { label: string, description: string, icon: string }> = {
  campaigns: {
    label: 'Campaigns',
    description: 'Every campaign with its dates, status, budget, committed and remaining spend, and how many requests and deals it has.',
    icon: 'i-lucide-megaphone',
  },
  ad_requests: {
    label: 'Ad requests',
    description: 'Every request with its full history, one line per offer, counter-offer, message and decision.',
    icon: 'i-lucide-handshake',
  },
}

export const EXPORT_STATUS_BADGES: Record<ExportStatus, { label: string, color: BadgeProps['color'] }> = {
  queued: { label: 'Queued', color: 'neutral' },
  running: { label: 'Writing', color: 'info' },
  done: { label: 'Ready', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
}

/** An e-mail's fate; through the outbox, "sent" means written there for admins to read. */
export const MAIL_STATUS_BADGES: Record<MailStatus, { label: string, color: BadgeProps['color'] }> = {
  queued: { label: 'Queued', color: 'warning' },
  sent: { label: 'Sent', color: 'success' },
  failed: { label: 'Failed', color: 'error' },
}

export const MAIL_TRANSPORT_LABELS: Record<MailTransport, { label: string, icon: string }> = {
  smtp: { label: 'SMTP', icon: 'i-lucide-send' },
  outbox: { label: 'Outbox only', icon: 'i-lucide-inbox' },
}

export const CAMPAIGN_STATUS_GROUP_LABELS: Record<CampaignStatusGroup, string> = {
  live: 'Live',
}

export const AD_REQUEST_STATUS_GROUP_LABELS: Record<AdRequestStatusGroup, string> = {
  in_negotiation: 'In negotiation',
  agreed: 'Agreed',
}

/**
 * "3 active · 1 scheduled · 0 paused": every status a group's figure counts, named. A line break
 * falls only between two statuses (no-break space inside each).
 */
export function groupBreakdown<S extends string>(group: readonly S[], count: (status: S) => number, badges: Record<S, { label: string }>): string {
  return group.map(status => `${count(status)}\u00A0${badges[status].label.toLowerCase()}`).join(' · ')
}

/** A filter choice for a group, saying which statuses it stands for: "Live: active, scheduled, paused". */
function groupOptions<S extends string, G extends string>(groups: Record<G, readonly S[]>, labels: Record<G, string>, badges: Record<S, { label: string }>) {
  return (Object.keys(groups) as G[]).map(value => ({
    label: `${labels[value]}: ${groups[value].map(status => badges[status].label.toLowerCase()).join(', ')}`,
    value,
  }))
}

const campaignStatusOptions = CAMPAIGN_STATUSES.map(value => ({ label: CAMPAIGN_STATUS_BADGES[value].label, value }))
const requestStatusOptions = AD_REQUEST_STATUSES.map(value => ({ label: AD_REQUEST_STATUS_BADGES[value].label, value }))

/** The choices of the list filters, in the order the selects show them. */
export const FILTER_OPTIONS = {
  campaignStatus: campaignStatusOptions,
  requestStatus: requestStatusOptions,
  /** For the owner's lists, which the dashboard figures link to: the groups, then each status. */
  campaignStatusOrGroup: [...groupOptions(CAMPAIGN_STATUS_GROUPS, CAMPAIGN_STATUS_GROUP_LABELS, CAMPAIGN_STATUS_BADGES), ...campaignStatusOptions],
  requestStatusOrGroup: [...groupOptions(AD_REQUEST_STATUS_GROUPS, AD_REQUEST_STATUS_GROUP_LABELS, AD_REQUEST_STATUS_BADGES), ...requestStatusOptions],
  userStatus: USER_STATUSES.map(value => ({ label: STATUS_BADGES[value].label, value })),
  role: ROLES.map(value => ({ label: ROLE_LABELS[value], value })),
  niche: NICHES.map(value => ({ label: capitalize(value), value })),
  flagged: [{ label: 'Flagged', value: 'true' }, { label: 'Not flagged', value: 'false' }],
  /** A sponsor's own campaigns; "Best match" joins them while a search text is given. */
  campaignSort: [
    { label: 'Newest first', value: 'newest' },
    { label: 'Starting soonest', value: 'starts_soon' },
    { label: 'Ending soonest', value: 'ends_soon' },
    { label: 'Largest budget', value: 'budget_desc' },
    { label: 'Smallest budget', value: 'budget_asc' },
  ],
  influencerSort: [
    { label: 'Largest audience', value: 'audience_desc' },
    { label: 'Smallest audience', value: 'audience_asc' },
    { label: 'Highest engagement', value: 'engagement_desc' },
    { label: 'Lowest rate', value: 'rate_asc' },
    { label: 'Newest members', value: 'newest' },
  ],
}

/** What the login page tells someone whose session ended, by the reason the server gave. */
export const SESSION_END_NOTICES: Record<SessionEndReason, { title: string, description: string, icon: string }> = {
  'expired': { title: 'Your session expired', description: 'Log in again to continue.', icon: 'i-lucide-clock' },
  'logged-out': { title: 'You were logged out', description: 'This session was ended from another tab or device. Log in again to continue.', icon: 'i-lucide-log-out' },
  'reused': {
    title: 'You were logged out for your safety',
    description: 'This session was ended because its sign-in was used from two places. Log in again to continue; if that was not you, change your password.',
    icon: 'i-lucide-shield-alert',
  },
  'password-changed': {
    title: 'Your password was changed',
    description: 'Every session of this account was ended. Log in with the new password; if you did not change it, reset it now.',
    icon: 'i-lucide-key-round',
  },
  'suspended': { title: 'This account is suspended', description: 'You cannot log in while it is suspended. Contact the Influencia team if you think this is a mistake.', icon: 'i-lucide-ban' },
  'revoked': { title: 'Your session has ended', description: 'Log in again to continue.', icon: 'i-lucide-log-out' },
}

/** What the login form says when it was posted without JavaScript and sent back (`?error=`). */
export const LOGIN_FORM_ERROR_MESSAGES: Record<LoginFormError, string> = {
  missing: 'Enter your username or email and your password.',
  wrong: 'Wrong username, email or password',
  suspended: 'This account is suspended',
  limited: 'Too many login attempts; try again in a few minutes',
}
