import { and, asc, count, desc, eq, gte, inArray, lte, ne, or, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { Db } from '../database/client'
import { fromJsonArray, inIdList, textSearch, valuesInOrder } from '../database/dialect'
import type { TextSearch } from '../database/dialect'
import { preparedOnce } from '../database/prepared'
import { adRequestEvents, adRequests, campaigns, flags, sponsorProfiles } from '../database/schema'
import { AD_REQUEST_STATUS_GROUPS, FINISHED_CAMPAIGN_STATUSES, OPEN_CAMPAIGN_STATUSES, PUBLISHED_CAMPAIGN_STATUSES, inGroup } from '#shared/constants'
import type { CampaignStatus, CampaignVisibility, Niche } from '#shared/constants'
import type { CampaignCreateInput, CampaignListQuery, CampaignUpdateInput } from '#shared/schemas/campaign'
import type { Page } from '#shared/schemas/common'
import type { CampaignEventType } from '#shared/events'
import { formatCents } from '#shared/money'
import { dayIn } from './calendar'
import { DomainError } from './errors'
import { writeWithEvents } from './events'
import type { Emit } from './events'
import { openFlagReason } from './moderation'
import { listTotal } from './paging'
import type { KeptTotal } from './paging'
import { committedSql } from './money'
import { keepTrackRecord } from './track-records'
import type { Viewer } from './viewer'

export type CampaignRow = typeof campaigns.$inferSelect

/** Campaigns anybody may see: public, not hidden by moderation, published and not withdrawn. */
const publiclyVisible = and(eq(campaigns.visibility, 'public'), eq(campaigns.flagged, false), inArray(campaigns.status, [...PUBLISHED_CAMPAIGN_STATUSES]))!

/**
 * The campaigns a viewer may see, as a WHERE condition, so that visibility is part of every
 * query rather than a check after the fetch. Whatever falls outside is answered as absent (404).
 */
export function visibleTo(viewer: Viewer | null): SQL {
  if (!viewer) return publiclyVisible
  switch (viewer.role) {
    case 'admin':
      return sql`1 = 1`
    case 'sponsor':
      return or(eq(campaigns.sponsorId, viewer.id), publiclyVisible)!
    case 'influencer':
      // The outer reference is written out: drizzle leaves it unqualified in single-table selects.
      return or(publiclyVisible, and(ne(campaigns.status, 'draft'), sql`exists (select 1 from ad_requests r where r.campaign_id = "campaigns"."id" and r.influencer_id = ${viewer.id})`))!
  }
}

const columns = {
  id: campaigns.id,
  slug: campaigns.slug,
  title: campaigns.title,
  description: campaigns.description,
  niche: campaigns.niche,
  goals: campaigns.goals,
  startDate: campaigns.startDate,
  endDate: campaigns.endDate,
  visibility: campaigns.visibility,
  budget: campaigns.budget,
  status: campaigns.status,
  flagged: campaigns.flagged,
  createdAt: campaigns.createdAt,
  updatedAt: campaigns.updatedAt,
  sponsorId: campaigns.sponsorId,
  company: sponsorProfiles.company,
  website: sponsorProfiles.website,
  committed: committedSql(),
}

type CampaignSelection = { [K in keyof typeof columns]: unknown } & Record<string, unknown>

function present(row: CampaignSelection) {
  const r = row as {
    id: number
    slug: string
    title: string
    description: string
    niche: Niche
    goals: string
    startDate: string
    endDate: string
    visibility: CampaignVisibility
    budget: number
    status: CampaignStatus
    flagged: boolean
    createdAt: Date
    updatedAt: Date
    sponsorId: number
    company: string | null
    website: string | null
    committed: number
  }
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    niche: r.niche,
    goals: r.goals,
    startDate: r.startDate,
    endDate: r.endDate,
    visibility: r.visibility,
    budget: r.budget,
    status: r.status,
    committed: Number(r.committed),
    remaining: r.budget - Number(r.committed),
    sponsor: { id: r.sponsorId, company: r.company ?? '', website: r.website ?? '' },
    // Only its owner, admins and the parties of its deals still see a flagged campaign, and each
    // must be told it is under review: it takes no new requests.
    flagged: r.flagged,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }
}
export type CampaignView = ReturnType<typeof present>
/** One campaign; its owner and admins are also told why it is under review. */
export type CampaignDetail = CampaignView & { flagReason?: string }

