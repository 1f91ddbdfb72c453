import { aliasedTable, and, asc, count, desc, eq, gte, inArray, lte, notInArray, sql } from 'drizzle-orm'
import type { Placeholder, SQL } from 'drizzle-orm'
import type { Db } from '../database/client'
import { fromJsonArray, inIdList, jsonRows, textSearch } from '../database/dialect'
import { preparedOnce } from '../database/prepared'
import { adRequests, campaigns, influencerProfiles, users } from '../database/schema'
import { AD_REQUEST_STATUS_GROUPS, OPEN_CAMPAIGN_STATUSES } from '#shared/constants'
import type { Page } from '#shared/schemas/common'
import type { InfluencerSearchQuery } from '#shared/schemas/influencer'
import { getCampaign } from './campaigns'
import { DomainError } from './errors'
import { affordableAudience, matchScore, NO_DEALS, scoreMatch } from './matching'
import type { DealRecord, MatchHistory } from './matching'
import { committedOf } from './money'
import { listTotal } from './paging'
import type { KeptTotal } from './paging'
import { likeEscape } from './search'
import { RECORDED_STATUSES, recordFrom, trackRecordColumns } from './track-records'
import { influencerProfileColumns } from './users'
import type { Viewer } from './viewer'

const cardColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  bio: users.bio,
  flagged: users.flagged,
  ...influencerProfileColumns,
  createdAt: users.createdAt,
}

type Card = { [K in keyof typeof cardColumns]: (typeof cardColumns)[K]['_']['data'] }

/** An influencer as others see them: no email, no account internals. */
function presentCard(row: Card, viewer: Viewer | null) {
  const { flagged, createdAt, ...card } = row
  return { ...card, memberSince: createdAt.toISOString(), ...(viewer?.role === 'admin' ? { flagged } : {}) }
}
export type InfluencerCard = ReturnType<typeof presentCard>

const hidden = aliasedTable(users, 'hidden')

/**
 * The profile's influencer may be approached: their account is active and not under moderation.
 * Asked as "not one of the few hidden accounts", a set read once from the partial index
 * users_hidden_idx (its condition written here as there), so that a search reads profiles alone.
 * Asked row by row (NOT EXISTS), SQLite read each profile's account to check it: counting a
 * niche's 3,000 matches took 1.4 ms so and takes 0.4 ms; counting all 50,000, 32 ms and 5 ms.
 * (Every profile is an influencer's: a role never changes.)
 */
function approachable(db: Db): SQL {
  const hiddenAccounts = db.select({ id: hidden.id }).from(hidden).where(sql`(${hidden.status} <> 'active' or ${hidden.flagged} = true)`)
  return notInArray(influencerProfiles.userId, hiddenAccounts)
}

// Ties go by the profile's id (the influencer's), which the index of each order holds after its
// key, so the index gives the whole order. Smallest audience first, the oldest first among equals.
const SORTS = {
  audience_desc: [desc(influencerProfiles.audienceSize), desc(influencerProfiles.userId)],
  audience_asc: [asc(influencerProfiles.audienceSize), asc(influencerProfiles.userId)],
  engagement_desc: [desc(influencerProfiles.engagementRate), desc(influencerProfiles.userId)],
  rate_asc: [asc(influencerProfiles.minimumRate), desc(influencerProfiles.userId)],
  newest: [desc(influencerProfiles.joinedAt), desc(influencerProfiles.userId)],
} as const

/**
 * A page of the influencers a viewer may approach that match the search, in the order asked. How
 * many match is what `kept` may keep: without a word to search for, counting reads every profile
 * (about 10 ms at 50,000), and every sort and page of one search has the same count.
 */
export async function searchInfluencers(db: Db, viewer: Viewer, q: InfluencerSearchQuery, kept: { total?: KeptTotal } = {}): Promise<Page<InfluencerCard>> {
  // Admins see every influencer, suspended ones too.
  const where: SQL[] = viewer.role === 'admin' ? [] : [approachable(db)]
  const match = q.q ? textSearch(db, 'influencers', q.q) : null
  if (q.q && !match) return { items: [], total: 0, page: q.page, pageSize: q.pageSize }
  if (match) where.push(match.matches(influencerProfiles.userId))
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
    page.innerJoin(...match.joinHits(users.id)).orderBy(sql`hits.rank`, desc(influencerProfiles.audienceSize))
  }
  else {
    page.orderBy(...SORTS[sort === 'relevance' ? 'audience_desc' : sort])
  }
  const rows = await page.where(condition).limit(q.pageSize).offset((q.page - 1) * q.pageSize)
  // Every condition is on the profile: counting reads no account.
  const countAll = async () => (await db.select({ n: count() }).from(influencerProfiles).where(condition))[0]!.n
  const total = await listTotal(kept, countAll)
  return { items: rows.map(r => presentCard(r, viewer)), total, page: q.page, pageSize: q.pageSize }
}

