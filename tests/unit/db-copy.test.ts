import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { getTableName, sql } from 'drizzle-orm'
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3'
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator'
import { drizzle } from 'drizzle-orm/node-postgres'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import { getTableConfig } from 'drizzle-orm/pg-core'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tablesInCopyOrder } from '../../server/database/copy'
import * as postgresSchema from '../../server/database/postgres/schema'
import * as s from '../../server/database/sqlite/schema'
import { createScratchDatabase, postgresAvailable } from '../support/postgres'

describe('the order tables are copied in', () => {
  it('puts every table after the tables its foreign keys point to', () => {
    const order = tablesInCopyOrder().map(table => table.name)
    for (const [position, { postgres }] of tablesInCopyOrder().entries()) {
      for (const key of getTableConfig(postgres).foreignKeys) {
        expect(order.indexOf(getTableName(key.reference().foreignTable))).toBeLessThan(position)
      }
    }
    expect(order).toHaveLength(Object.values(postgresSchema).length)
  })
})

const available = await postgresAvailable('the SQLite → PostgreSQL copy tests')

describe.skipIf(!available)('npm run db:copy', () => {
  let folder: string
  let sqlitePath: string
  let database: Awaited<ReturnType<typeof createScratchDatabase>>
  let client: pg.Client
  let target: NodePgDatabase<typeof postgresSchema>

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'db-copy-'))
    sqlitePath = join(folder, 'source.sqlite')
    const source = openSource(sqlitePath)
    migrateSqlite(source, { migrationsFolder: resolve('drizzle/sqlite') })
    fillEveryTable(source)
    source.$client.close()
    database = await createScratchDatabase('test_db_copy')
    client = new pg.Client({ connectionString: database.url })
    await client.connect()
    target = drizzle(client, { schema: postgresSchema })
  })

  afterAll(async () => {
    await client?.end()
    await database?.drop()
    if (folder) rmSync(folder, { recursive: true, force: true })
  })

  const copy = (...options: string[]) => run('scripts/db-copy.ts', '--from', sqlitePath, '--to', database.url, ...options)

  /** Every table's rows on each side, in the same order, as the app reads them. */
  async function rowsOnBothSides() {
    const source = openSource(sqlitePath)
    try {
      const sqliteRows: Record<string, unknown[]> = {}
      const postgresRows: Record<string, unknown[]> = {}
      for (const { name, sqlite, postgres } of tablesInCopyOrder()) {
        sqliteRows[name] = inOneOrder(source.select().from(sqlite).all())
        postgresRows[name] = inOneOrder(await target.select().from(postgres))
      }
      return { sqliteRows, postgresRows }
    }
    finally {
      source.$client.close()
    }
  }

  it('copies every row of every table, values and types unchanged, and counts them on both sides', async () => {
    const { code, stdout } = await copy()
    expect(code).toBe(0)
    expect(stdout).toMatch(/^users\s+3\s+3$/m)
    expect(stdout).toMatch(/^ad_requests\s+3\s+3$/m)

    const { sqliteRows, postgresRows } = await rowsOnBothSides()
    expect(postgresRows).toEqual(sqliteRows)
    for (const rows of Object.values(postgresRows)) expect(rows.length).toBeGreaterThan(0)
    const influencer = postgresRows.influencer_profiles![0] as typeof postgresSchema.influencerProfiles.$inferSelect
    expect(influencer.platforms).toEqual([{ platform: 'instagram', handle: '@runner' }])
    expect(influencer.engagementRate).toBe(3.25)
    expect(influencer.joinedAt).toEqual(new Date('2026-03-01T08:09:10.123Z'))
    const flaggedUser = (postgresRows.users as typeof postgresSchema.users.$inferSelect[]).find(user => user.flagged)
    expect(flaggedUser?.lastLoginAt).toEqual(new Date('2026-03-04T05:06:07.089Z'))
  })

  it('leaves the copy searchable and ready for new rows', async () => {
    const found = await target.execute<{ user_id: number }>(sql`select user_id from influencer_search where document @@ to_tsquery('english', 'marathon')`)
    expect(found.rows.map(row => row.user_id)).toEqual([2])
    const campaigns = await target.execute<{ slug: string }>(sql`select slug from campaigns where search_document @@ to_tsquery('english', 'sneaker:*')`)
    expect(campaigns.rows.map(row => row.slug)).toEqual(['spring-sneakers'])

    // The identities continue after the copied ids instead of handing them out again.
    const [user] = await target.insert(postgresSchema.users).values({
      username: 'newcomer', email: 'newcomer@example.com', passwordHash: 'x', role: 'sponsor', displayName: 'New', status: 'active',
    }).returning()
    expect(user!.id).toBe(4)
    await target.delete(postgresSchema.users).where(sql`id = 4`)
  })

  it('refuses a database that already has data, and replaces it when told to', async () => {
    const refused = await copy()
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('already has rows in users')

    await target.update(postgresSchema.users).set({ displayName: 'Changed meanwhile' })
    const replaced = await copy('--replace')
    expect(replaced.code).toBe(0)
    const { sqliteRows, postgresRows } = await rowsOnBothSides()
    expect(postgresRows).toEqual(sqliteRows)
  })
})