const SORTS = {
  newest: [desc(campaigns.createdAt), desc(campaigns.id)],
  budget_desc: [desc(campaigns.budget), desc(campaigns.id)],
  budget_asc: [asc(campaigns.budget), desc(campaigns.id)],
  starts_soon: [asc(campaigns.startDate), desc(campaigns.id)],
  ends_soon: [asc(campaigns.endDate), desc(campaigns.id)],
} as const

/**
 * The rows of the given campaigns, in the order given. A list sorts and cuts its page of ids
 * first and reads the rows here, so the committed sums (a subquery per row) and the wide text
 * columns are computed for the rows shown rather than for every match before the sort.
 */
async function campaignRows(db: Db, ids: number[]) {
  if (!ids.length) return []
  const statement = preparedOnce(db, 'campaigns:rows-by-id', name => db.select(columns).from(campaigns)
    .leftJoin(sponsorProfiles, eq(sponsorProfiles.userId, campaigns.sponsorId))
    .where(inIdList(db, campaigns.id, 'ids'))
    .prepare(name))
  const byId = new Map((await statement.execute({ ids: JSON.stringify(ids) })).map(row => [row.id, row]))
  return ids.flatMap(id => byId.get(id) ?? [])
}

/**
 * A directory list as a visitor sees it, in one of its orders, optionally within one niche: the
 * shapes asked over and over, page after page (by people and by crawlers).
 */
export interface DirectoryOrder {
  sort: keyof typeof SORTS
  niche?: string
}

/**
 * How the ids of a whole directory list, in order, are had: `readAll` reads them; the API keeps
 * them between requests (see `cached.directoryOrder`). Any page of the list is then a slice of
 * them, and its length their count: no page walks the rows before it, nor counts the rest.
 */
export type KeptOrder = (list: DirectoryOrder, readAll: () => Promise<number[]>) => Promise<number[]>

/** A visitor's text search, optionally within one niche. */
export interface VisitorSearch {
  q: string
  niche?: string
}

/** A campaign a text search matches, with everything its lists sort by. */
export interface SearchMatch {
  id: number
  /** Lower is more relevant. */
  rank: number
  createdAt: number
  budget: number
  startDate: string
  endDate: string
}

/**
 * How a visitor's text search's matches are had: `readAll` reads them all, with their sort keys,
 * or gives null when there are too many to keep; the API keeps them between requests (see
 * `cached.visitorSearch`). Every sort and page of the search is then cut from them: ranking or
 * sorting the matches in the database costs as much as there are matches, for each sort and page.
 */
export type KeptSearch = (search: VisitorSearch, readAll: () => Promise<SearchMatch[] | null>) => Promise<SearchMatch[] | null>

/** A search matching more campaigns than this is read from the database for each page. */
const KEPT_MATCHES = 5000

/** The order of each sort among a search's matches, as SORTS and relevance order them in the database. */
const MATCH_ORDER: Record<keyof typeof SORTS | 'relevance', (a: SearchMatch, b: SearchMatch) => number> = {
  relevance: (a, b) => a.rank - b.rank || b.id - a.id,
  newest: (a, b) => b.createdAt - a.createdAt || b.id - a.id,
  budget_desc: (a, b) => b.budget - a.budget || b.id - a.id,
  budget_asc: (a, b) => a.budget - b.budget || b.id - a.id,
  starts_soon: (a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : b.id - a.id),
  ends_soon: (a, b) => (a.endDate < b.endDate ? -1 : a.endDate > b.endDate ? 1 : b.id - a.id),
}

/** Every campaign meeting `condition` that the search matches, with its sort keys; null when there are too many to keep. */
async function searchMatches(db: Db, condition: SQL | undefined, match: TextSearch): Promise<SearchMatch[] | null> {
  const rows = await db.select({
    id: campaigns.id, rank: sql<number>`hits.rank`.mapWith(Number), createdAt: campaigns.createdAt,
    budget: campaigns.budget, startDate: campaigns.startDate, endDate: campaigns.endDate,
  }).from(campaigns).innerJoin(...match.joinHits(campaigns.id)).where(condition).limit(KEPT_MATCHES + 1)
  if (rows.length > KEPT_MATCHES) return null
  return rows.map(r => ({ ...r, createdAt: r.createdAt.getTime() }))
}

/**
 * What a caller keeps of a visitor's lists between requests: the whole order of a directory list
 * (`order`), a text search's matches (`search`), and how many campaigns any other list's filters
 * match (`total`), which every sort and page of it shares.
 */
