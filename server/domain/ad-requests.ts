import { aliasedTable, and, asc, count, desc, eq, inArray, lt, lte, ne, or, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { Db } from '../database/client'
import { inIdList, inSubquery } from '../database/dialect'
import { preparedOnce } from '../database/prepared'
import { adRequestEvents, adRequests, campaigns, sponsorProfiles, users } from '../database/schema'
import { AD_REQUEST_STATUS_GROUPS, OPEN_AD_REQUEST_STATUSES, OPEN_CAMPAIGN_STATUSES } from '#shared/constants'
import type { AdRequestEventKind, AdRequestParty, CampaignStatus } from '#shared/constants'
import type { AdRequestAction, AdRequestCreateInput, AdRequestListQuery } from '#shared/schemas/ad-request'
import type { Page } from '#shared/schemas/common'
import type { AdRequestEventType } from '#shared/events'
import { formatCents } from '#shared/money'
import { allowedActions, awaitingSide, decide } from './ad-request-states'
import { visibleTo } from './campaigns'
import { DomainError } from './errors'
import { writeWithEvents } from './events'
import { assertFitsBudget } from './money'
import { ANCHOR_EVERY, fromAnchor, listTotal, pageWindow } from './paging'
import type { Anchor, ListKeeping, PageWindow } from './paging'
import { keepTrackRecord } from './track-records'
import type { Viewer } from './viewer'

/** Campaigns in these states take new requests and decisions. */
const LIVE_CAMPAIGN = OPEN_CAMPAIGN_STATUSES

const influencer = aliasedTable(users, 'influencer')

const listColumns = {
  id: adRequests.id,
  requirements: adRequests.requirements,
  paymentAmount: adRequests.paymentAmount,
  status: adRequests.status,
  initiatedBy: adRequests.initiatedBy,
  lastOfferBy: adRequests.lastOfferBy,
  createdAt: adRequests.createdAt,
  updatedAt: adRequests.updatedAt,
  campaignId: campaigns.id,
  campaignTitle: campaigns.title,
  campaignSlug: campaigns.slug,
  campaignStatus: campaigns.status,
  sponsorId: campaigns.sponsorId,
  company: sponsorProfiles.company,
  influencerId: influencer.id,
  influencerName: influencer.displayName,
  influencerUsername: influencer.username,
}

type ListRow = {
  id: number
  requirements: string
  paymentAmount: number
  status: (typeof adRequests.$inferSelect)['status']
  initiatedBy: AdRequestParty
  lastOfferBy: AdRequestParty
  createdAt: Date
  updatedAt: Date
  campaignId: number
  campaignTitle: string
  campaignSlug: string
  campaignStatus: CampaignStatus
  sponsorId: number
  company: string | null
  influencerId: number
  influencerName: string
  influencerUsername: string
}

function sideOf(viewer: Viewer, row: { sponsorId: number, influencerId: number }): AdRequestParty | null {
  if (viewer.id === row.sponsorId) return 'sponsor'
  if (viewer.id === row.influencerId) return 'influencer'
  return null
}

function present(row: ListRow, viewer: Viewer) {
  const side = sideOf(viewer, row)
  return {
    id: row.id,
    campaignId: row.campaignId,
    influencerId: row.influencerId,
    campaign: { id: row.campaignId, title: row.campaignTitle, slug: row.campaignSlug, status: row.campaignStatus },
    sponsor: { id: row.sponsorId, company: row.company ?? '' },
    influencer: { id: row.influencerId, displayName: row.influencerName, username: row.influencerUsername },
    requirements: row.requirements,
    paymentAmount: row.paymentAmount,
    status: row.status,
    initiatedBy: row.initiatedBy,
    lastOfferBy: row.lastOfferBy,
    awaiting: awaitingSide(row),
    /** The caller's side in this deal (null for an admin looking on) and what it may do now. */
    yourSide: side,
    allowedActions: side ? allowedActions(row, side) : [],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}
export type AdRequestView = ReturnType<typeof present>

/**
 * The requests a viewer is party to (all of them for an admin), as a WHERE condition on
 * ad_requests alone: a sponsor's campaigns are a subquery, so a list's page of ids and its count
 * need no join. For a list (`listOn`), the subquery is read first, on its own (see `inSubquery`);
 * a single request, found by its id, is checked against the sponsor's campaigns with one index
 * entry, which in a write transaction also keeps what it reads (and may conflict on) small.
 */
function partyTo(viewer: Viewer, listOn?: Db): SQL {
  if (viewer.role === 'admin') return sql`1 = 1`
  if (viewer.role === 'sponsor') {
    const theirs = sql`select ${campaigns.id} from ${campaigns} where ${campaigns.sponsorId} = ${viewer.id}`
    return listOn ? inSubquery(listOn, adRequests.campaignId, theirs) : sql`${adRequests.campaignId} in (${theirs})`
  }
  return eq(adRequests.influencerId, viewer.id)
}

/** Open requests whose offer on the table is the other side's: the next answer is `party`'s. */
export function awaitingAnswerFrom(party: AdRequestParty): SQL {
  return and(inArray(adRequests.status, [...AD_REQUEST_STATUS_GROUPS.in_negotiation]), ne(adRequests.lastOfferBy, party))!
}

function baseQuery(db: Db) {
  return db.select(listColumns).from(adRequests)
    .innerJoin(campaigns, eq(campaigns.id, adRequests.campaignId))
    .innerJoin(influencer, eq(influencer.id, adRequests.influencerId))
    .leftJoin(sponsorProfiles, eq(sponsorProfiles.userId, campaigns.sponsorId))
}

/** Where a request sorts in the list: its last activity (ms), then its id. */
export type RequestListKey = [updatedAt: number, id: number]

/**
 * A page of a viewer's requests, newest activity first. The page's ids are sorted and cut on
 * ad_requests alone (for an admin, from the index on (updated_at, id) without reading a row);
 * only the rows shown are joined with their campaign and people. A page is read from whichever
 * end of the list is nearer, so none walks more than half of it, and deeper than ANCHOR_EVERY
 * rows from both ends, from the last anchor before it when the caller keeps anchors. The list's
 * length and its anchors are what `kept` keeps: counting every matching row is the dearest part
 * of a page, and the API keeps both (see `cached.adRequestList`).
 */
export async function listAdRequests(db: Db, viewer: Viewer, q: AdRequestListQuery, kept: ListKeeping<RequestListKey> = {}): Promise<Page<AdRequestView>> {
  const where: SQL[] = [partyTo(viewer, db)]
  if (q.status) where.push(inArray(adRequests.status, q.status))
  if (q.campaignId) where.push(eq(adRequests.campaignId, q.campaignId))
  if (q.awaitingMe && viewer.role !== 'admin') where.push(awaitingAnswerFrom(viewer.role as AdRequestParty))
  const condition = and(...where)!
  const countAll = async () => (await db.select({ n: count() }).from(adRequests).where(condition))[0]!.n
  const total = await listTotal(kept, countAll)
  const every = kept.every ?? ANCHOR_EVERY
  const window = pageWindow(total, q.page, q.pageSize)
  const ids = kept.anchors && window.offset >= every
    ? await pageFromAnchors(db, condition, await kept.anchors(() => requestAnchors(db, condition, every)), (q.page - 1) * q.pageSize, q.pageSize)
    : await pageFromEnd(db, condition, window)
  return { items: (await requestRows(db, ids)).map(r => present(r, viewer)), total, page: q.page, pageSize: q.pageSize }
}

/** A page's ids by OFFSET from the end `window` names, in the list's order. */
async function pageFromEnd(db: Db, condition: SQL, { offset, limit, fromEnd }: PageWindow): Promise<number[]> {
  const order = fromEnd ? [asc(adRequests.updatedAt), asc(adRequests.id)] : [desc(adRequests.updatedAt), desc(adRequests.id)]
  const ids = (await db.select({ id: adRequests.id }).from(adRequests).where(condition)
    .orderBy(...order).limit(limit).offset(offset)).map(r => r.id)
  return fromEnd ? ids.reverse() : ids
}

/** The ids of the page whose first row is at `start`, read on from the last anchor before it. */
async function pageFromAnchors(db: Db, condition: SQL, anchors: Anchor<RequestListKey>[], start: number, limit: number): Promise<number[]> {
  const { anchor, offset } = fromAnchor(anchors, start)
  const after = anchor ? [sortsAfter(anchor.key)] : []
  return (await db.select({ id: adRequests.id }).from(adRequests).where(and(condition, ...after))
    .orderBy(desc(adRequests.updatedAt), desc(adRequests.id)).limit(limit).offset(offset)).map(r => r.id)
}

/**
 * The requests that come after `key` in the list (older activity, or as old with a lower id),
 * written so the index on (updated_at, id) is entered at the key on both databases.
 */
function sortsAfter([updatedAtMs, id]: RequestListKey): SQL {
  const at = new Date(updatedAtMs)
  return and(lte(adRequests.updatedAt, at), or(lt(adRequests.updatedAt, at), lt(adRequests.id, id)))!
}

/** Every `every`-th request of the list, with its position: one walk of the list's index. */
async function requestAnchors(db: Db, condition: SQL, every: number): Promise<Anchor<RequestListKey>[]> {
  const numbered = db.select({
    updatedAt: adRequests.updatedAt,
    id: adRequests.id,
    position: sql<number>`row_number() over (order by ${adRequests.updatedAt} desc, ${adRequests.id} desc)`.as('position'),
  }).from(adRequests).where(condition).as('numbered')
  const rows = await db.select().from(numbered).where(sql`${numbered.position} % ${every} = 0`).orderBy(asc(numbered.position))
  // PostgreSQL's row_number is a bigint, which its driver gives as a string.
  return rows.map(r => ({ skip: Number(r.position), key: [r.updatedAt.getTime(), r.id] }))
}

/** The list rows of the given requests, in the order given. */
async function requestRows(db: Db, ids: number[]): Promise<ListRow[]> {
  if (!ids.length) return []
  const statement = preparedOnce(db, 'ad-requests:rows-by-id', name => baseQuery(db).where(inIdList(db, adRequests.id, 'ids')).prepare(name))
  const byId = new Map((await statement.execute({ ids: JSON.stringify(ids) }) as ListRow[]).map(row => [row.id, row]))
  return ids.flatMap(id => byId.get(id) ?? [])
}

/** One request with its whole history, for its two parties and admins; 404 for anyone else. */
export async function getAdRequest(db: Db, viewer: Viewer, id: number) {
  const row = (await baseQuery(db).where(and(eq(adRequests.id, id), partyTo(viewer))))[0] as ListRow | undefined
  if (!row) throw new DomainError('not_found', 'No such ad request')
  const actor = aliasedTable(users, 'actor')
  const actorBrand = aliasedTable(sponsorProfiles, 'actor_brand')
  const history = await db.select({
    kind: adRequestEvents.kind,
    actorId: adRequestEvents.actorId,
    // A brand goes by its company name everywhere in a deal, its history included.
    actorName: sql<string | null>`coalesce(${actorBrand.company}, ${actor.displayName})`,
    paymentAmount: adRequestEvents.paymentAmount,
    message: adRequestEvents.message,
    at: adRequestEvents.createdAt,
  }).from(adRequestEvents).leftJoin(actor, eq(actor.id, adRequestEvents.actorId))
    .leftJoin(actorBrand, eq(actorBrand.userId, adRequestEvents.actorId))
    .where(eq(adRequestEvents.adRequestId, id)).orderBy(asc(adRequestEvents.createdAt), asc(adRequestEvents.id))
  return {
    ...present(row, viewer),
    history: history.map(h => ({
      kind: h.kind,
      actorId: h.actorId,
      actorName: h.actorName ?? 'Influencia',
      actorSide: h.actorId === null ? null : h.actorId === row.sponsorId ? 'sponsor' : 'influencer',
      ...(h.paymentAmount !== null ? { paymentAmount: h.paymentAmount } : {}),
      ...(h.message ? { message: h.message } : {}),
      at: h.at.toISOString(),
    })),
  }
}

/**
 * Opens a request: a sponsor invites an influencer to one of its live campaigns, or an
 * influencer applies to a live public campaign. One open request per influencer and campaign.
 */
export async function createAdRequest(db: Db, viewer: Viewer, input: AdRequestCreateInput) {
  if (viewer.role !== 'sponsor' && viewer.role !== 'influencer') {
    throw new DomainError('forbidden', 'Only sponsors invite and only influencers apply')
  }
  const side: AdRequestParty = viewer.role
  const id = await writeWithEvents(db, async (tx, emit) => {
    let influencerId: number
    const [campaign] = await tx.select().from(campaigns).where(and(eq(campaigns.id, input.campaignId), visibleTo(viewer)))
    if (side === 'sponsor') {
      if (viewer.status !== 'active') throw new DomainError('forbidden', 'Your sponsor account is awaiting approval: you cannot send requests yet')
      if (!campaign || campaign.sponsorId !== viewer.id) throw new DomainError('not_found', 'No such campaign among yours', { fields: { campaignId: 'Not one of your campaigns' } })
      if (!input.influencerId) throw new DomainError('invalid', 'Choose the influencer to invite', { fields: { influencerId: 'Required for an invitation' } })
      const [target] = await tx.select().from(users).where(and(eq(users.id, input.influencerId), eq(users.role, 'influencer')))
      if (!target || target.status === 'suspended') throw new DomainError('not_found', 'No such influencer', { fields: { influencerId: 'No such influencer' } })
      influencerId = target.id
    }
    else {
      if (input.influencerId !== undefined && input.influencerId !== viewer.id) {
        throw new DomainError('invalid', 'Influencers apply for themselves', { fields: { influencerId: 'Leave out when applying' } })
      }
      if (!campaign) throw new DomainError('not_found', 'No such campaign', { fields: { campaignId: 'No such campaign' } })
      if (campaign.visibility !== 'public') throw new DomainError('forbidden', 'This campaign takes invitations only')
      influencerId = viewer.id
    }
    // Under review, a campaign takes no new deals; the parties of existing ones still see them.
    if (campaign.flagged) throw new DomainError('conflict', 'This campaign is under review by a moderator: it takes no new requests until the review ends')
    if (!(LIVE_CAMPAIGN as readonly string[]).includes(campaign.status)) {
      throw new DomainError('conflict', `This campaign is ${campaign.status}: it does not take requests now`)
    }
    const [existing] = await tx.select({ id: adRequests.id, status: adRequests.status }).from(adRequests)
      .where(and(eq(adRequests.campaignId, campaign.id), eq(adRequests.influencerId, influencerId), inArray(adRequests.status, [...OPEN_AD_REQUEST_STATUSES])))
    if (existing) {
      // The id lets the client link to the open request; the message stays free of internal ids.
      const who = side === 'sponsor' ? 'This influencer already has' : 'You already have'
      throw new DomainError('conflict', `${who} an open request on this campaign (${existing.status})`, { adRequestId: existing.id })
    }
    await assertFitsBudget(tx, campaign.id, input.paymentAmount, 'The offer')

    const [request] = await tx.insert(adRequests).values({
      campaignId: campaign.id, influencerId, requirements: input.requirements, paymentAmount: input.paymentAmount,
      status: 'pending', initiatedBy: side, lastOfferBy: side,
    }).returning({ id: adRequests.id })
    await tx.insert(adRequestEvents).values({ adRequestId: request!.id, kind: 'offer', actorId: viewer.id, paymentAmount: input.paymentAmount, message: input.message ?? null })
    emit({
      type: side === 'sponsor' ? 'ad_request.invited' : 'ad_request.applied',
      adRequestId: request!.id, campaignId: campaign.id, campaign: campaign.title, paymentAmount: input.paymentAmount,
      actorId: viewer.id, recipients: [side === 'sponsor' ? influencerId : campaign.sponsorId],
    })
    return request!.id
  })
  return getAdRequest(db, viewer, id)
}

const EVENT_OF: Record<AdRequestAction, AdRequestEventKind> = {
  counter: 'counter', accept: 'accepted', reject: 'rejected', withdraw: 'withdrawn', complete: 'completed',
}

/**
 * A party acts on a request. The whole read-check-write runs in one write transaction, so
 * two accepts racing for the last of a budget cannot both succeed.
 */
export async function actOnAdRequest(db: Db, viewer: Viewer, id: number, action: AdRequestAction, body: { paymentAmount?: number, message?: string }) {
  await writeWithEvents(db, async (tx, emit) => {
    const [row] = await tx.select({
      status: adRequests.status, initiatedBy: adRequests.initiatedBy, lastOfferBy: adRequests.lastOfferBy,
      paymentAmount: adRequests.paymentAmount, influencerId: adRequests.influencerId,
      campaignId: campaigns.id, campaignStatus: campaigns.status, campaignTitle: campaigns.title, sponsorId: campaigns.sponsorId,
    }).from(adRequests).innerJoin(campaigns, eq(campaigns.id, adRequests.campaignId))
      .where(and(eq(adRequests.id, id), partyTo(viewer)))
    if (!row) throw new DomainError('not_found', 'No such ad request')
    const side = sideOf(viewer, row)
    if (!side) throw new DomainError('forbidden', 'Only the sponsor and the influencer of a deal can act on it')

    const decision = decide(row, action, side)
    if (!decision.ok) throw new DomainError('conflict', decision.reason)
    if (action === 'counter' && body.paymentAmount === row.paymentAmount) {
      const onTable = formatCents(row.paymentAmount)
      throw new DomainError('invalid', `${onTable} is already the offer on the table: accept it instead of countering`, {
        fields: { paymentAmount: `${onTable} is already on the table: accept it, or offer another amount` },
      })
    }
    if ((action === 'accept' || action === 'counter') && !(LIVE_CAMPAIGN as readonly string[]).includes(row.campaignStatus)) {
      throw new DomainError('conflict', `The campaign is ${row.campaignStatus}: deals cannot be agreed on it now`)
    }

    const amount = action === 'counter' ? body.paymentAmount! : row.paymentAmount
    if (action === 'counter') await assertFitsBudget(tx, row.campaignId, amount, 'The counter-offer')
    if (action === 'accept') await assertFitsBudget(tx, row.campaignId, amount, 'Accepting this deal')

    await tx.update(adRequests).set({ status: decision.status, lastOfferBy: decision.lastOfferBy, paymentAmount: amount })
      .where(eq(adRequests.id, id))
    await keepTrackRecord(tx, row.influencerId, row.status, decision.status)
    await tx.insert(adRequestEvents).values({
      adRequestId: id, kind: EVENT_OF[action], actorId: viewer.id,
      paymentAmount: action === 'counter' || action === 'accept' ? amount : null, message: body.message ?? null,
    })
    emit({
      type: `ad_request.${EVENT_OF[action]}` as AdRequestEventType,
      adRequestId: id, campaignId: row.campaignId, campaign: row.campaignTitle, paymentAmount: amount,
      actorId: viewer.id, recipients: [side === 'sponsor' ? row.influencerId : row.sponsorId],
    })
  })
  return getAdRequest(db, viewer, id)
}