/** An influencer's public profile, for any logged-in user; suspended accounts are gone. */
export async function getInfluencer(db: Db, viewer: Viewer, id: number) {
  const [row] = await db.select({ ...cardColumns, completedDeals: influencerProfiles.trackCompleted }).from(users)
    .innerJoin(influencerProfiles, eq(influencerProfiles.userId, users.id))
    .where(and(eq(users.id, id), viewer.role === 'admin' || viewer.id === id ? eq(users.role, 'influencer') : and(eq(users.role, 'influencer'), eq(users.status, 'active'))))
  if (!row) throw new DomainError('not_found', 'No such influencer')
  const { completedDeals, ...card } = row
  return { ...presentCard(card, viewer), completedDeals }
}

interface DealRecords {
  overall: DealRecord
  byBrand: Map<number, DealRecord>
}

/**
 * An influencer's requests that became deals (accepted or completed), the completed ones and the
 * rejected ones: on the whole platform and with each brand (sponsor).
 */
async function dealRecordsOf(db: Db, influencerId: number): Promise<DealRecords> {
  const statement = preparedOnce(db, 'discovery:deal-records', name => db.select({ sponsorId: campaigns.sponsorId, status: adRequests.status, n: count() })
    .from(adRequests).innerJoin(campaigns, eq(campaigns.id, adRequests.campaignId))
    .where(and(eq(adRequests.influencerId, sql.placeholder('influencerId')), inArray(adRequests.status, [...RECORDED_STATUSES])))
    .groupBy(campaigns.sponsorId, adRequests.status)
    .prepare(name))
  const rows = await statement.execute({ influencerId })
  return { overall: recordOf(rows), byBrand: recordsBy(rows, row => row.sponsorId) }
}

/** What `scoreMatch` needs to know of an influencer's past with the platform and with one brand. */
function historyWith(records: DealRecords, sponsorId: number): MatchHistory {
  return { overall: records.overall, withBrand: records.byBrand.get(sponsorId) ?? NO_DEALS }
}

/**
 * A campaign's candidates in its niche are this many on either side of the audience its budget
 * affords: a match is scored highest there, and the rest of its score (rate, engagement, track
 * record) does not depend on the audience. Read around that audience in the niche's index, the
 * candidates cost the same however many creators the niche holds, and a small budget is matched
 * with creators it can pay rather than with the niche's largest (a pool of the niche's 2,000
 * largest held, at 50,000 creators, no one under about 16,000 followers, and took 9 ms to read).
 */
const CANDIDATES_EACH_SIDE = 200
const CANDIDATES_ELSEWHERE = 300
/**
 * Creators outside a campaign's niche are looked for among this many of the most engaged anywhere:
 * when few rates fit what is left of a budget, walking the whole index for them would read every
 * profile.
 */
const MOST_ENGAGED = 3000

/** What `scoreMatch` reads of a candidate: a recommendation reads the rest for the few it shows. */
const fitColumns = {
  id: influencerProfiles.userId,
  niche: influencerProfiles.niche,
  audienceSize: influencerProfiles.audienceSize,
  engagementRate: influencerProfiles.engagementRate,
  minimumRate: influencerProfiles.minimumRate,
}

/** A candidate for recommendations: what `scoreMatch` reads, with their record on the whole platform. */
export type PoolMember = { [K in keyof typeof fitColumns]: (typeof fitColumns)[K]['_']['data'] } & { record: DealRecord }

/** A pool member as the pool's query gives it: `fitColumns`, then the track record, in this order. */
type PoolEntry = [id: number, niche: string, audienceSize: number, engagementRate: number, minimumRate: number, agreed: number, completed: number, rejected: number]