export interface CampaignListKeeping {
  order?: KeptOrder
  search?: KeptSearch
  total?: KeptTotal
}

/**
 * A page of the campaigns a viewer may see. Ids are sorted and cut first; only the page's rows
 * are read in full (campaignRows). A visitor's directory lists are cut from their kept order,
 * and other lists take their kept length, when `kept` keeps them.
 */
export async function listCampaigns(db: Db, viewer: Viewer | null, q: CampaignListQuery, kept: CampaignListKeeping = {}): Promise<Page<CampaignView>> {
  const match = q.q ? textSearch(db, 'campaigns', q.q) : null
  if (q.q && !match) return { items: [], total: 0, page: q.page, pageSize: q.pageSize }
  // An anonymous list without a text search comes in a few shapes asked over and over (the
  // directory's pages): each shape is prepared once and its values bound, as a hot read should be.
  const prepared = !viewer && !match
  const shape: string[] = []
  const value = <T>(name: string, given: T) => {
    shape.push(name)
    return prepared ? sql.placeholder(name) : given
  }
  const where: SQL[] = [visibleTo(viewer)]
  const matched = match?.matches(campaigns.id)
  if (matched) where.push(matched)
  if (q.niche) where.push(eq(campaigns.niche, value('niche', q.niche)))
  if (q.status) {
    shape.push(`status=${q.status.join('|')}`)
    where.push(inArray(campaigns.status, q.status))
  }
  if (q.visibility) {
    shape.push(`visibility=${q.visibility}`)
    where.push(eq(campaigns.visibility, q.visibility))
  }
  if (q.minBudget !== undefined) where.push(gte(campaigns.budget, value('minBudget', q.minBudget)))
  if (q.maxBudget !== undefined) where.push(lte(campaigns.budget, value('maxBudget', q.maxBudget)))
  if (q.sponsorId) where.push(eq(campaigns.sponsorId, value('sponsorId', q.sponsorId)))
  if (q.mine && viewer) where.push(eq(campaigns.sponsorId, viewer.id))
  if (q.flagged !== undefined && viewer?.role === 'admin') where.push(eq(campaigns.flagged, q.flagged))
  const condition = and(...where)

  const sort = q.sort ?? (match ? 'relevance' : 'newest')
  const orderName = sort === 'relevance' ? 'newest' : sort
  const order = SORTS[orderName]
  let ids: number[]
  let total: number
  const matches = match && !viewer && kept.search && shape.every(name => name === 'niche')
    ? await kept.search({ q: q.q!, ...(q.niche ? { niche: q.niche } : {}) }, () => searchMatches(db, and(...where.filter(w => w !== matched)), match))
    : null
  if (matches) {
    ids = [...matches].sort(MATCH_ORDER[sort]).slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map(m => m.id)
    total = matches.length
  }
  else if (prepared && kept.order && shape.every(name => name === 'niche')) {
    const key = `campaigns:list:${orderName}:${shape.join(',')}:all`
    const allIds = preparedOnce(db, key, name => db.select({ ids: valuesInOrder(db, campaigns.id, [...order]) }).from(campaigns).where(condition).prepare(name))
    const list = await kept.order({ sort: orderName, ...(q.niche ? { niche: q.niche } : {}) }, async () => fromJsonArray<number>((await allIds.execute({ niche: q.niche }))[0]!.ids))
    ids = list.slice((q.page - 1) * q.pageSize, q.page * q.pageSize)
    total = list.length
  }
  else if (prepared) {
    const key = `campaigns:list:${sort}:${shape.join(',')}`
    const pageIds = preparedOnce(db, `${key}:ids`, name => db.select({ id: campaigns.id }).from(campaigns).where(condition)
      .orderBy(...order).limit(sql.placeholder('limit')).offset(sql.placeholder('offset')).prepare(name))
    const counted = preparedOnce(db, `${key}:total`, name => db.select({ n: count() }).from(campaigns).where(condition).prepare(name))
    const values = { niche: q.niche, minBudget: q.minBudget, maxBudget: q.maxBudget, sponsorId: q.sponsorId, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }
    ids = (await pageIds.execute(values)).map(r => r.id)
    total = await listTotal(kept, async () => (await counted.execute(values))[0]!.n)
  }
  else {
    const pageIds = db.select({ id: campaigns.id }).from(campaigns).$dynamic()
    if (sort === 'relevance' && match) pageIds.innerJoin(...match.joinHits(campaigns.id)).orderBy(sql`hits.rank`, desc(campaigns.id))
    else pageIds.orderBy(...order)
    ids = (await pageIds.where(condition).limit(q.pageSize).offset((q.page - 1) * q.pageSize)).map(r => r.id)
    total = await listTotal(kept, async () => (await db.select({ n: count() }).from(campaigns).where(condition))[0]!.n)
  }
  return { items: (await campaignRows(db, ids)).map(row => present(row)), total, page: q.page, pageSize: q.pageSize }
}

