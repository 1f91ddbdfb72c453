import { and, asc, count, desc, eq, gte, inArray, lte, notInArray, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { Db } from '../database/client'
import { textSearch } from '../database/dialect'
import { adRequests, campaigns, influencerProfiles, users } from '../database/schema'
import { AD_REQUEST_STATUS_GROUPS } from '#shared/constants'
import { OPEN_CAMPAIGN_STATUSES } from '#shared/constants'
import type { Page } from '#shared/schemas/common'
import type { InfluencerSearchQuery } from '#shared/schemas/influencer'
import { getCampaign } from './campaigns'
import { DomainError } from './errors'
import { NO_DEALS, scoreMatch } from './matching'
import type { DealRecord, MatchHistory } from './matching'
import { committedOf } from './money'
import { likeEscape } from './search'
import type { Viewer } from './viewer'

const cardColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  bio: users.bio,
  flagged: users.flagged,
  niche: influencerProfiles.niche,
  specialization: influencerProfiles.specialization,
  platforms: influencerProfiles.platforms,
  audienceSize: influencerProfiles.audienceSize,
  engagementRate: influencerProfiles.engagementRate,
  location: influencerProfiles.location,
  minimumRate: influencerProfiles.minimumRate,
  createdAt: users.createdAt,
}

type Card = { [K in keyof typeof cardColumns]: (typeof cardColumns)[K]['_']['data'] }

/** An influencer as others see them: no email, no account internals. */
function presentCard(row: Card, viewer: Viewer | null) {
  const { flagged, createdAt, ...card } = row
  return { ...card, memberSince: createdAt.toISOString(), ...(viewer?.role === 'admin' ? { flagged } : {}) }
}
export type InfluencerCard = ReturnType<typeof presentCard>

/** Influencers a sponsor may approach: active and not under moderation. Admins see everyone. */
function discoverable(viewer: Viewer): SQL {
  return viewer.role === 'admin'
    ? eq(users.role, 'influencer')
    : and(eq(users.role, 'influencer'), eq(users.status, 'active'), eq(users.flagged, false))!
}

const SORTS = {
  audience_desc: [desc(influencerProfiles.audienceSize), desc(users.id)],
  audience_asc: [asc(influencerProfiles.audienceSize), desc(users.id)],
  engagement_desc: [desc(influencerProfiles.engagementRate), desc(users.id)],
  rate_asc: [asc(influencerProfiles.minimumRate), desc(users.id)],
  newest: [desc(users.createdAt), desc(users.id)],
} as const

export async function searchInfluencers(db: Db, viewer: Viewer, q: InfluencerSearchQuery): Promise<Page<InfluencerCard>> {
  const where: SQL[] = [discoverable(viewer)]
  const match = q.q ? textSearch(db, 'influencers', q.q) : null
  if (q.q && !match) return { items: [], total: 0, page: q.page, pageSize: q.pageSize }
  if (match) where.push(match.matches(users.id))
  if (q.niche) where.push(eq(influencerProfiles.niche, q.niche))
  if (q.minAudience !== undefined) where.push(gte(influencerProfiles.audienceSize, q.minAudience))
  if (q.maxAudience !== undefined) where.push(lte(influencerProfiles.audienceSize, q.maxAudience))
  if (q.minEngagement !== undefined) where.push(gte(influencerProfiles.engagementRate, q.minEngagement))
  if (q.location) where.push(sql`lower(${influencerProfiles.location}) like ${`%${likeEscape(q.location.toLowerCase())}%`} escape '\\'`)
  const condition = and(...where)

  const sort = q.sort ?? (match ? 'relevance' : 'audience_desc')
  const page = db.select(cardColumns).from(users)
    .innerJoin(influencerProfiles, eq(influencerProfiles.userId, users.id)).$dynamic()
  if (sort === 'relevance' && match) {
    page.innerJoin(match.hits, sql`hits.id = ${users.id}`).orderBy(sql`hits.rank`, desc(influencerProfiles.audienceSize))
  }
  else {
    page.orderBy(...SORTS[sort === 'relevance' ? 'audience_desc' : sort])
  }
  const rows = await page.where(condition).limit(q.pageSize).offset((q.page - 1) * q.pageSize)
  const total = (await db.select({ n: count() }).from(users)
    .innerJoin(influencerProfiles, eq(influencerProfiles.userId, users.id)).where(condition))[0]!.n
  return { items: rows.map(r => presentCard(r, viewer)), total, page: q.page, pageSize: q.pageSize }
}

/** An influencer's public profile, for any logged-in user; suspended accounts are gone. */
export async function getInfluencer(db: Db, viewer: Viewer, id: number) {
  const [row] = await db.select(cardColumns).from(users)
    .innerJoin(influencerProfiles, eq(influencerProfiles.userId, users.id))
    .where(and(eq(users.id, id), viewer.role === 'admin' || viewer.id === id ? eq(users.role, 'influencer') : and(eq(users.role, 'influencer'), eq(users.status, 'active'))))
  if (!row) throw new DomainError('not_found', 'No such influencer')
  return { ...presentCard(row, viewer), completedDeals: (await dealRecords(db, [id])).get(id)?.overall.completed ?? 0 }
}

interface DealRecords {
  overall: DealRecord
  byBrand: Map<number, DealRecord>
}

/**
 * Per influencer, the requests that became deals (accepted or completed), the completed ones
 * and the rejected ones: on the whole platform and with each brand (sponsor).
 */
