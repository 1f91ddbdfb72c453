import { resolve } from 'node:path'
import { migrateDatabase, openDatabase } from '../../server/database/client'
import type { Db } from '../../server/database/client'
import { adRequestEvents, adRequests, campaigns, users } from '../../server/database/schema'
import type { AdRequestEventKind, AdRequestStatus, CampaignStatus, UserStatus } from '../../shared/constants'

/**
 * A migrated in-memory database and the rows the domain tests build their cases from, with
 * times given exactly (the clock the tests hand the domain functions).
 */
export async function domainDb() {
  const db: Db = openDatabase(':memory:')
  await migrateDatabase(db, resolve('drizzle'))

  function rows<T = Record<string, unknown>>(query: string, ...params: unknown[]) {
    return db.$client.prepare(query).all(...params) as T[]
  }

  function addUser(username: string, role: 'sponsor' | 'influencer', extra: { status?: UserStatus, createdAt?: Date, lastSeenAt?: Date } = {}) {
    return db.insert(users).values({
      username, email: `${username}@test.example`, passwordHash: 'x', role, displayName: username, status: extra.status ?? 'active',
      createdAt: extra.createdAt ?? new Date('2025-01-01T00:00:00Z'), lastSeenAt: extra.lastSeenAt,
    }).returning({ id: users.id }).get().id
  }

  function addCampaign(sponsorId: number, title: string, dates: { start: string, end: string }, extra: { status?: CampaignStatus, budget?: number, createdAt?: Date } = {}) {
    return db.insert(campaigns).values({
      sponsorId, slug: `${title.toLowerCase().replaceAll(' ', '-')}-${Math.random().toString(36).slice(2, 8)}`, title, description: 'A campaign', niche: 'beauty',
      startDate: dates.start, endDate: dates.end, visibility: 'public', budget: extra.budget ?? 100_000, status: extra.status ?? 'active',
      createdAt: extra.createdAt ?? new Date('2025-01-01T00:00:00Z'),
    }).returning({ id: campaigns.id }).get().id
  }

  /**
   * A request and its history: `steps` are its offers and answers at the given times; the
   * request's status and amount are those the last step left.
   */
  function addRequest(campaignId: number, influencerId: number, steps: { kind: AdRequestEventKind, at: string, amount?: number, by?: 'sponsor' | 'influencer' }[]) {
    const STATUS: Partial<Record<AdRequestEventKind, AdRequestStatus>> = { offer: 'pending', counter: 'negotiating', accepted: 'accepted', rejected: 'rejected', withdrawn: 'withdrawn', expired: 'expired', completed: 'completed' }
    const changes = steps.filter(s => s.kind !== 'message')
    const amount = steps.findLast(s => s.amount !== undefined)?.amount ?? 10_000
    const offers = steps.filter(s => s.kind === 'offer' || s.kind === 'counter')
    const id = db.insert(adRequests).values({
      campaignId, influencerId, requirements: 'One reel', paymentAmount: amount, status: STATUS[changes.at(-1)!.kind]!,
      initiatedBy: steps[0]!.by ?? 'sponsor', lastOfferBy: offers.at(-1)?.by ?? 'sponsor', createdAt: new Date(steps[0]!.at),
    }).returning({ id: adRequests.id }).get().id
    for (const step of steps) {
      db.insert(adRequestEvents).values({ adRequestId: id, kind: step.kind, actorId: null, paymentAmount: step.amount ?? null, createdAt: new Date(step.at) }).run()
    }
    return id
  }

  const inbox = (userId: number) => rows<{ id: number, kind: string, payload: string }>('select id, kind, payload from notifications where user_id = ? order by id', userId)
    .map(n => ({ id: n.id, kind: n.kind, payload: JSON.parse(n.payload) as Record<string, unknown> }))

  return { db, rows, addUser, addCampaign, addRequest, inbox }
}