function poolMember([id, niche, audienceSize, engagementRate, minimumRate, agreed, completed, rejected]: PoolEntry): PoolMember {
  return { id, niche, audienceSize, engagementRate, minimumRate, record: { agreed, completed, rejected } }
}

/** Where each of a pool's orders is in a `PoolEntry`. */
const ENTRY_FIELD = { audienceSize: 2, engagementRate: 3 } as const

/** Members from their query's entries (which come in no order), the first in `order` first (the id breaks ties). */
function poolOf(entries: PoolEntry[], order: keyof typeof ENTRY_FIELD): PoolMember[] {
  const field = ENTRY_FIELD[order]
  return entries.sort((a, b) => b[field] - a[field] || b[0] - a[0]).map(poolMember)
}

/**
 * Up to `limit` approachable profiles, the first in `order` going `direction` (the id breaks ties
 * the same way), read as one JSON array of `PoolEntry`s: one value for the driver instead of
 * hundreds or thousands of rows. Each query walks one index in its order and stops at its limit,
 * and the index holds all a member needs.
 */
function poolQuery(db: Db, name: string, where: SQL | undefined, order: keyof typeof ENTRY_FIELD, direction: typeof asc, limit: number | Placeholder) {
  const members = db.select({ ...fitColumns, ...trackRecordColumns }).from(influencerProfiles)
    .where(and(approachable(db), where)).orderBy(direction(fitColumns[order]), direction(fitColumns.id)).limit(limit).as('members')
  const entry = [members.id, members.niche, members.audienceSize, members.engagementRate, members.minimumRate, members.agreed, members.completed, members.rejected]
  return db.select({ entries: jsonRows(db, entry).mapWith(fromJsonArray<PoolEntry>) }).from(members).prepare(name)
}

function poolQueries(db: Db) {
  const inNiche = eq(influencerProfiles.niche, sql.placeholder('niche'))
  const audience = sql.placeholder('audience')
  return {
    // The largest audiences up to the one afforded, and the smallest above it.
    upTo: preparedOnce(db, 'discovery:pool-up-to-audience', name => poolQuery(db, name, and(inNiche, lte(influencerProfiles.audienceSize, audience)),
      'audienceSize', desc, sql.placeholder('limit'))),
    above: preparedOnce(db, 'discovery:pool-above-audience', name => poolQuery(db, name, and(inNiche, sql`${influencerProfiles.audienceSize} > ${audience}`),
      'audienceSize', asc, sql.placeholder('limit'))),
    mostEngaged: preparedOnce(db, 'discovery:pool-most-engaged', name => poolQuery(db, name, undefined, 'engagementRate', desc, MOST_ENGAGED)),
  }
}

/**
 * A niche's approachable creators nearest `audience` (see CANDIDATES_EACH_SIDE): up to `each` with
 * at most that audience and up to `each` with more, the largest audience first.
 */
export async function nearAudiencePool(db: Db, niche: string, audience: number, each: number): Promise<PoolMember[]> {
  const queries = poolQueries(db)
  // Audiences are whole followers: PostgreSQL refuses a fraction for an integer column.
  audience = Math.floor(audience)
  const [upTo] = await queries.upTo.execute({ niche, audience, limit: each })
  const [above] = await queries.above.execute({ niche, audience, limit: each })
  return poolOf([...upTo!.entries, ...above!.entries], 'audienceSize')
}

/**
 * The most engaged approachable creators anywhere, matched against every campaign for those
 * outside its niche: one list for all, which a caller may keep (it changes with profiles and
 * track records).
 */
export async function mostEngagedPool(db: Db): Promise<PoolMember[]> {
  const [row] = await poolQueries(db).mostEngaged.execute()
  return poolOf(row!.entries, 'engagementRate')
}

/** The track record of requests counted by status. */
function recordOf(rows: { status: string, n: number }[]): DealRecord {
  return recordFrom(status => rows.reduce((sum, row) => sum + (row.status === status ? Number(row.n) : 0), 0))
}

/** Track records by whom the requests counted by status are of (an influencer, a brand). */
function recordsBy<Row extends { status: string, n: number }, K>(rows: Row[], keyOf: (row: Row) => K): Map<K, DealRecord> {
  const byKey = new Map<K, Row[]>()
  for (const row of rows) {
    const key = keyOf(row)
    if (!byKey.has(key)) byKey.set(key, [])
    byKey.get(key)!.push(row)
  }
  return new Map([...byKey].map(([key, counts]) => [key, recordOf(counts)]))
}

