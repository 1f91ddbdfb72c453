// Vocabulary shared by the server, the pages and the seed. Each list is the single source of a
// database enum and of the options a form offers.

export const ROLES = ['admin', 'sponsor', 'influencer'] as const
export type Role = (typeof ROLES)[number]
export const SIGNUP_ROLES = ['sponsor', 'influencer'] as const satisfies readonly Role[]

export const USER_STATUSES = ['pending', 'active', 'suspended'] as const
export type UserStatus = (typeof USER_STATUSES)[number]

export const NICHES = [
  'fashion', 'beauty', 'fitness', 'food', 'travel', 'tech', 'gaming', 'finance',
  'parenting', 'music', 'sports', 'lifestyle', 'education', 'automotive', 'pets', 'art',
] as const
export type Niche = (typeof NICHES)[number]

export const PLATFORMS = ['instagram', 'tiktok', 'youtube', 'twitch', 'x', 'linkedin', 'blog', 'podcast'] as const
export type Platform = (typeof PLATFORMS)[number]

export const CAMPAIGN_VISIBILITIES = ['public', 'private'] as const
export type CampaignVisibility = (typeof CAMPAIGN_VISIBILITIES)[number]

export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'active', 'paused', 'completed', 'cancelled'] as const
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number]
/** A campaign that was published and not withdrawn: the only ones the public ever sees. */
export const PUBLISHED_CAMPAIGN_STATUSES = ['scheduled', 'active', 'paused', 'completed'] as const satisfies readonly CampaignStatus[]
/** A campaign takes new requests (applications and invitations) only while live or about to be. */
export const OPEN_CAMPAIGN_STATUSES = ['scheduled', 'active'] as const satisfies readonly CampaignStatus[]

export const AD_REQUEST_STATUSES = [
  'pending', 'negotiating', 'accepted', 'rejected', 'withdrawn', 'expired', 'completed',
] as const
export type AdRequestStatus = (typeof AD_REQUEST_STATUSES)[number]
/** Requests still being negotiated or worked on: at most one per influencer and campaign. */
export const OPEN_AD_REQUEST_STATUSES = ['pending', 'negotiating', 'accepted'] as const satisfies readonly AdRequestStatus[]

export const AD_REQUEST_PARTIES = ['sponsor', 'influencer'] as const
export type AdRequestParty = (typeof AD_REQUEST_PARTIES)[number]

export const AD_REQUEST_EVENT_KINDS = [
  'offer', 'counter', 'message', 'accepted', 'rejected', 'withdrawn', 'expired', 'completed',
] as const
export type AdRequestEventKind = (typeof AD_REQUEST_EVENT_KINDS)[number]

export const FLAG_TARGETS = ['user', 'campaign'] as const
export const FLAG_STATUSES = ['open', 'resolved', 'dismissed'] as const
export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const
export const JOB_OUTCOMES = ['running', 'succeeded', 'failed', 'skipped'] as const

/** Where each role lands after logging in; also the prefix of the pages only that role may open. */
export const ROLE_HOME: Record<Role, string> = {
  admin: '/admin',
  sponsor: '/sponsor',
  influencer: '/influencer',
}

/**
 * Why a login session ended: the refresh endpoint reports it as `data.reason`, and the login page
 * explains it when it arrives as `?reason=`.
 */
export const SESSION_END_REASONS = ['expired', 'logged-out', 'reused', 'suspended', 'revoked'] as const
export type SessionEndReason = (typeof SESSION_END_REASONS)[number]

export function isSessionEndReason(value: unknown): value is SessionEndReason {
  return (SESSION_END_REASONS as readonly unknown[]).includes(value)
}
