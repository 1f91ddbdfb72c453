import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { stringify } from 'csv-stringify'
import { aliasedTable, and, asc, count, eq, gt, gte, or, sql } from 'drizzle-orm'
import type { Db } from '../database/client'
import { inIdList, literalList } from '../database/dialect'
import { preparedOnce } from '../database/prepared'
import { adRequestEvents, adRequests, campaigns, users } from '../database/schema'
import { AD_REQUEST_STATUS_GROUPS, PUBLISHED_CAMPAIGN_STATUSES } from '#shared/constants'
import type { AdRequestParty, CampaignStatus, ExportKind } from '#shared/constants'
import { decimalAmount } from '#shared/money'
import { dateTimeIn, platformTimeZone } from './calendar'
import { committedSql } from './money'

/** Rows read per query: small enough that one batch never holds the event loop for long. */
const BATCH_SIZE = 250

/** Cells a spreadsheet would run as a formula: = + - @, and tab or carriage return before one. */
const FORMULA_START = /^[=+\-@\t\r]/
/** A number such as -12.50 starts with a minus yet cannot run anything, and must stay a number. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/

/**
 * A text cell made safe to open in a spreadsheet (OWASP's "CSV injection"): one that would start
 * a formula gets a leading apostrophe, which spreadsheets show as text and do not evaluate.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value
}

type Cell = string | number | null
type CsvRow = Record<string, Cell>

interface Batch {
  rows: CsvRow[]
  /** How many of the source's units (campaigns, requests) this batch covered, for progress. */
  units: number
}

interface ExportSource {
  columns: { key: string, header: string }[]
  /** How many units the whole export covers. */
  total: number
  /** Reads one batch per step, each where the last ended (keyset paging: no OFFSET rescans). */
  batches: AsyncIterable<Batch>
}

export interface ExportOptions {
  /** The site's public address, for links to public campaign pages. */
  siteUrl: string
}

const money = (cents: number | null) => (cents === null ? null : decimalAmount(cents))
const moment = (at: Date) => dateTimeIn(at)

async function campaignsSource(db: Db, ownerId: number, options: ExportOptions): Promise<ExportSource> {
  const page = preparedOnce(db, 'exports:campaigns-page', name => db.select({
    id: campaigns.id, title: campaigns.title, status: campaigns.status, visibility: campaigns.visibility, niche: campaigns.niche,
    startDate: campaigns.startDate, endDate: campaigns.endDate, budget: campaigns.budget, committed: committedSql(),
    requests: sql<number>`(select count(*) from ad_requests r where r.campaign_id = "campaigns"."id")`,
    deals: sql<number>`(select count(*) from ad_requests r where r.campaign_id = "campaigns"."id" and r.status in (${literalList(AD_REQUEST_STATUS_GROUPS.agreed)}))`,
    flagged: campaigns.flagged, goals: campaigns.goals, description: campaigns.description, slug: campaigns.slug,
    createdAt: campaigns.createdAt, updatedAt: campaigns.updatedAt,
  }).from(campaigns)
    .where(and(eq(campaigns.sponsorId, sql.placeholder('owner')), gt(campaigns.id, sql.placeholder('after'))))
    .orderBy(asc(campaigns.id)).limit(sql.placeholder('limit')).prepare(name))
  const total = (await db.select({ n: count() }).from(campaigns).where(eq(campaigns.sponsorId, ownerId)))[0]!.n
  const zone = platformTimeZone()
  const published = (status: CampaignStatus) => (PUBLISHED_CAMPAIGN_STATUSES as readonly string[]).includes(status)

  async function* batches(): AsyncGenerator<Batch> {
    let after = 0
    for (;;) {
      const rows = await page.execute({ owner: ownerId, after, limit: BATCH_SIZE })
      if (!rows.length) return
      after = rows.at(-1)!.id
      yield {
        units: rows.length,
        rows: rows.map(c => ({
          id: c.id, title: c.title, status: c.status, visibility: c.visibility, niche: c.niche,
          startDate: c.startDate, endDate: c.endDate,
          budget: money(c.budget), committed: money(Number(c.committed)), remaining: money(c.budget - Number(c.committed)),
          requests: Number(c.requests), deals: Number(c.deals), flagged: c.flagged ? 'yes' : 'no',
          goals: c.goals, description: c.description,
          link: c.visibility === 'public' && !c.flagged && published(c.status) ? `${options.siteUrl}/campaigns/${c.slug}` : null,
          createdAt: moment(c.createdAt), updatedAt: moment(c.updatedAt),
        })),
      }
    }
  }

  return {
    total,
    batches: batches(),
    columns: [
      { key: 'id', header: 'Campaign ID' },
      { key: 'title', header: 'Title' },
      { key: 'status', header: 'Status' },
      { key: 'visibility', header: 'Visibility' },
      { key: 'niche', header: 'Niche' },
      { key: 'startDate', header: 'Start date' },
      { key: 'endDate', header: 'End date' },
      { key: 'budget', header: 'Budget (USD)' },
      { key: 'committed', header: 'Committed (USD)' },
      { key: 'remaining', header: 'Remaining (USD)' },
      { key: 'requests', header: 'Requests' },
      { key: 'deals', header: 'Agreed deals' },
      { key: 'flagged', header: 'Under review' },
      { key: 'goals', header: 'Goals' },
      { key: 'description', header: 'Description' },
      { key: 'link', header: 'Public page' },
      { key: 'createdAt', header: `Created (${zone})` },
      { key: 'updatedAt', header: `Updated (${zone})` },
    ],
  }
}

