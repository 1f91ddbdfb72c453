import type { BadgeProps } from '@nuxt/ui'
import { AD_REQUEST_STATUSES, CAMPAIGN_STATUSES, NICHES, ROLES, USER_STATUSES } from '#shared/constants'
import type { AdRequestStatus, CampaignStatus, CampaignVisibility, Platform, Role, UserStatus } from '#shared/constants'
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

/** The choices of the list filters, in the order the selects show them. */
export const FILTER_OPTIONS = {
  campaignStatus: CAMPAIGN_STATUSES.map(value => ({ label: CAMPAIGN_STATUS_BADGES[value].label, value })),
  requestStatus: AD_REQUEST_STATUSES.map(value => ({ label: AD_REQUEST_STATUS_BADGES[value].label, value })),
  userStatus: USER_STATUSES.map(value => ({ label: STATUS_BADGES[value].label, value })),
  role: ROLES.map(value => ({ label: ROLE_LABELS[value], value })),
  niche: NICHES.map(value => ({ label: capitalize(value), value })),
  flagged: [{ label: 'Flagged', value: 'true' }, { label: 'Not flagged', value: 'false' }],
}