async function run(script: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(resolve('node_modules/.bin/tsx'), [script, ...args])
    return { code: 0, stdout, stderr }
  }
  catch (error) {
    const failed = error as { code: number, stdout: string, stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

/** The SQLite installation being copied, opened as the copy reads it. */
function openSource(path: string) {
  return drizzleSqlite(new Database(path), { schema: s })
}

/** Rows sorted the same way whichever database they came from (each row is unique). */
function inOneOrder<T>(rows: T[]): T[] {
  return rows.map(row => [JSON.stringify(row), row] as const).sort(([a], [b]) => a.localeCompare(b)).map(([, row]) => row)
}

/** A few rows in each table, with the values that differ most between the two databases. */
function fillEveryTable(db: ReturnType<typeof openSource>) {
  const at = (iso: string) => new Date(iso)
  db.insert(s.users).values([
    { id: 1, username: 'brand', email: 'brand@example.com', passwordHash: 'h1', role: 'sponsor', displayName: 'Brand', status: 'active' },
    { id: 2, username: 'runner', email: 'runner@example.com', passwordHash: 'h2', role: 'influencer', displayName: 'Rita Runner', bio: 'Marathons', status: 'active', flagged: true, createdAt: at('2026-03-01T08:09:10.123Z'), tokenVersion: 3, lastLoginAt: at('2026-03-04T05:06:07.089Z'), lastSeenAt: at('2026-03-04T05:00:00Z') },
    { id: 3, username: 'admin', email: 'admin@example.com', passwordHash: 'h3', role: 'admin', displayName: 'Admin', status: 'active' },
  ]).run()
  db.insert(s.sponsorProfiles).values({ userId: 1, company: 'Brand Ltd', sector: 'sport', website: 'https://brand.example', budget: 5_000_000 }).run()
  db.insert(s.influencerProfiles).values({ userId: 2, niche: 'fitness', specialization: 'running', platforms: [{ platform: 'instagram', handle: '@runner' }], audienceSize: 120_000, engagementRate: 3.25, location: 'Lisbon', minimumRate: 50_000, joinedAt: at('2026-03-01T08:09:10.123Z') }).run()
  const campaign = { sponsorId: 1, description: 'New shoes', niche: 'fitness', startDate: '2026-04-01', endDate: '2026-05-01', visibility: 'public', budget: 1_000_000, status: 'active' } as const
  db.insert(s.campaigns).values([
    { ...campaign, id: 1, slug: 'spring-sneakers', title: 'Spring sneakers', goals: 'Reach runners' },
    { ...campaign, id: 7, slug: 'private-test', title: 'Private', visibility: 'private', status: 'draft', flagged: true },
  ]).run()
  // Two closed requests and one open one for the same pair: the partial unique index allows it.
  const request = { campaignId: 1, influencerId: 2, requirements: 'Two posts', paymentAmount: 40_000, initiatedBy: 'sponsor', lastOfferBy: 'sponsor' } as const
  db.insert(s.adRequests).values([
    { ...request, id: 1, status: 'rejected' },
    { ...request, id: 2, status: 'withdrawn' },
    { ...request, id: 5, status: 'negotiating', lastOfferBy: 'influencer', paymentAmount: 45_000 },
  ]).run()
  db.insert(s.adRequestEvents).values([
    { adRequestId: 5, kind: 'offer', actorId: 1, paymentAmount: 40_000 },
    { adRequestId: 5, kind: 'counter', actorId: 2, paymentAmount: 45_000, message: 'A bit more, please' },
    { adRequestId: 1, kind: 'expired', actorId: null },
  ]).run()
  db.insert(s.notifications).values([
    { userId: 2, kind: 'request.new', payload: { adRequestId: 5, nested: { list: [1, 'two', null] } }, readAt: at('2026-03-05T00:00:00.001Z') },
    { userId: 1, kind: 'request.counter', payload: {} },
  ]).run()
  db.insert(s.flags).values({ targetType: 'campaign', targetId: 7, reason: 'Spam', reporterId: 2, status: 'resolved', resolverId: 3, resolvedAt: at('2026-03-06T12:00:00Z') }).run()
  db.insert(s.exports).values({ ownerId: 1, kind: 'campaigns', status: 'done', progress: 100, filePath: 'abc.csv', rowCount: 2, byteSize: 345, startedAt: at('2026-03-07T00:00:00Z'), heartbeatAt: at('2026-03-07T00:00:01Z'), finishedAt: at('2026-03-07T00:00:02Z') }).run()
  db.insert(s.jobRuns).values({ task: 'requests:expire', finishedAt: at('2026-03-08T00:00:00Z'), outcome: 'succeeded', summary: 'expired 1', counts: { expired: 1, completed: 0 } }).run()
  db.insert(s.periodicNotices).values([
    { kind: 'reminder.daily', userId: 2, period: '2026-03-08' },
    { kind: 'report.ready', userId: 1, period: '2026-02' },
  ]).run()
  db.insert(s.authSessions).values({ id: 'session-one', userId: 2, userAgent: 'Firefox', expiresAt: at('2026-04-01T00:00:00Z'), revokedAt: at('2026-03-09T00:00:00Z'), revokedReason: 'logout' }).run()
  db.insert(s.refreshTokens).values({ sessionId: 'session-one', tokenHash: 'digest-1', expiresAt: at('2026-04-01T00:00:00Z'), usedAt: at('2026-03-09T00:00:00Z') }).run()
  db.insert(s.outbox).values({ to: 'runner@example.com', subject: 'Hello', text: 'Hi', html: '<p>Hi</p>', dedupeKey: 'welcome:2', status: 'sent', transport: 'smtp', sentAt: at('2026-03-10T00:00:00Z') }).run()
  db.insert(s.passwordResetTokens).values({ userId: 2, tokenHash: 'reset-digest', expiresAt: at('2026-03-11T00:00:00Z') }).run()
}