const influencer = aliasedTable(users, 'influencer')
const actor = aliasedTable(users, 'actor')

/**
 * Ad requests with their history, campaign by campaign, one line per step of the history (an offer, a counter-offer,
 * a message, a decision), the request's own facts repeated on each. A spreadsheet filters, sorts
 * and sums one value per cell: a step per line can be filtered by kind or by who acted, its
 * amounts charted over time, and "Step = 1" leaves one line per request. A history squeezed
 * into one cell could only be read, not worked with.
 */
async function adRequestsSource(db: Db, ownerId: number): Promise<ExportSource> {
  const page = preparedOnce(db, 'exports:ad-requests-page', name => db.select({
    id: adRequests.id, campaignId: campaigns.id, campaign: campaigns.title,
    influencerName: influencer.displayName, influencerUsername: influencer.username,
    initiatedBy: adRequests.initiatedBy, status: adRequests.status, paymentAmount: adRequests.paymentAmount,
    requirements: adRequests.requirements, influencerId: adRequests.influencerId,
  }).from(campaigns)
    .innerJoin(adRequests, eq(adRequests.campaignId, campaigns.id))
    .innerJoin(influencer, eq(influencer.id, adRequests.influencerId))
    // After the last (campaign, request) read, spelt so that both loops walk their indexes in order.
    .where(and(
      eq(campaigns.sponsorId, sql.placeholder('owner')),
      gte(campaigns.id, sql.placeholder('afterCampaign')),
      or(gt(campaigns.id, sql.placeholder('afterCampaign')), gt(adRequests.id, sql.placeholder('afterRequest'))),
    ))
    .orderBy(asc(campaigns.id), asc(adRequests.id)).limit(sql.placeholder('limit')).prepare(name))
  const history = preparedOnce(db, 'exports:ad-request-history', name => db.select({
    adRequestId: adRequestEvents.adRequestId, kind: adRequestEvents.kind, actorId: adRequestEvents.actorId, actorName: actor.displayName,
    paymentAmount: adRequestEvents.paymentAmount, message: adRequestEvents.message, createdAt: adRequestEvents.createdAt,
  }).from(adRequestEvents)
    .leftJoin(actor, eq(actor.id, adRequestEvents.actorId))
    .where(inIdList(db, adRequestEvents.adRequestId, 'ids'))
    .orderBy(asc(adRequestEvents.adRequestId), asc(adRequestEvents.createdAt), asc(adRequestEvents.id)).prepare(name))
  const total = (await db.select({ n: count() }).from(adRequests)
    .innerJoin(campaigns, eq(campaigns.id, adRequests.campaignId)).where(eq(campaigns.sponsorId, ownerId)))[0]!.n
  const zone = platformTimeZone()

  async function* batches(): AsyncGenerator<Batch> {
    let afterCampaign = 0
    let afterRequest = 0
    for (;;) {
      const requests = await page.execute({ owner: ownerId, afterCampaign, afterRequest, limit: BATCH_SIZE })
      if (!requests.length) return
      afterCampaign = requests.at(-1)!.campaignId
      afterRequest = requests.at(-1)!.id
      const steps = Map.groupBy(await history.execute({ ids: JSON.stringify(requests.map(r => r.id)) }), step => step.adRequestId)
      yield {
        units: requests.length,
        rows: requests.flatMap((r) => {
          const request = {
            requestId: r.id, campaignId: r.campaignId, campaign: r.campaign,
            influencer: r.influencerName, influencerUsername: r.influencerUsername,
            startedAs: r.initiatedBy === 'sponsor' ? 'invitation' : 'application',
            status: r.status, paymentAmount: money(r.paymentAmount), requirements: r.requirements,
          }
          const side = (actorId: number | null): AdRequestParty | 'platform' =>
            actorId === null ? 'platform' : actorId === r.influencerId ? 'influencer' : 'sponsor'
          return (steps.get(r.id) ?? []).map((step, index) => ({
            ...request,
            step: index + 1, stepKind: step.kind, by: side(step.actorId), byName: step.actorName,
            stepAmount: money(step.paymentAmount), message: step.message, stepAt: moment(step.createdAt),
          }))
        }),
      }
    }
  }

  return {
    total,
    batches: batches(),
    columns: [
      { key: 'requestId', header: 'Request ID' },
      { key: 'campaignId', header: 'Campaign ID' },
      { key: 'campaign', header: 'Campaign' },
      { key: 'influencer', header: 'Influencer' },
      { key: 'influencerUsername', header: 'Influencer username' },
      { key: 'startedAs', header: 'Started as' },
      { key: 'status', header: 'Request status' },
      { key: 'paymentAmount', header: 'Amount on the table (USD)' },
      { key: 'requirements', header: 'Requirements' },
      { key: 'step', header: 'Step' },
      { key: 'stepKind', header: 'Step kind' },
      { key: 'by', header: 'By' },
      { key: 'byName', header: 'By (name)' },
      { key: 'stepAmount', header: 'Step amount (USD)' },
      { key: 'message', header: 'Message' },
      { key: 'stepAt', header: `Step at (${zone})` },
    ],
  }
}