/** One campaign by id or slug, if the viewer may see it; otherwise not found. */
export async function getCampaign(db: Db, viewer: Viewer | null, idOrSlug: number | string): Promise<CampaignDetail> {
  const key = typeof idOrSlug === 'number' ? eq(campaigns.id, idOrSlug) : eq(campaigns.slug, idOrSlug)
  const [row] = await db.select(columns).from(campaigns)
    .leftJoin(sponsorProfiles, eq(sponsorProfiles.userId, campaigns.sponsorId))
    .where(and(key, visibleTo(viewer)))
  if (!row) throw new DomainError('not_found', 'No such campaign')
  const campaign = present(row)
  // The reason is between the brand and the moderators; a creator only learns that it is under review.
  const insider = viewer?.role === 'admin' || viewer?.id === campaign.sponsor.id
  return campaign.flagged && insider ? { ...campaign, flagReason: await openFlagReason(db, 'campaign', campaign.id) } : campaign
}

/** A campaign's public page: the same for every visitor, so it takes no viewer. */
export async function getPublicCampaign(db: Db, slug: string): Promise<CampaignView> {
  const statement = preparedOnce(db, 'campaigns:public-by-slug', name => db.select(columns).from(campaigns)
    .leftJoin(sponsorProfiles, eq(sponsorProfiles.userId, campaigns.sponsorId))
    .where(and(eq(campaigns.slug, sql.placeholder('slug')), publiclyVisible))
    .prepare(name))
  const [row] = await statement.execute({ slug })
  if (!row) throw new DomainError('not_found', 'No such campaign')
  return present(row)
}

/**
 * The campaign a slug names and its sponsor, whatever its state: what a cached public page of it
 * depends on. Slugs never change, so this can be read before the page is.
 */
export async function campaignOfSlug(db: Db, slug: string): Promise<{ id: number, sponsorId: number } | undefined> {
  return (await preparedOnce(db, 'campaigns:of-slug', name => db.select({ id: campaigns.id, sponsorId: campaigns.sponsorId })
    .from(campaigns).where(eq(campaigns.slug, sql.placeholder('slug'))).prepare(name)).execute({ slug }))[0]
}

/** The newest public campaigns that take applications (live or about to start), for the home page. */
export async function featuredCampaigns(db: Db, limit = 6): Promise<CampaignView[]> {
  const statement = preparedOnce(db, 'campaigns:featured', name => db.select({ id: campaigns.id }).from(campaigns)
    .where(and(publiclyVisible, inArray(campaigns.status, [...OPEN_CAMPAIGN_STATUSES])))
    .orderBy(...SORTS.newest).limit(sql.placeholder('limit')).prepare(name))
  const ids = (await statement.execute({ limit })).map(r => r.id)
  return (await campaignRows(db, ids)).map(row => present(row))
}

/** Every campaign with a public page, and when it last changed: the sitemap's entries. */
export function publicCampaignPages(db: Db): Promise<{ slug: string, updatedAt: Date }[]> {
  return preparedOnce(db, 'campaigns:public-pages', name => db.select({ slug: campaigns.slug, updatedAt: campaigns.updatedAt })
    .from(campaigns).where(publiclyVisible).orderBy(asc(campaigns.id)).prepare(name)).execute()
}

function today() {
  return dayIn(new Date())
}

/** Publishing puts a campaign live: active when it has started, scheduled until then. */
function publishedStatus(startDate: string): CampaignStatus {
  return startDate > today() ? 'scheduled' : 'active'
}

function assertMayPublish(viewer: Viewer) {
  if (viewer.status !== 'active') {
    throw new DomainError('forbidden', 'Your sponsor account is awaiting approval: you can save drafts, but not publish yet')
  }
}

async function uniqueSlug(db: Db, title: string): Promise<string> {
  const base = title.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036F]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'campaign'
  let slug = base
  for (let n = 2; (await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.slug, slug))).length; n++) slug = `${base}-${n}`
  return slug
}

