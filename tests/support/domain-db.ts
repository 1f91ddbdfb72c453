import { resolve } from 'node:path'
import { asc, eq } from 'drizzle-orm'
import type pg from 'pg'
import type Database from 'better-sqlite3'
import { closeDatabase, dialectOf, migrateDatabase, openDatabase } from '../../server/database/client'
import type { Db } from '../../server/database/client'
import { adRequestEvents, adRequests, campaigns, notifications, users } from '../../server/database/schema'
import type { AdRequestEventKind, AdRequestStatus, CampaignStatus, UserStatus } from '../../shared/constants'
import { createScratchDatabase } from './postgres'
import { suiteDialect } from './scratch-database'

export interface TestDomainDb {
  db: Db
  /** Closes the database and drops it: nothing of it outlives the test. */
  close: () => Promise<void>
}

/**
 * A migrated, empty database of the run's dialect (TEST_DATABASE_DIALECT, with NUXT_DATABASE_URL
 * choosing the tables to match): SQLite in memory, or a scratch PostgreSQL database of its own.
 */
export async function openTestDomainDb(): Promise<TestDomainDb> {
  if (suiteDialect === 'sqlite') {
    const db = openDatabase(':memory:')
    await migrateDatabase(db, resolve('drizzle'))
    return { db, close: () => closeDatabase(db) }
  }
  const scratch = await createScratchDatabase('influencia_unit')
  const db = openDatabase(scratch.url)
  const close = async () => {
    await closeDatabase(db)
    await scratch.drop()
  }
  try {
    await migrateDatabase(db, resolve('drizzle'))
  }
  catch (error) {
    await close()
    throw error
  }
  return { db, close }
}

/**
 * Whether a transaction is still open on the database: SQLite's writer is inside one, or one of
 * PostgreSQL's pooled connections is still lent out (a transaction holds its connection until it
 * ends).
 */
export function transactionOpen(db: Db): boolean {
  const { $client } = db as unknown as { $client: Database.Database | pg.Pool }
  if (dialectOf(db) === 'sqlite') return ($client as Database.Database).inTransaction
  const pool = $client as pg.Pool
  return pool.totalCount > pool.idleCount
}

/**
 * A migrated empty database of the run's dialect and the rows the domain tests build their cases
 * from, with times given exactly (the clock the tests hand the domain functions).
 */
export async function domainDb() {
  const { db, close } = await openTestDomainDb()

  async function addUser(username: string, role: 'sponsor' | 'influencer', extra: { status?: UserStatus, createdAt?: Date, lastSeenAt?: Date } = {}) {
    const [row] = await db.insert(users).values({
      username, email: `${username}@test.example`, passwordHash: 'x', role, displayName: username, status: extra.status ?? 'active',
      createdAt: extra.createdAt ?? new Date('2025-01-01T00:00:00Z'), lastSeenAt: extra.lastSeenAt,
    }).returning({ id: users.id })
    return row!.id
  }

  async function addCampaign(sponsorId: number, title: string, dates: { start: string, end: string }, extra: { status?: CampaignStatus, budget?: number, createdAt?: Date } = {}) {
    const [row] = await db.insert(campaigns).values({
      sponsorId, slug: `${title.toLowerCase().replaceAll(' ', '-')}-${Math.random().toString(36).slice(2, 8)}`, title, description: 'A campaign', niche: 'beauty',
      startDate: dates.start, endDate: dates.end, visibility: 'public', budget: extra.budget ?? 100_000, status: extra.status ?? 'active',
      createdAt: extra.createdAt ?? new Date('2025-01-01T00:00:00Z'),
    }).returning({ id: campaigns.id })
    return row!.id
  }

  /**
   * A request and its history: `steps` are its offers and answers at the given times; the
   * request's status and amount are those the last step left.
   */
  async function addRequest(campaignId: number, influencerId: number, steps: { kind: AdRequestEventKind, at: string, amount?: number, by?: 'sponsor' | 'influencer' }[]) {
    const STATUS: Partial<Record<AdRequestEventKind, AdRequestStatus>> = { offer: 'pending', counter: 'negotiating', accepted: 'accepted', rejected: 'rejected', withdrawn: 'withdrawn', expired: 'expired', completed: 'completed' }
    const changes = steps.filter(s => s.kind !== 'message')
    const amount = steps.findLast(s => s.amount !== undefined)?.amount ?? 10_000
    const offers = steps.filter(s => s.kind === 'offer' || s.kind === 'counter')
    const [row] = await db.insert(adRequests).values({
      campaignId, influencerId, requirements: 'One reel', paymentAmount: amount, status: STATUS[changes.at(-1)!.kind]!,
      initiatedBy: steps[0]!.by ?? 'sponsor', lastOfferBy: offers.at(-1)?.by ?? 'sponsor', createdAt: new Date(steps[0]!.at),
    }).returning({ id: adRequests.id })
    await db.insert(adRequestEvents).values(steps.map(step => ({
      adRequestId: row!.id, kind: step.kind, actorId: null, paymentAmount: step.amount ?? null, createdAt: new Date(step.at),
    })))
    return row!.id
  }

  const inbox = (userId: number) => db.select({ id: notifications.id, kind: notifications.kind, payload: notifications.payload })
    .from(notifications).where(eq(notifications.userId, userId)).orderBy(asc(notifications.id))

  return { db, close, addUser, addCampaign, addRequest, inbox }
}
