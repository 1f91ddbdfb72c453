import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import {
  AD_REQUEST_EVENT_KINDS, AD_REQUEST_PARTIES, AD_REQUEST_STATUSES, CAMPAIGN_STATUSES, CAMPAIGN_VISIBILITIES,
  EXPORT_KINDS, EXPORT_STATUSES, FLAG_STATUSES, FLAG_TARGETS, JOB_OUTCOMES, MAIL_STATUSES, MAIL_TRANSPORTS, PERIODIC_NOTICE_KINDS, ROLES, USER_STATUSES,
} from '#shared/constants'
import type { Platform } from '#shared/constants'

// Money columns hold integer cents. Timestamps are epoch milliseconds, read as Date.

const createdAt = () => integer('created_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date())
const updatedAt = () => integer('updated_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()).$onUpdateFn(() => new Date())

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  /** Stored lower-cased, so uniqueness is case-insensitive. */
  email: text('email').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  displayName: text('display_name').notNull(),
  bio: text('bio').notNull().default(''),
  status: text('status', { enum: USER_STATUSES }).notNull(),
  flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
  /** Bumped on suspension, password change and logout-everywhere: older access tokens stop working. */
  tokenVersion: integer('token_version').notNull().default(0),
  lastLoginAt: integer('last_login_at', { mode: 'timestamp_ms' }),
  /** The last authenticated request, to the hour: who has not visited for days gets a reminder. */
  lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, t => [
  index('users_role_status_idx').on(t.role, t.status),
  index('users_created_idx').on(t.createdAt),
  // The few accounts that may not be approached (suspended, pending, under moderation): a search
  // counts the profiles that match and leaves these out, without reading every account.
  index('users_hidden_idx').on(t.id).where(sql`status <> 'active' or flagged = true`),
])

export const sponsorProfiles = sqliteTable('sponsor_profiles', {
  userId: integer('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  company: text('company').notNull(),
  sector: text('sector').notNull(),
  website: text('website').notNull().default(''),
  budget: integer('budget').notNull().default(0),
})

export const influencerProfiles = sqliteTable('influencer_profiles', {
  userId: integer('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  niche: text('niche').notNull(),
  specialization: text('specialization').notNull().default(''),
  platforms: text('platforms', { mode: 'json' }).$type<{ platform: Platform, handle: string }[]>().notNull().default([]),
  audienceSize: integer('audience_size').notNull().default(0),
  /** Percent, e.g. 3.5 for 3.5 %. */
  engagementRate: real('engagement_rate').notNull().default(0),
  location: text('location').notNull().default(''),
  minimumRate: integer('minimum_rate').notNull().default(0),
  // The influencer's track record (see ../../domain/track-records.ts), kept by every change of
  // a request's status, so that ranking thousands of candidates counts none of their requests.
  trackAgreed: integer('track_agreed').notNull().default(0),
  trackCompleted: integer('track_completed').notNull().default(0),
  trackRejected: integer('track_rejected').notNull().default(0),
  // When the creator joined: their account's creation, which never changes. Kept here so that the
  // "newest" order, within a niche or above an audience, reads profiles alone in an index's order.
  joinedAt: integer('joined_at', { mode: 'timestamp_ms' }).notNull(),
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

export const campaigns = sqliteTable('campaigns', {
  id: integer('id').primaryKey({ autoIncrement: true }),
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
  flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
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

export const adRequests = sqliteTable('ad_requests', {
  id: integer('id').primaryKey({ autoIncrement: true }),
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
export const adRequestEvents = sqliteTable('ad_request_events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
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

export const notifications = sqliteTable('notifications', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
  readAt: integer('read_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
}, t => [
  index('notifications_inbox_idx').on(t.userId, t.readAt, t.createdAt),
])

export const flags = sqliteTable('flags', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  targetType: text('target_type', { enum: FLAG_TARGETS }).notNull(),
  targetId: integer('target_id').notNull(),
  reason: text('reason').notNull(),
  reporterId: integer('reporter_id').references(() => users.id, { onDelete: 'set null' }),
  status: text('status', { enum: FLAG_STATUSES }).notNull().default('open'),
  resolverId: integer('resolver_id').references(() => users.id, { onDelete: 'set null' }),
  resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
}, t => [
  index('flags_target_idx').on(t.targetType, t.targetId),
  index('flags_status_idx').on(t.status, t.createdAt),
])

export const exports = sqliteTable('exports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
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
  startedAt: integer('started_at', { mode: 'timestamp_ms' }),
  /** Touched while the export runs: a running export whose heartbeat stops was left by a process that died. */
  heartbeatAt: integer('heartbeat_at', { mode: 'timestamp_ms' }),
  finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
}, t => [
  index('exports_owner_idx').on(t.ownerId, t.createdAt),
  index('exports_status_idx').on(t.status, t.heartbeatAt),
])

export const jobRuns = sqliteTable('job_runs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  task: text('task').notNull(),
  startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
  finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
  outcome: text('outcome', { enum: JOB_OUTCOMES }).notNull().default('running'),
  summary: text('summary').notNull().default(''),
  /** What the run did, by name (e.g. `{ started: 1, completed: 0, expired: 2 }`). */
  counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull().default({}),
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
export const periodicNotices = sqliteTable('periodic_notices', {
  kind: text('kind', { enum: PERIODIC_NOTICE_KINDS }).notNull(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  /** `YYYY-MM-DD` for a day, `YYYY-MM` for a month, in the platform's time zone. */
  period: text('period').notNull(),
  createdAt: createdAt(),
}, t => [
  primaryKey({ columns: [t.kind, t.period, t.userId] }),
])

/** One login on one device: the family of refresh tokens that descend from it. */
export const authSessions = sqliteTable('auth_sessions', {
  id: text('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  userAgent: text('user_agent').notNull().default(''),
  createdAt: createdAt(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  revokedReason: text('revoked_reason'),
}, t => [
  index('auth_sessions_user_idx').on(t.userId),
])

/** Refresh tokens are stored as SHA-256 digests; each is used once and replaced by the next. */
export const refreshTokens = sqliteTable('refresh_tokens', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  sessionId: text('session_id').notNull().references(() => authSessions.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
}, t => [
  index('refresh_tokens_session_idx').on(t.sessionId),
])

/**
 * Every e-mail the platform sends, recorded before it leaves. The dedupe key names the event the
 * message is about; being unique, it keeps one event from ever mailing twice.
 */
export const outbox = sqliteTable('outbox', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html').notNull(),
  dedupeKey: text('dedupe_key').notNull().unique(),
  status: text('status', { enum: MAIL_STATUSES }).notNull().default('queued'),
  transport: text('transport', { enum: MAIL_TRANSPORTS }).notNull(),
  error: text('error'),
  createdAt: createdAt(),
  sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
}, t => [
  index('outbox_created_idx').on(t.createdAt),
])

/** Links sent to reset a forgotten password: stored as SHA-256 digests, each usable once. */
export const passwordResetTokens = sqliteTable('password_reset_tokens', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
  usedAt: integer('used_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
}, t => [
  index('password_reset_tokens_user_idx').on(t.userId),
])
