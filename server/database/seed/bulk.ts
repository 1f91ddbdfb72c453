import bcrypt from 'bcryptjs'
import { Faker, base, en } from '@faker-js/faker'
import { sql } from 'drizzle-orm'
import type { Db } from '../client'
import { writeTransaction } from '../client'
import { adRequestEvents, adRequests, campaigns, influencerProfiles, sponsorProfiles, users } from '../schema'
import { CAMPAIGN_STATUSES, NICHES, PLATFORMS } from '../../../shared/constants'
import type { AdRequestParty, AdRequestStatus } from '../../../shared/constants'
import { DEMO_PASSWORD } from './demo'
import { chunks, dayOffset, slugify } from './helpers'

export interface BulkCounts {
  sponsors?: number
  influencers: number
  campaigns: number
  requests: number
}

const BATCH = 500
const CLOSED: AdRequestStatus[] = ['rejected', 'withdrawn', 'expired', 'completed']

/**
 * Adds a benchmark-size marketplace on top of whatever is there, in batched transactions.
 * Generated with a fixed seed, so two runs build the same data. Every bulk account logs in
 * with the demo password (hashed once: hashing per user would take hours).
 */
export async function seedBulk(db: Db, counts: BulkCounts, log: (line: string) => void = () => {}) {
  const faker = new Faker({ locale: [en, base] })
  faker.seed(20261125)
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10)
  const sponsorCount = counts.sponsors ?? Math.max(1, Math.ceil(counts.campaigns / 20))
  const runTag = Date.now().toString(36)
  const t0 = performance.now()

  const insertUsers = (role: 'sponsor' | 'influencer', n: number, profile: (userId: number) => object) => {
    const ids: number[] = []
    for (const batch of chunks(Array.from({ length: n }, (_, i) => i), BATCH)) {
      writeTransaction(db, (tx) => {
        const rows = tx.insert(users).values(batch.map((i) => {
          const name = role === 'sponsor' ? faker.company.name() : faker.person.fullName()
          const username = `${role === 'sponsor' ? 'brand' : 'creator'}${runTag}${i}`
          return {
            username, email: `${username}@bulk.example`, passwordHash, role, displayName: name,
            status: 'active' as const, bio: faker.lorem.sentence(), createdAt: faker.date.past({ years: 2 }),
          }
        })).returning({ id: users.id }).all()
        const table = role === 'sponsor' ? sponsorProfiles : influencerProfiles
        tx.insert(table).values(rows.map(r => ({ userId: r.id, ...profile(r.id) })) as never).run()
        ids.push(...rows.map(r => r.id))
      })
    }
    log(`${n} ${role}s (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
    return ids
  }

  const sponsorIds = insertUsers('sponsor', sponsorCount, () => ({
    company: faker.company.name(), sector: faker.commerce.department(), website: faker.internet.url(),
    budget: faker.number.int({ min: 5_000, max: 500_000 }) * 100,
  }))
  const influencerIds = insertUsers('influencer', counts.influencers, () => ({
    niche: faker.helpers.arrayElement(NICHES),
    specialization: faker.word.words({ count: { min: 1, max: 3 } }),
    platforms: faker.helpers.arrayElements(PLATFORMS, { min: 1, max: 3 }).map(platform => ({ platform, handle: `@${faker.internet.username()}` })),
    audienceSize: Math.round(10 ** faker.number.float({ min: 3, max: 6.7 })),
    engagementRate: faker.number.float({ min: 0.5, max: 12, fractionDigits: 1 }),
    location: `${faker.location.city()}, ${faker.location.countryCode()}`,
    minimumRate: faker.number.int({ min: 50, max: 3_000 }) * 100,
  }))

  const campaignRows: { id: number, sponsorId: number, budget: number }[] = []
  for (const batch of chunks(Array.from({ length: counts.campaigns }, (_, i) => i), BATCH)) {
    writeTransaction(db, (tx) => {
      const rows = tx.insert(campaigns).values(batch.map((i) => {
        const title = `${faker.commerce.productAdjective()} ${faker.commerce.product()} ${faker.helpers.arrayElement(['Launch', 'Challenge', 'Series', 'Week', 'Collab'])}`
        const start = faker.number.int({ min: -120, max: 60 })
        return {
          sponsorId: faker.helpers.arrayElement(sponsorIds), slug: `${slugify(title)}-${runTag}${i}`, title,
          description: faker.lorem.paragraph(), niche: faker.helpers.arrayElement(NICHES), goals: faker.lorem.sentence(),
          startDate: dayOffset(start), endDate: dayOffset(start + faker.number.int({ min: 14, max: 120 })),
          visibility: faker.helpers.weightedArrayElement([{ value: 'public' as const, weight: 4 }, { value: 'private' as const, weight: 1 }]),
          budget: faker.number.int({ min: 500, max: 50_000 }) * 100,
          status: faker.helpers.weightedArrayElement(CAMPAIGN_STATUSES.map(value => ({ value, weight: value === 'active' ? 6 : 1 }))),
          createdAt: faker.date.past({ years: 1 }),
        }
      })).returning({ id: campaigns.id, sponsorId: campaigns.sponsorId, budget: campaigns.budget }).all()
      campaignRows.push(...rows)
    })
  }
  log(`${counts.campaigns} campaigns (${((performance.now() - t0) / 1000).toFixed(1)} s)`)

  // Only closed requests may repeat a (campaign, influencer) pair; open ones must be unique.
  // Rows go in through two prepared statements: building 500k inserts with the query builder
  // would cost more than SQLite's own work.
  const insertRequest = db.$client.prepare(`insert into ad_requests
    (campaign_id, influencer_id, requirements, payment_amount, status, initiated_by, last_offer_by, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertEvent = db.$client.prepare(`insert into ad_request_events
    (ad_request_id, kind, actor_id, payment_amount, created_at) values (?, ?, ?, ?, ?)`)
  const openPairs = new Set<string>()
  const briefs = Array.from({ length: 200 }, () => faker.lorem.sentence())
  for (const batch of chunks(Array.from({ length: counts.requests }, (_, i) => i), BATCH * 10)) {
    writeTransaction(db, () => {
      for (const _ of batch) {
        const campaign = faker.helpers.arrayElement(campaignRows)
        const influencerId = faker.helpers.arrayElement(influencerIds)
        let status = faker.helpers.arrayElement<AdRequestStatus>(['pending', 'negotiating', 'accepted', ...CLOSED])
        const pair = `${campaign.id}:${influencerId}`
        if (!CLOSED.includes(status)) {
          if (openPairs.has(pair)) status = 'rejected'
          else openPairs.add(pair)
        }
        const by: AdRequestParty = faker.datatype.boolean() ? 'sponsor' : 'influencer'
        const amount = Math.min(campaign.budget, faker.number.int({ min: 50, max: 2_000 }) * 100)
        const at = faker.date.recent({ days: 120 }).getTime()
        const { lastInsertRowid: id } = insertRequest.run(campaign.id, influencerId, faker.helpers.arrayElement(briefs), amount, status, by, by, at, at)
        insertEvent.run(id, 'offer', by === 'sponsor' ? campaign.sponsorId : influencerId, amount, at)
        if (status === 'pending' || status === 'negotiating') continue
        const decidedBy = by === 'sponsor' ? influencerId : campaign.sponsorId
        const kind = status === 'completed' ? 'accepted' : status
        insertEvent.run(id, kind, kind === 'expired' ? null : decidedBy, null, at + 3_600_000)
      }
    })
  }
  log(`${counts.requests} ad requests (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
}
