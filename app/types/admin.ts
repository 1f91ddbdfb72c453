import type { AdRequestStatus, CampaignStatus, MailStatus, MailTransport, Role, UserStatus } from '#shared/constants'

/** GET /api/admin/stats; money in cents, days as 'YYYY-MM-DD' (UTC). */
export interface PlatformStats {
  users: {
    total: number
    byRole: Partial<Record<Role, number>>
    byStatus: Partial<Record<UserStatus, number>>
    pendingSponsors: number
  }
  campaigns: { total: number, byStatus: Partial<Record<CampaignStatus, number>> }
  adRequests: { total: number, byStatus: Partial<Record<AdRequestStatus, number>> }
  money: { committed: number, completed: number, liveBudget: number }
  flags: { open: Partial<Record<'user' | 'campaign', number>> }
  signups: { day: string, sponsors: number, influencers: number }[]
  requestsOverTime: { day: string, total: number, byStatus: Partial<Record<AdRequestStatus, number>> }[]
}

/** A user as GET /api/admin/users lists them. */
export interface AdminUser {
  id: number
  username: string
  email: string
  role: Role
  displayName: string
  bio: string
  status: UserStatus
  flagged: boolean
  createdAt: string
}

/** An e-mail as GET /api/admin/outbox lists them (the plain-text body; times ISO). */
export interface OutboxMail {
  id: number
  to: string
  subject: string
  text: string
  status: MailStatus
  transport: MailTransport
  /** Why SMTP refused it, when it failed. */
  error: string | null
  createdAt: string
  sentAt: string | null
}

/** One recorded run of a scheduled task. */
export interface JobRun {
  id: number
  task: string
  startedAt: string
  finishedAt: string | null
  outcome: 'running' | 'succeeded' | 'failed' | 'skipped'
  summary: string
  counts: Record<string, number>
  error: string | null
}

/** GET /api/admin/jobs: a scheduled task with its schedule and last runs, newest first. */
export interface AdminJob {
  name: string
  cron: string
  schedule: string
  description: string
  runs: JobRun[]
}
