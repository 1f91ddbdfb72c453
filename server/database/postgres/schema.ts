import { sql } from 'drizzle-orm'
import type { HasDefault } from 'drizzle-orm'
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import {
  AD_REQUEST_EVENT_KINDS, AD_REQUEST_PARTIES, AD_REQUEST_STATUSES, CAMPAIGN_STATUSES, CAMPAIGN_VISIBILITIES,
  EXPORT_KINDS, EXPORT_STATUSES, FLAG_STATUSES, FLAG_TARGETS, JOB_OUTCOMES, MAIL_STATUSES, MAIL_TRANSPORTS, PERIODIC_NOTICE_KINDS, ROLES, USER_STATUSES,
} from '#shared/constants'
import type { Platform } from '#shared/constants'

// The twin of ../sqlite/schema.ts: the same tables, columns and TypeScript types, so the domain
// code runs on either database (tests/unit/schema-parity.test.ts holds the two together).
// Money columns hold integer cents. Timestamps keep milliseconds, as SQLite's do, and read as Date.
// Enums stay plain text with a TypeScript union: no PostgreSQL types, only portable SQL.
// Full-text search lives in the hand-written migration drizzle/postgres/0001_search.sql.

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date', precision: 3 })
const createdAt = () => instant('created_at').notNull().$defaultFn(() => new Date())
const updatedAt = () => instant('updated_at').notNull().$defaultFn(() => new Date()).$onUpdateFn(() => new Date())
// "By default" rather than "always", so a copy from SQLite can keep its ids.
const id = () => integer('id').primaryKey().generatedByDefaultAsIdentity()