export async function createCampaign(db: Db, sponsor: Viewer, input: CampaignCreateInput): Promise<CampaignView> {
  const wanted = input.status ?? 'draft'
  if (wanted === 'paused' || wanted === 'cancelled') {
    throw new DomainError('invalid', 'A new campaign starts as a draft or is published', { fields: { status: 'Use draft, scheduled or active' } })
  }
  if (wanted !== 'draft') {
    assertMayPublish(sponsor)
    if (input.endDate < today()) throw new DomainError('invalid', 'The campaign would already be over', { fields: { endDate: 'Must be today or later to publish' } })
  }
  const id = await writeWithEvents(db, async (tx, emit) => {
    const [row] = await tx.insert(campaigns).values({
      sponsorId: sponsor.id,
      slug: await uniqueSlug(tx, input.title),
      title: input.title,
      description: input.description,
      niche: input.niche,
      goals: input.goals ?? '',
      startDate: input.startDate,
      endDate: input.endDate,
      visibility: input.visibility,
      budget: input.budget,
      status: wanted === 'draft' ? 'draft' : publishedStatus(input.startDate),
    }).returning({ id: campaigns.id })
    emit({ type: wanted === 'draft' ? 'campaign.drafted' : 'campaign.published', campaignId: row!.id, campaign: input.title, sponsorId: sponsor.id, actorId: sponsor.id, recipients: [] })
    return row!.id
  })
  return getCampaign(db, sponsor, id)
}

/** Status changes a sponsor may make, from each status. */
const SPONSOR_MOVES: Record<CampaignStatus, CampaignStatus[]> = {
  draft: ['draft', 'scheduled', 'active', 'cancelled'],
  scheduled: ['scheduled', 'active', 'paused', 'cancelled'],
  active: ['active', 'paused', 'cancelled'],
  paused: ['paused', 'active', 'scheduled', 'cancelled'],
  completed: [],
  cancelled: [],
}

export async function updateCampaign(db: Db, sponsor: Viewer, id: number, input: CampaignUpdateInput): Promise<CampaignView> {
  await writeWithEvents(db, async (tx, emit) => {
    const [current] = await tx.select().from(campaigns).where(and(eq(campaigns.id, id), eq(campaigns.sponsorId, sponsor.id)))
    if (!current) throw new DomainError('not_found', 'No such campaign')
    if (inGroup(FINISHED_CAMPAIGN_STATUSES, current.status)) {
      throw new DomainError('conflict', `This campaign is ${current.status} and can no longer be changed`)
    }
    const next = { ...current, ...input, goals: input.goals ?? current.goals }
    if (next.endDate < next.startDate) throw new DomainError('invalid', 'The end date is before the start date', { fields: { endDate: 'Must be on or after the start date' } })

    let status: CampaignStatus = current.status
    let change: CampaignEventType = 'campaign.edited'
    if (input.status && input.status !== current.status) {
      if (!SPONSOR_MOVES[current.status].includes(input.status)) {
        throw new DomainError('conflict', `A ${current.status} campaign cannot become ${input.status}`)
      }
      if (input.status === 'cancelled') {
        await cancelInTransaction(tx, emit, current)
        return
      }
      if (input.status === 'scheduled' || input.status === 'active') {
        assertMayPublish(sponsor)
        if (next.endDate < today()) throw new DomainError('conflict', 'The campaign has ended; change its end date to publish it')
        status = publishedStatus(next.startDate)
        if (current.status === 'draft') change = 'campaign.published'
        if (current.status === 'paused') change = 'campaign.resumed'
      }
      else {
        status = input.status
        if (status === 'paused') change = 'campaign.paused'
      }
    }

    const committed = Number((await tx.select({ c: committedSql() }).from(campaigns).where(eq(campaigns.id, id)))[0]!.c)
    if (next.budget < committed) {
      throw new DomainError('conflict', `The budget cannot go below the ${formatCents(committed)} already committed to accepted deals`, {
        fields: { budget: `At least ${formatCents(committed)}: already committed to accepted deals` },
      })
    }
    await tx.update(campaigns).set({
      title: next.title, description: next.description, niche: next.niche, goals: next.goals,
      startDate: next.startDate, endDate: next.endDate, visibility: next.visibility, budget: next.budget, status,
    }).where(eq(campaigns.id, id))
    emit({ type: change, campaignId: id, campaign: next.title, sponsorId: sponsor.id, actorId: sponsor.id, recipients: [] })
  })
  return getCampaign(db, sponsor, id)
}