const SOURCES: Record<ExportKind, (db: Db, ownerId: number, options: ExportOptions) => Promise<ExportSource>> = {
  campaigns: campaignsSource,
  ad_requests: adRequestsSource,
}

/**
 * Writes the owner's data of this kind to `path` as CSV for spreadsheets: RFC 4180 (CRLF lines,
 * quoted fields where needed), UTF-8 with a byte-order mark so Excel reads the accents right,
 * formula cells neutralised. Rows are read a batch at a time and pulled through the stringifier
 * into the file only as fast as the disk takes them, so memory holds a batch, never the file;
 * between batches the event loop serves other requests. `onProgress` hears the share done (0–1)
 * after each batch.
 */
export async function writeExportCsv(db: Db, ownerId: number, kind: ExportKind, path: string,
  options: ExportOptions & { onProgress: (done: number) => Promise<void> | void }): Promise<{ rowCount: number }> {
  const source = await SOURCES[kind](db, ownerId, options)
  let rowCount = 0
  let unitsDone = 0
  async function* rows() {
    for await (const batch of source.batches) {
      yield* batch.rows
      rowCount += batch.rows.length
      unitsDone += batch.units
      await options.onProgress(source.total ? unitsDone / source.total : 1)
      await nextTurn()
    }
  }
  await pipeline(
    Readable.from(rows()),
    stringify({ header: true, bom: true, record_delimiter: 'windows', columns: source.columns, cast: { string: neutraliseFormula } }),
    createWriteStream(path, { flags: 'wx' }),
  )
  return { rowCount }
}
