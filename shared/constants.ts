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
/** A campaign that is over: it can no longer change, and its open requests are closed. */
export const FINISHED_CAMPAIGN_STATUSES = ['completed', 'cancelled'] as const satisfies readonly CampaignStatus[]

/**
 * Statuses counted together, each under one name: a dashboard figure sums a group and links to
 * the list filtered by the group's name (`?status=live`), so the figure and the list always agree.
 */
export const CAMPAIGN_STATUS_GROUPS = {
  /** Running or about to: their budgets are money the brand has set aside. Never a draft. */
  live: ['active', 'scheduled', 'paused'],
} as const satisfies Record<string, readonly CampaignStatus[]>
export type CampaignStatusGroup = keyof typeof CAMPAIGN_STATUS_GROUPS
/** A campaign list's status filter: a status or a group's name. */
export const CAMPAIGN_STATUS_FILTER = statusFilter(CAMPAIGN_STATUSES, CAMPAIGN_STATUS_GROUPS)

export const AD_REQUEST_STATUSES = [
  'pending', 'negotiating', 'accepted', 'rejected', 'withdrawn', 'expired', 'completed',
] as const
export type AdRequestStatus = (typeof AD_REQUEST_STATUSES)[number]
/** Requests still being negotiated or worked on: at most one per influencer and campaign. */
export const OPEN_AD_REQUEST_STATUSES = ['pending', 'negotiating', 'accepted'] as const satisfies readonly AdRequestStatus[]

/** Ad-request statuses counted together; see CAMPAIGN_STATUS_GROUPS. */
export const AD_REQUEST_STATUS_GROUPS = {
  /** An offer on the table that one side has still to answer. */
  in_negotiation: ['pending', 'negotiating'],
  /** An offer accepted: a deal, in progress or done, whose payment is committed. */
  agreed: ['accepted', 'completed'],
} as const satisfies Record<string, readonly AdRequestStatus[]>
export type AdRequestStatusGroup = keyof typeof AD_REQUEST_STATUS_GROUPS
/** An ad-request list's status filter: a status or a group's name. */
export const AD_REQUEST_STATUS_FILTER = statusFilter(AD_REQUEST_STATUSES, AD_REQUEST_STATUS_GROUPS)

/**
 * Which request statuses each figure of an influencer's track record counts: the requests that
 * became deals, those completed, and those rejected.
 */
export const TRACK_RECORD_STATUSES = {
  agreed: AD_REQUEST_STATUS_GROUPS.agreed,
  completed: ['completed'],
  rejected: ['rejected'],
} as const satisfies Record<string, readonly AdRequestStatus[]>

export const AD_REQUEST_PARTIES = ['sponsor', 'influencer'] as const
export type AdRequestParty = (typeof AD_REQUEST_PARTIES)[number]

export const AD_REQUEST_EVENT_KINDS = [
  'offer', 'counter', 'message', 'accepted', 'rejected', 'withdrawn', 'expired', 'completed',
] as const
export type AdRequestEventKind = (typeof AD_REQUEST_EVENT_KINDS)[number]

export const FLAG_TARGETS = ['user', 'campaign'] as const
export const FLAG_STATUSES = ['open', 'resolved', 'dismissed'] as const
export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const
export type ExportStatus = (typeof EXPORT_STATUSES)[number]
/** An export not finished yet: another of the same kind would only repeat it. */
export const UNFINISHED_EXPORT_STATUSES = ['queued', 'running'] as const satisfies readonly ExportStatus[]
/** What a sponsor can export: its campaigns, or its ad requests with every step of their history. */
export const EXPORT_KINDS = ['campaigns', 'ad_requests'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]
export const JOB_OUTCOMES = ['running', 'succeeded', 'failed', 'skipped'] as const
/** What the scheduled tasks tell each user once per period: a day's reminder, a month's report. */
export const PERIODIC_NOTICE_KINDS = ['reminder.daily', 'report.ready'] as const
export type PeriodicNoticeKind = (typeof PERIODIC_NOTICE_KINDS)[number]

/** An e-mail is queued until its transport answers; without SMTP the outbox itself delivers it. */
export const MAIL_STATUSES = ['queued', 'sent', 'failed'] as const
export type MailStatus = (typeof MAIL_STATUSES)[number]
export const MAIL_TRANSPORTS = ['smtp', 'outbox'] as const
export type MailTransport = (typeof MAIL_TRANSPORTS)[number]

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
export const SESSION_END_REASONS = ['expired', 'logged-out', 'reused', 'suspended', 'password-changed', 'revoked'] as const
export type SessionEndReason = (typeof SESSION_END_REASONS)[number]

/** Why the login form sent a visitor back when it was posted without JavaScript (`/login?error=`). */
export const LOGIN_FORM_ERRORS = ['missing', 'wrong', 'suspended', 'limited'] as const
export type LoginFormError = (typeof LOGIN_FORM_ERRORS)[number]

export function isLoginFormError(value: unknown): value is LoginFormError {
  return (LOGIN_FORM_ERRORS as readonly unknown[]).includes(value)
}

export function isSessionEndReason(value: unknown): value is SessionEndReason {
  return (SESSION_END_REASONS as readonly unknown[]).includes(value)
}

/** The values a status filter accepts, and the statuses each stands for: a group's, or itself. */
function statusFilter<S extends string, G extends string>(statuses: readonly S[], groups: Record<G, readonly S[]>) {
  const isGroup = (value: S | G): value is G => Object.hasOwn(groups, value)
  return {
    values: [...statuses, ...Object.keys(groups) as G[]],
    statusesOf: (value: S | G): S[] => (isGroup(value) ? [...groups[value]] : [value]),
  }
}

/** A figure summed over a group's statuses, e.g. how many of a sponsor's campaigns are live. */
/** Whether a status is one of a list's or group's, e.g. a request's amount is agreed. */
export function inGroup<S extends string>(group: readonly S[], status: string): status is S {
  return (group as readonly string[]).includes(status)
}

export function sumOverGroup<S extends string>(group: readonly S[], valueOf: (status: S) => number): number {
  return group.reduce((total, status) => total + valueOf(status), 0)
}