export const users = pgTable('users', {
  id: id(),
  username: text('username').notNull().unique(),
  /** Stored lower-cased, so uniqueness is case-insensitive. */
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  displayName: text('display_name').notNull(),
  bio: text('bio').notNull().default(''),
  status: text('status', { enum: USER_STATUSES }).notNull(),
  flagged: boolean('flagged').notNull().default(false),
  /** Bumped on suspension, password change and logout-everywhere: older access tokens stop working. */
  tokenVersion: integer('token_version').notNull().default(0),
  lastLoginAt: instant('last_login_at'),
  /** The last authenticated request, to the hour: who has not visited for days gets a reminder. */
  lastSeenAt: instant('last_seen_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, t => [
  index('users_role_status_idx').on(t.role, t.status),
  index('users_created_idx').on(t.createdAt),
  // The few accounts that may not be approached (suspended, pending, under moderation): a search
  // counts the profiles that match and leaves these out, without reading every account.
  index('users_hidden_idx').on(t.id).where(sql`status <> 'active' or flagged = true`),
])

/**
 * A profile's key is its user's id. drizzle types SQLite's integer primary key as optional on
 * insert (the rowid would fill it), so this one is typed so too, to keep one insert type for both
 * databases; a profile inserted without it still fails here, on the not-null key.
 */
function profileOwner() {
  const column = integer('user_id').primaryKey()
  return (column as HasDefault<typeof column>).references(() => users.id, { onDelete: 'cascade' })
}

export const sponsorProfiles = pgTable('sponsor_profiles', {
  userId: profileOwner(),
  company: text('company').notNull(),
  sector: text('sector').notNull(),
  website: text('website').notNull().default(''),
  budget: integer('budget').notNull().default(0),
})

export const influencerProfiles = pgTable('influencer_profiles', {
  userId: profileOwner(),
  niche: text('niche').notNull(),
  specialization: text('specialization').notNull().default(''),
  platforms: jsonb('platforms').$type<{ platform: Platform, handle: string }[]>().notNull().default([]),
  audienceSize: integer('audience_size').notNull().default(0),
  /** Percent, e.g. 3.5 for 3.5 %. */
  engagementRate: doublePrecision('engagement_rate').notNull().default(0),
  location: text('location').notNull().default(''),
  minimumRate: integer('minimum_rate').notNull().default(0),
  // The influencer's track record (see ../../domain/track-records.ts), kept by every change of
  // a request's status, so that ranking thousands of candidates counts none of their requests.
  trackAgreed: integer('track_agreed').notNull().default(0),
  trackCompleted: integer('track_completed').notNull().default(0),
  trackRejected: integer('track_rejected').notNull().default(0),
  // When the creator joined: their account's creation, which never changes. Kept here so that the
  // "newest" order, within a niche or above an audience, reads profiles alone in an index's order.
  joinedAt: instant('joined_at').notNull(),
}, t => [
  // A niche's creators by audience, with the id as the tie-break and what a match is scored on:
  // a niche's recommendation pool reads its largest creators from the index alone.
  index('influencer_niche_audience_idx').on(t.niche, t.audienceSize, t.userId, t.engagementRate, t.minimumRate, t.trackAgreed, t.trackCompleted, t.trackRejected),
  index('influencer_audience_idx').on(t.audienceSize),
  // The most engaged creators, with the id as the tie-break and what a match is scored on: the
  // recommendations' pool of them reads the index alone.
  index('influencer_engagement_idx').on(t.engagementRate, t.userId, t.niche, t.audienceSize, t.minimumRate, t.trackAgreed, t.trackCompleted, t.trackRejected),
  // The "lowest rate" order with its tie-break (newest profile first), whole from the index.
  index('influencer_rate_idx').on(t.minimumRate, sql`${t.userId} desc`),
  // A niche's creators in the "most engaged", "lowest rate" and "newest" orders, and everyone's
  // newest: a search reads its first page from an index rather than sorting every profile it matches.
  index('influencer_niche_engagement_idx').on(t.niche, t.engagementRate, t.userId),
  index('influencer_niche_rate_idx').on(t.niche, t.minimumRate, sql`${t.userId} desc`),
  index('influencer_niche_joined_idx').on(t.niche, t.joinedAt, t.userId),
  index('influencer_joined_idx').on(t.joinedAt, t.userId),
  index('influencer_location_idx').on(t.location),
])

export const campaigns = pgTable('campaigns', {
  id: id(),
  sponsorId: integer('sponsor_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  niche: text('niche').notNull(),
  goals: text('goals').notNull().default(''),
  /** Calendar dates, YYYY-MM-DD. */
  startDate: text('start_date').notNull(),
  endDate: text('end_date').notNull(),
  visibility: text('visibility', { enum: CAMPAIGN_VISIBILITIES }).notNull(),
  budget: integer('budget').notNull(),
  status: text('status', { enum: CAMPAIGN_STATUSES }).notNull(),
  flagged: boolean('flagged').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, t => [
  // Holds every column the public lists filter and sort by, so a list finds and orders its page of
  // ids from the index alone, without reading the wide rows of every match.
  index('campaigns_public_list_idx').on(t.visibility, t.flagged, t.status, t.createdAt, t.budget, t.startDate, t.endDate, t.niche),
  // A niche's public campaigns, with the budget floor visitors filter by: counting a filtered list
  // and reading its page walk only the niche's entries (PostgreSQL read every public campaign's: a
  // count took 1.7 ms and a page 4.2 ms at 10,000 campaigns, and take 0.3 and 1.0 ms so).
  index('campaigns_public_niche_idx').on(t.visibility, t.flagged, t.status, t.niche, t.budget),
  index('campaigns_sponsor_idx').on(t.sponsorId, t.status),
  // A sponsor's campaigns in id order: exports read them a batch at a time, each from where the last ended.
  index('campaigns_sponsor_id_idx').on(t.sponsorId, t.id),
  index('campaigns_niche_idx').on(t.niche, t.status),
  index('campaigns_budget_idx').on(t.budget),
  index('campaigns_dates_idx').on(t.status, t.startDate, t.endDate),
])

export const adRequests = pgTable('ad_requests', {
  id: id(),
  campaignId: integer('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
  influencerId: integer('influencer_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  requirements: text('requirements').notNull(),
  /** The amount on the table: the latest offer or counter-offer. */
  paymentAmount: integer('payment_amount').notNull(),
  status: text('status', { enum: AD_REQUEST_STATUSES }).notNull(),
  initiatedBy: text('initiated_by', { enum: AD_REQUEST_PARTIES }).notNull(),
  /** Who made the offer now on the table: only the other side may accept it. */
  lastOfferBy: text('last_offer_by', { enum: AD_REQUEST_PARTIES }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, t => [
  // A campaign's requests by status, with whose they are and their amount: what a campaign has
  // committed, whom it asked and a brand's deals with each creator are read from the index alone.
  index('ad_requests_campaign_idx').on(t.campaignId, t.status, t.influencerId, t.paymentAmount),
  // A campaign's requests in id order, for the same batched reading.
  index('ad_requests_campaign_id_idx').on(t.campaignId, t.id),
  index('ad_requests_influencer_idx').on(t.influencerId, t.status),
  index('ad_requests_status_idx').on(t.status, t.updatedAt),
  // With the id, a page of the newest requests is read from the index alone, however deep.
  index('ad_requests_updated_idx').on(t.updatedAt, t.id),
  uniqueIndex('ad_requests_one_open_idx').on(t.campaignId, t.influencerId)
    .where(sql`status in ('pending', 'negotiating', 'accepted')`),
])

/** The request's history: every offer, counter-offer, message and status change, append-only. */
export const adRequestEvents = pgTable('ad_request_events', {
  id: id(),
  adRequestId: integer('ad_request_id').notNull().references(() => adRequests.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: AD_REQUEST_EVENT_KINDS }).notNull(),
  /** Null when the platform itself acted (e.g. expiry). */
  actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
  paymentAmount: integer('payment_amount'),
  message: text('message'),
  createdAt: createdAt(),
}, t => [
  index('ad_request_events_request_idx').on(t.adRequestId, t.createdAt),
])

export const notifications = pgTable('notifications', {
  id: id(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
  readAt: instant('read_at'),
  createdAt: createdAt(),
}, t => [
  index('notifications_inbox_idx').on(t.userId, t.readAt, t.createdAt),
])

export const flags = pgTable('flags', {
  id: id(),
  targetType: text('target_type', { enum: FLAG_TARGETS }).notNull(),
  targetId: integer('target_id').notNull(),
  reason: text('reason').notNull(),
  reporterId: integer('reporter_id').references(() => users.id, { onDelete: 'set null' }),
  status: text('status', { enum: FLAG_STATUSES }).notNull().default('open'),
  resolverId: integer('resolver_id').references(() => users.id, { onDelete: 'set null' }),
  resolvedAt: instant('resolved_at'),
  createdAt: createdAt(),
}, t => [
  index('flags_target_idx').on(t.targetType, t.targetId),
  index('flags_status_idx').on(t.status, t.createdAt),
])

export const exports = pgTable('exports', {
  id: id(),
  ownerId: integer('owner_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: EXPORT_KINDS }).notNull(),
  status: text('status', { enum: EXPORT_STATUSES }).notNull().default('queued'),
  /** 0–100. */
  progress: integer('progress').notNull().default(0),
  /** The file's name inside the exports directory: random, so nobody can guess another's. */
  filePath: text('file_path'),
  /** Data rows written (the header not counted) and the file's size, once done. */
  rowCount: integer('row_count'),
  byteSize: integer('byte_size'),
  error: text('error'),
  createdAt: createdAt(),
  startedAt: instant('started_at'),
  /** Touched while the export runs: a running export whose heartbeat stops was left by a process that died. */
  heartbeatAt: instant('heartbeat_at'),
  finishedAt: instant('finished_at'),
}, t => [
  index('exports_owner_idx').on(t.ownerId, t.createdAt),
  index('exports_status_idx').on(t.status, t.heartbeatAt),
])

export const jobRuns = pgTable('job_runs', {
  id: id(),
  task: text('task').notNull(),
  startedAt: instant('started_at').notNull().$defaultFn(() => new Date()),
  finishedAt: instant('finished_at'),
  outcome: text('outcome', { enum: JOB_OUTCOMES }).notNull().default('running'),
  summary: text('summary').notNull().default(''),
  /** What the run did, by name (e.g. `{ started: 1, completed: 0, expired: 2 }`). */
  counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
  /** Why a failed run failed. */
  error: text('error'),
}, t => [
  index('job_runs_task_idx').on(t.task, t.startedAt),
])

/**
 * The periodic notices a user has had: one row per kind and period (the day of a daily reminder,
 * the month of a monthly report), written in the transaction that tells them. The key makes a
 * second run of the same period, on this instance or another, find the notice already given.
 */
export const periodicNotices = pgTable('periodic_notices', {
  kind: text('kind', { enum: PERIODIC_NOTICE_KINDS }).notNull(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** `YYYY-MM-DD` for a day, `YYYY-MM` for a month, in the platform's time zone. */
  period: text('period').notNull(),
  createdAt: createdAt(),
}, t => [
  primaryKey({ columns: [t.kind, t.period, t.userId] }),
])

/** One login on one device: the family of refresh tokens that descend from it. */
export const authSessions = pgTable('auth_sessions', {
  id: text('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  userAgent: text('user_agent').notNull().default(''),
  createdAt: createdAt(),
  expiresAt: instant('expires_at').notNull(),
  revokedAt: instant('revoked_at'),
  revokedReason: text('revoked_reason'),
}, t => [
  index('auth_sessions_user_idx').on(t.userId),
])

/** Refresh tokens are stored as SHA-256 digests; each is used once and replaced by the next. */
export const refreshTokens = pgTable('refresh_tokens', {
  id: id(),
  sessionId: text('session_id').notNull().references(() => authSessions.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: instant('expires_at').notNull(),
  usedAt: instant('used_at'),
  createdAt: createdAt(),
}, t => [
  index('refresh_tokens_session_idx').on(t.sessionId),
])

/**
 * Every e-mail the platform sends, recorded before it leaves. The dedupe key names the event the
 * message is about; being unique, it keeps one event from ever mailing twice.
 */
export const outbox = pgTable('outbox', {
  id: id(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html').notNull(),
  dedupeKey: text('dedupe_key').notNull().unique(),
  status: text('status', { enum: MAIL_STATUSES }).notNull().default('queued'),
  transport: text('transport', { enum: MAIL_TRANSPORTS }).notNull(),
  error: text('error'),
  createdAt: createdAt(),
  sentAt: instant('sent_at'),
}, t => [
  index('outbox_created_idx').on(t.createdAt),
])

/** Links sent to reset a forgotten password: stored as SHA-256 digests, each usable once. */
export const passwordResetTokens = pgTable('password_reset_tokens', {
  id: id(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: instant('expires_at').notNull(),
  usedAt: instant('used_at'),
  createdAt: createdAt(),
}, t => [
  index('password_reset_tokens_user_idx').on(t.userId),
])
