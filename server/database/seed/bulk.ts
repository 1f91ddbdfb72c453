import bcrypt from 'bcryptjs'
import { Faker, base, en } from '@faker-js/faker'
import type { Db } from '../client'
import { writeTransaction } from '../client'
import { adRequestEvents, adRequests, campaigns, influencerProfiles, sponsorProfiles, users } from '../schema'
import { CAMPAIGN_STATUSES, FINISHED_CAMPAIGN_STATUSES, NICHES, PLATFORMS } from '#shared/constants'
import type { AdRequestParty, AdRequestStatus, CampaignStatus } from '#shared/constants'
import { DEMO_PASSWORD } from './demo'
import { chunks, dayOffset, slugify } from './helpers'
import { recountTrackRecords } from './track-records'

export interface BulkCounts {
  sponsors?: number
  influencers: number
  campaigns: number
  requests: number
}

const BATCH = 500
const CLOSED: AdRequestStatus[] = ['rejected', 'withdrawn', 'expired', 'completed']
const FINISHED: readonly CampaignStatus[] = FINISHED_CAMPAIGN_STATUSES

/**
 * A campaign's first and last day, as offsets from today, that agree with its status: the
 * lifecycle task finds nothing to catch up on when a server first starts on the seeded data
 * (a scheduled campaign starts later, a running or paused one has not ended, a completed one has).
 */
