import type { BadgeProps } from '@nuxt/ui'
import { AD_REQUEST_STATUSES, CAMPAIGN_STATUSES, NICHES, ROLES, USER_STATUSES } from '#shared/constants'
import type { AdRequestStatus, CampaignStatus, CampaignVisibility, Platform, Role, SessionEndReason, UserStatus } from '#shared/constants'
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
  rejected: { label: 'Rejected', color: 'error' },
  withdrawn: { label: 'Withdrawn', color: 'neutral' },
  expired: { label: 'Expired', color: 'neutral' },
  completed: { label: 'Completed', color: 'primary' },
}

/** The choices of the list filters, in the order the selects show them. */
export const FILTER_OPTIONS = {
  campaignStatus: CAMPAIGN_STATUSES.map(value => ({ label: CAMPAIGN_STATUS_BADGES[value].label, value })),
  requestStatus: AD_REQUEST_STATUSES.map(value => ({ label: AD_REQUEST_STATUS_BADGES[value].label, value })),
  userStatus: USER_STATUSES.map(value => ({ label: STATUS_BADGES[value].label, value })),
  role: ROLES.map(value => ({ label: ROLE_LABELS[value], value })),
  niche: NICHES.map(value => ({ label: capitalize(value), value })),
  flagged: [{ label: 'Flagged', value: 'true' }, { label: 'Not flagged', value: 'false' }],
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
  'suspended': { title: 'This account is suspended', description: 'You cannot log in while it is suspended. Contact the Influencia team if you think this is a mistake.', icon: 'i-lucide-ban' },
  'revoked': { title: 'Your session has ended', description: 'Log in again to continue.', icon: 'i-lucide-log-out' },
}