const counted = { influencerId: adRequests.influencerId, status: adRequests.status, n: count() }

/** Influencers' cards by id, in the order given. */
async function cardsOf(db: Db, ids: number[]): Promise<Card[]> {
  if (!ids.length) return []
  const statement = preparedOnce(db, 'discovery:cards-by-id', name => db.select(cardColumns).from(users)
    .innerJoin(influencerProfiles, eq(influencerProfiles.userId, users.id))
    .where(inIdList(db, users.id, 'ids')).prepare(name))
  const byId = new Map((await statement.execute({ ids: JSON.stringify(ids) })).map(card => [card.id, card]))
  return ids.flatMap(id => byId.get(id) ?? [])
}

/**
 * The influencers who best fit one of the sponsor's campaigns. Candidates are the creators of the
 * campaign's niche nearest the audience its budget affords (see `nearAudiencePool`) plus the most
 * engaged creators elsewhere whose rate fits (`mostEngaged` may give a kept list), scored by
 * `scoreMatch`; those already asked on the campaign are left out. Only the cards shown are read
 * in full.
 */
export async function recommendInfluencers(db: Db, viewer: Viewer, campaignId: number, mostEngaged = () => mostEngagedPool(db), limit = 12) {
  const campaign = await getCampaign(db, viewer, campaignId)
  if (viewer.role !== 'admin' && campaign.sponsor.id !== viewer.id) throw new DomainError('not_found', 'No such campaign')

  const askedStatement = preparedOnce(db, 'discovery:asked-on-campaign', name => db.select({ id: adRequests.influencerId }).from(adRequests)
    .where(and(eq(adRequests.campaignId, sql.placeholder('campaignId')), inArray(adRequests.status, [...AD_REQUEST_STATUS_GROUPS.in_negotiation, ...AD_REQUEST_STATUS_GROUPS.agreed])))
    .prepare(name))
  const brandStatement = preparedOnce(db, 'discovery:records-with-brand', name => db.select(counted).from(adRequests)
    .innerJoin(campaigns, eq(campaigns.id, adRequests.campaignId))
    .where(and(eq(campaigns.sponsorId, sql.placeholder('sponsorId')), inArray(adRequests.status, [...RECORDED_STATUSES])))
    .groupBy(adRequests.influencerId, adRequests.status).prepare(name))
  const asked = new Set((await askedStatement.execute({ campaignId })).map(r => r.id))
  // As many more on each side as were asked already, so that leaving them out leaves enough.
  const near = await nearAudiencePool(db, campaign.niche, affordableAudience(campaign.budget), CANDIDATES_EACH_SIDE + asked.size)
  const engaged = await mostEngaged()
  const withBrand = recordsBy(await brandStatement.execute({ sponsorId: campaign.sponsor.id }), row => row.influencerId)

  const candidates = [
    ...near.filter(c => !asked.has(c.id)),
    ...engaged.filter(c => c.niche !== campaign.niche && !asked.has(c.id) && c.minimumRate <= campaign.remaining).slice(0, CANDIDATES_ELSEWHERE),
  ]
  const historyOf = (c: PoolMember): MatchHistory => ({ overall: c.record, withBrand: withBrand.get(c.id) ?? NO_DEALS })
  const best = candidates
    .map(c => ({ candidate: c, score: matchScore(campaign, c, historyOf(c)) }))
    .sort((a, b) => b.score - a.score || b.candidate.audienceSize - a.candidate.audienceSize)
    .slice(0, limit)
    .map(b => b.candidate)
  const cards = await cardsOf(db, best.map(c => c.id))
  return best.map((c, i) => ({ influencer: presentCard(cards[i]!, viewer), ...scoreMatch(campaign, c, historyOf(c)) }))
}

/** Live public campaigns that best fit an influencer, with the same scoring. */
export async function recommendCampaigns(db: Db, viewer: Viewer, limit = 12) {
  const [me] = await db.select(cardColumns).from(users).innerJoin(influencerProfiles, eq(influencerProfiles.userId, users.id))
    .where(eq(users.id, viewer.id))
  if (!me) throw new DomainError('not_found', 'Complete your influencer profile first')
  const track = await dealRecordsOf(db, viewer.id)

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