/**
 * Cancels a campaign: its requests still under negotiation expire, and both sides hear of it.
 * A campaign with accepted deals not yet completed cannot be cancelled (pause it instead).
 */
export async function cancelCampaign(db: Db, sponsor: Viewer, id: number): Promise<CampaignView> {
  await writeWithEvents(db, async (tx, emit) => {
    const [current] = await tx.select().from(campaigns).where(and(eq(campaigns.id, id), eq(campaigns.sponsorId, sponsor.id)))
    if (!current) throw new DomainError('not_found', 'No such campaign')
    if (inGroup(FINISHED_CAMPAIGN_STATUSES, current.status)) {
      throw new DomainError('conflict', `This campaign is already ${current.status}`)
    }
    await cancelInTransaction(tx, emit, current)
  })
  return getCampaign(db, sponsor, id)
}

async function cancelInTransaction(tx: Db, emit: Emit, campaign: CampaignRow) {
  const accepted = (await tx.select({ n: count() }).from(adRequests)
    .where(and(eq(adRequests.campaignId, campaign.id), eq(adRequests.status, 'accepted'))))[0]!.n
  if (accepted > 0) {
    throw new DomainError('conflict', `This campaign has ${accepted} accepted deal(s) still to complete: complete them or pause the campaign instead`)
  }
  await tx.update(campaigns).set({ status: 'cancelled' }).where(eq(campaigns.id, campaign.id))
  emit({ type: 'campaign.cancelled', campaignId: campaign.id, campaign: campaign.title, sponsorId: campaign.sponsorId, actorId: campaign.sponsorId, recipients: [] })
  await expireOpenRequests(tx, emit, campaign, 'The campaign was cancelled.')
}

/** Ends every request still under negotiation on a campaign that is over; both parties are told. */
export async function expireOpenRequests(tx: Db, emit: Emit, campaign: Pick<CampaignRow, 'id' | 'sponsorId' | 'title'>, reason: string) {
  const open = await tx.select({ id: adRequests.id, influencerId: adRequests.influencerId, status: adRequests.status }).from(adRequests)
    .where(and(eq(adRequests.campaignId, campaign.id), inArray(adRequests.status, [...AD_REQUEST_STATUS_GROUPS.in_negotiation])))
  for (const r of open) {
    await tx.update(adRequests).set({ status: 'expired' }).where(eq(adRequests.id, r.id))
    await keepTrackRecord(tx, r.influencerId, r.status, 'expired')
    await tx.insert(adRequestEvents).values({ adRequestId: r.id, kind: 'expired', actorId: null, message: reason })
    emit({
      type: 'ad_request.expired', adRequestId: r.id, campaignId: campaign.id, campaign: campaign.title, message: reason,
      actorId: null, recipients: [r.influencerId, campaign.sponsorId],
    })
  }
  return open.length
}

/** An admin hides a campaign from public lists (flag) or shows it again (unflag). */
export async function moderateCampaign(db: Db, adminId: number, id: number, change: { flagged: boolean, reason?: string }) {
  await writeWithEvents(db, async (tx, emit) => {
    const [current] = await tx.select().from(campaigns).where(eq(campaigns.id, id))
    if (!current) throw new DomainError('not_found', 'No such campaign')
    if (current.flagged === change.flagged) return
    await tx.update(campaigns).set({ flagged: change.flagged }).where(eq(campaigns.id, id))
    if (change.flagged) {
      await tx.insert(flags).values({ targetType: 'campaign', targetId: id, reason: change.reason!, reporterId: adminId })
      emit({ type: 'campaign.flagged', campaignId: id, campaign: current.title, sponsorId: current.sponsorId, reason: change.reason!, actorId: adminId, recipients: [current.sponsorId] })
    }
    else {
      await tx.update(flags).set({ status: 'resolved', resolverId: adminId, resolvedAt: new Date() })
        .where(and(eq(flags.targetType, 'campaign'), eq(flags.targetId, id), eq(flags.status, 'open')))
      emit({ type: 'campaign.unflagged', campaignId: id, campaign: current.title, sponsorId: current.sponsorId, actorId: adminId, recipients: [current.sponsorId] })
    }
  })
  return getCampaign(db, { id: adminId, role: 'admin', status: 'active' }, id)
}