async function dealRecords(db: Db, influencerIds: number[]) {
  const records = new Map<number, DealRecords>()
  if (!influencerIds.length) return records
  const tally = (condition: SQL) => sql<number>`sum(case when ${condition} then 1 else 0 end)`
  const rows = await db.select({
    influencerId: adRequests.influencerId,
    sponsorId: campaigns.sponsorId,
    agreed: tally(inArray(adRequests.status, [...AD_REQUEST_STATUS_GROUPS.agreed])),
    completed: tally(eq(adRequests.status, 'completed')),
    rejected: tally(eq(adRequests.status, 'rejected')),
  }).from(adRequests).innerJoin(campaigns, eq(campaigns.id, adRequests.campaignId))
    .where(inArray(adRequests.influencerId, influencerIds))
    .groupBy(adRequests.influencerId, campaigns.sponsorId)
  for (const row of rows) {
    const record = { agreed: Number(row.agreed), completed: Number(row.completed), rejected: Number(row.rejected) }
    const entry = records.get(row.influencerId) ?? { overall: NO_DEALS, byBrand: new Map() }
    entry.byBrand.set(row.sponsorId, record)
    entry.overall = {
      agreed: entry.overall.agreed + record.agreed,
      completed: entry.overall.completed + record.completed,
      rejected: entry.overall.rejected + record.rejected,
    }
    records.set(row.influencerId, entry)
  }
  return records
}

/** What `scoreMatch` needs to know of an influencer's past with the platform and with one brand. */
function historyWith(records: DealRecords | undefined, sponsorId: number): MatchHistory {
  return { overall: records?.overall ?? NO_DEALS, withBrand: records?.byBrand.get(sponsorId) ?? NO_DEALS }
}

const CANDIDATES_IN_NICHE = 1500
const CANDIDATES_ELSEWHERE = 300

/**
 * The influencers who best fit one of the sponsor's campaigns. Candidates are the campaign's
 * niche plus the most engaged creators elsewhere whose rate fits (both read through indexes),
 * scored by `scoreMatch`; those already in a deal on the campaign are left out.
 */
export async function recommendInfluencers(db: Db, viewer: Viewer, campaignId: number, limit = 12) {
  const campaign = await getCampaign(db, viewer, campaignId)
  if (viewer.role !== 'admin' && campaign.sponsor.id !== viewer.id) throw new DomainError('not_found', 'No such campaign')

  const alreadyAsked = db.select({ id: adRequests.influencerId }).from(adRequests)
    .where(and(eq(adRequests.campaignId, campaignId), inArray(adRequests.status, [...AD_REQUEST_STATUS_GROUPS.in_negotiation, ...AD_REQUEST_STATUS_GROUPS.agreed])))
  const base = and(eq(users.role, 'influencer'), eq(users.status, 'active'), eq(users.flagged, false), notInArray(users.id, alreadyAsked))
  const select = () => db.select(cardColumns).from(influencerProfiles).innerJoin(users, eq(users.id, influencerProfiles.userId))
  const inNiche = await select().where(and(base, eq(influencerProfiles.niche, campaign.niche)))
    .orderBy(desc(influencerProfiles.audienceSize)).limit(CANDIDATES_IN_NICHE)
  const elsewhere = await select().where(and(base, sql`${influencerProfiles.niche} <> ${campaign.niche}`, lte(influencerProfiles.minimumRate, campaign.remaining)))
    .orderBy(desc(influencerProfiles.engagementRate)).limit(CANDIDATES_ELSEWHERE)

  const candidates = [...inNiche, ...elsewhere]
  const records = await dealRecords(db, candidates.map(c => c.id))
  return candidates
    .map(c => ({ influencer: presentCard(c, viewer), ...scoreMatch(campaign, c, historyWith(records.get(c.id), campaign.sponsor.id)) }))
    .sort((a, b) => b.score - a.score || b.influencer.audienceSize - a.influencer.audienceSize)
    .slice(0, limit)
}

/** Live public campaigns that best fit an influencer, with the same scoring. */
export async function recommendCampaigns(db: Db, viewer: Viewer, limit = 12) {
  const [me] = await db.select(cardColumns).from(users).innerJoin(influencerProfiles, eq(influencerProfiles.userId, users.id))
    .where(eq(users.id, viewer.id))
  if (!me) throw new DomainError('not_found', 'Complete your influencer profile first')
  const track = (await dealRecords(db, [viewer.id])).get(viewer.id)

  const mine = db.select({ id: adRequests.campaignId }).from(adRequests).where(eq(adRequests.influencerId, viewer.id))
  const live = and(eq(campaigns.visibility, 'public'), eq(campaigns.flagged, false), inArray(campaigns.status, [...OPEN_CAMPAIGN_STATUSES]), notInArray(campaigns.id, mine))
  const pick = { id: campaigns.id, sponsorId: campaigns.sponsorId, niche: campaigns.niche, budget: campaigns.budget }
  const candidates = [
    ...await db.select(pick).from(campaigns).where(and(live, eq(campaigns.niche, me.niche))).orderBy(desc(campaigns.budget)).limit(500),
    ...await db.select(pick).from(campaigns).where(and(live, sql`${campaigns.niche} <> ${me.niche}`)).orderBy(desc(campaigns.budget)).limit(200),
  ]
  // Summed for the shortlist only: in the candidate queries the sum would run for every live campaign before the limit.
  const committed = await committedOf(db, candidates.map(c => c.id))
  const ranked = candidates
    .map(c => ({ id: c.id, ...scoreMatch({ niche: c.niche, budget: c.budget, remaining: c.budget - (committed.get(c.id) ?? 0) }, me, historyWith(track, c.sponsorId)) }))
    .filter(c => c.score > 0)
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, limit)
  return Promise.all(ranked.map(async r => ({ campaign: await getCampaign(db, viewer, r.id), score: r.score, reasons: r.reasons })))
}