function campaignDays(faker: Faker, status: CampaignStatus): { start: number, end: number } {
  const length = faker.number.int({ min: 14, max: 120 })
  switch (status) {
    case 'scheduled': {
      const start = faker.number.int({ min: 1, max: 60 })
      return { start, end: start + length }
    }
    case 'active':
    case 'paused': {
      const start = faker.number.int({ min: -120, max: 0 })
      return { start, end: Math.max(start + length, faker.number.int({ min: 0, max: 60 })) }
    }
    case 'completed': {
      const end = faker.number.int({ min: -90, max: -1 })
      return { start: end - length, end }
    }
    default: {
      const start = faker.number.int({ min: -120, max: 60 })
      return { start, end: start + length }
    }
  }
}

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

  const insertUsers = async (role: 'sponsor' | 'influencer', n: number, profile: (user: { id: number, createdAt: Date }) => object) => {
    const ids: number[] = []
    for (const batch of chunks(Array.from({ length: n }, (_, i) => i), BATCH)) {
      await writeTransaction(db, async (tx) => {
        const rows = await tx.insert(users).values(batch.map((i) => {
          const name = role === 'sponsor' ? faker.company.name() : faker.person.fullName()
          const username = `${role === 'sponsor' ? 'brand' : 'creator'}${runTag}${i}`
          return {
            username, email: `${username}@bulk.example`, passwordHash, role, displayName: name,
            status: 'active' as const, bio: faker.lorem.sentence(), createdAt: faker.date.past({ years: 2 }),
          }
        })).returning({ id: users.id, createdAt: users.createdAt })
        const table = role === 'sponsor' ? sponsorProfiles : influencerProfiles
        await tx.insert(table).values(rows.map(r => ({ userId: r.id, ...profile(r) })) as never)
        ids.push(...rows.map(r => r.id))
      })
    }
    log(`${n} ${role}s (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
    return ids
  }

  const sponsorIds = await insertUsers('sponsor', sponsorCount, () => ({
    company: faker.company.name(), sector: faker.commerce.department(), website: faker.internet.url(),
    budget: faker.number.int({ min: 5_000, max: 500_000 }) * 100,
  }))
  const influencerIds = await insertUsers('influencer', counts.influencers, user => ({
    niche: faker.helpers.arrayElement(NICHES),
    specialization: faker.word.words({ count: { min: 1, max: 3 } }),
    platforms: faker.helpers.arrayElements(PLATFORMS, { min: 1, max: 3 }).map(platform => ({ platform, handle: `@${faker.internet.username()}` })),
    audienceSize: Math.round(10 ** faker.number.float({ min: 3, max: 6.7 })),
    engagementRate: faker.number.float({ min: 0.5, max: 12, fractionDigits: 1 }),
    location: `${faker.location.city()}, ${faker.location.countryCode()}`,
    minimumRate: faker.number.int({ min: 50, max: 3_000 }) * 100,
    joinedAt: user.createdAt,
  }))

  const campaignRows: { id: number, sponsorId: number, budget: number, status: CampaignStatus }[] = []
  for (const batch of chunks(Array.from({ length: counts.campaigns }, (_, i) => i), BATCH)) {
    await writeTransaction(db, async (tx) => {
      const rows = await tx.insert(campaigns).values(batch.map((i) => {
        const title = `${faker.commerce.productAdjective()} ${faker.commerce.product()} ${faker.helpers.arrayElement(['Launch', 'Challenge', 'Series', 'Week', 'Collab'])}`
        const status = faker.helpers.weightedArrayElement(CAMPAIGN_STATUSES.map(value => ({ value, weight: value === 'active' ? 6 : 1 })))
        const { start, end } = campaignDays(faker, status)
        return {
          sponsorId: faker.helpers.arrayElement(sponsorIds), slug: `${slugify(title)}-${runTag}${i}`, title,
          description: faker.lorem.paragraph(), niche: faker.helpers.arrayElement(NICHES), goals: faker.lorem.sentence(),
          startDate: dayOffset(start), endDate: dayOffset(end),
          visibility: faker.helpers.weightedArrayElement([{ value: 'public' as const, weight: 4 }, { value: 'private' as const, weight: 1 }]),
          budget: faker.number.int({ min: 500, max: 50_000 }) * 100,
          status,
          createdAt: faker.date.past({ years: 1 }),
        }
      })).returning({ id: campaigns.id, sponsorId: campaigns.sponsorId, budget: campaigns.budget, status: campaigns.status })
      campaignRows.push(...rows)
    })
  }
  log(`${counts.campaigns} campaigns (${((performance.now() - t0) / 1000).toFixed(1)} s)`)

  // Drafts are seen by their sponsor alone: nobody has been asked on one.
  const undrafted = campaignRows.filter(c => c.status !== 'draft')
  const askable = undrafted.length ? undrafted : campaignRows
  // Only closed requests may repeat a (campaign, influencer) pair; open ones must be unique.
  const openPairs = new Set<string>()
  const briefs = Array.from({ length: 200 }, () => faker.lorem.sentence())
  for (const batch of chunks(Array.from({ length: counts.requests }, (_, i) => i), BATCH)) {
    const planned = batch.map(() => {
      const campaign = faker.helpers.arrayElement(askable)
      const influencerId = faker.helpers.arrayElement(influencerIds)
      let status = faker.helpers.arrayElement<AdRequestStatus>(['pending', 'negotiating', 'accepted', ...CLOSED])
      // A campaign that is over has no offer still open: its requests expired when it ended.
      if (FINISHED.includes(campaign.status) && (status === 'pending' || status === 'negotiating')) status = 'expired'
      const pair = `${campaign.id}:${influencerId}`
      if (!CLOSED.includes(status)) {
        if (openPairs.has(pair)) status = 'rejected'
        else openPairs.add(pair)
      }
      const by: AdRequestParty = faker.datatype.boolean() ? 'sponsor' : 'influencer'
      const amount = Math.min(campaign.budget, faker.number.int({ min: 50, max: 2_000 }) * 100)
      const at = faker.date.recent({ days: 120 })
      return { campaign, influencerId, status, by, amount, at, requirements: faker.helpers.arrayElement(briefs) }
    })
    await writeTransaction(db, async (tx) => {
      // Both databases return a multi-row insert's rows in the order of its VALUES.
      const ids = await tx.insert(adRequests).values(planned.map(r => ({
        campaignId: r.campaign.id, influencerId: r.influencerId, requirements: r.requirements, paymentAmount: r.amount,
        status: r.status, initiatedBy: r.by, lastOfferBy: r.by, createdAt: r.at, updatedAt: r.at,
      }))).returning({ id: adRequests.id })
      const steps = planned.flatMap((r, i) => {
        const adRequestId = ids[i]!.id
        const offer = { adRequestId, kind: 'offer' as const, actorId: r.by === 'sponsor' ? r.campaign.sponsorId : r.influencerId, paymentAmount: r.amount, createdAt: r.at }
        if (r.status === 'pending' || r.status === 'negotiating') return [offer]
        const decidedBy = r.by === 'sponsor' ? r.influencerId : r.campaign.sponsorId
        const kind = r.status === 'completed' ? 'accepted' as const : r.status
        return [offer, { adRequestId, kind, actorId: kind === 'expired' ? null : decidedBy, paymentAmount: null, createdAt: new Date(r.at.getTime() + 3_600_000) }]
      })
      for (const part of chunks(steps, BATCH)) await tx.insert(adRequestEvents).values(part)
    })
  }
  await writeTransaction(db, tx => recountTrackRecords(tx))
  log(`${counts.requests} ad requests (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
}
