import { resolve } from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as schema from '../../server/database/postgres/schema'
import { campaigns, influencerProfiles, users } from '../../server/database/postgres/schema'
import { createScratchDatabase, postgresAvailable } from '../support/postgres'

// The PostgreSQL migrations on a fresh database, and the full-text search they add, which the
// drizzle schema does not describe: a generated column on campaigns and a trigger-kept table.

const available = await postgresAvailable('the PostgreSQL migration tests')

describe.skipIf(!available)('the PostgreSQL migrations', () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>
  let client: pg.Client
  let db: NodePgDatabase<typeof schema>

  beforeAll(async () => {
    database = await createScratchDatabase('test_pg_migrations')
    client = new pg.Client({ connectionString: database.url })
    await client.connect()
    db = drizzle(client, { schema })
    await migrate(db, { migrationsFolder: resolve('drizzle/postgres') })
  })

  afterAll(async () => {
    await client?.end()
    await database?.drop()
  })

  const influencersMatching = async (query: string) => {
    const found = await db.execute<{ user_id: number }>(sql`select user_id from influencer_search where document @@ to_tsquery('english', ${query}) order by user_id`)
    return found.rows.map(row => row.user_id)
  }
  const campaignsMatching = async (query: string) => {
    const found = await db.execute<{ id: number }>(sql`select id from campaigns where search_document @@ to_tsquery('english', ${query}) order by id`)
    return found.rows.map(row => row.id)
  }

  async function addUser(username: string, role: 'sponsor' | 'influencer', fields: Partial<typeof users.$inferInsert> = {}) {
    const [user] = await db.insert(users).values({
      username, email: `${username}@example.com`, passwordHash: 'x', role, displayName: username, status: 'active', ...fields,
    }).returning()
    return user!
  }

  it('finds an influencer by the words of their profile and of their user row, as they change', async () => {
    const runner = await addUser('runner', 'influencer', { displayName: 'Rita Runner', bio: 'Marathons and trail races' })
    await db.insert(influencerProfiles).values({ userId: runner.id, niche: 'fitness', specialization: 'endurance', location: 'Lisbon', joinedAt: runner.createdAt })
    await addUser('cook', 'influencer', { bio: 'Weeknight recipes' })

    // Words are stemmed, 'fitness' to 'fit', so a prefix finds it only up to the stem: 'fitn:*'
    // finds nothing, as '"fitn"*' finds nothing with FTS5's porter tokenizer on SQLite.
    expect(await influencersMatching('fitness:*')).toEqual([runner.id])
    expect(await influencersMatching('fit:*')).toEqual([runner.id])
    expect(await influencersMatching('fitn:*')).toEqual([])
    expect(await influencersMatching('lisbon & marathon')).toEqual([runner.id])
    expect(await influencersMatching('rita')).toEqual([runner.id])
    // The cook has no profile yet: not an influencer anyone can find.
    expect(await influencersMatching('recipe')).toEqual([])

    await db.update(users).set({ bio: 'Now into cycling' }).where(eq(users.id, runner.id))
    expect(await influencersMatching('marathon')).toEqual([])
    expect(await influencersMatching('cycl:*')).toEqual([runner.id])

    await db.update(influencerProfiles).set({ location: 'Porto' }).where(eq(influencerProfiles.userId, runner.id))
    expect(await influencersMatching('lisbon')).toEqual([])
    expect(await influencersMatching('porto')).toEqual([runner.id])

    await db.delete(influencerProfiles).where(eq(influencerProfiles.userId, runner.id))
    expect(await influencersMatching('fit:*')).toEqual([])
  })

  it('finds a campaign by its title, niche, description and goals, ranking title words first', async () => {
    const sponsor = await addUser('brand', 'sponsor')
    const campaign = (slug: string, title: string, description: string) => ({
      sponsorId: sponsor.id, slug, title, description, niche: 'fitness', goals: 'More sign-ups',
      startDate: '2026-01-01', endDate: '2026-02-01', visibility: 'public' as const, budget: 100_000, status: 'active' as const,
    })
    const [shoes, gym] = await db.insert(campaigns).values([
      campaign('shoes', 'Running shoes launch', 'Show our new trail shoes'),
      campaign('gym', 'Gym opening', 'Tell your followers about running classes'),
    ]).returning()

    expect(await campaignsMatching('fit:*')).toEqual([shoes!.id, gym!.id])
    expect(await campaignsMatching('sign-up')).toEqual([shoes!.id, gym!.id])
    expect(await campaignsMatching('trail & shoe')).toEqual([shoes!.id])
    const ranked = await db.execute<{ id: number }>(sql`select id from campaigns where search_document @@ to_tsquery('english', 'run:*')
      order by ts_rank(search_document, to_tsquery('english', 'run:*')) desc`)
    expect(ranked.rows.map(row => row.id)).toEqual([shoes!.id, gym!.id])

    await db.update(campaigns).set({ title: 'Yoga mats' }).where(eq(campaigns.id, shoes!.id))
    expect(await campaignsMatching('yoga')).toEqual([shoes!.id])
  })

  it('keeps at most one open request per influencer and campaign', async () => {
    const sponsor = await addUser('brand2', 'sponsor')
    const influencer = await addUser('creator', 'influencer')
    const [target] = await db.insert(campaigns).values({
      sponsorId: sponsor.id, slug: 'one-open', title: 'One open', description: 'd', niche: 'tech',
      startDate: '2026-01-01', endDate: '2026-02-01', visibility: 'public', budget: 1, status: 'active',
    }).returning()
    const request = (status: 'pending' | 'rejected') => db.insert(schema.adRequests).values({
      campaignId: target!.id, influencerId: influencer.id, requirements: 'r', paymentAmount: 1, status, initiatedBy: 'sponsor', lastOfferBy: 'sponsor',
    })
    await request('rejected')
    await request('rejected')
    await request('pending')
    await expect(request('pending')).rejects.toThrow()
  })
})
