import { and, asc, eq, gte, inArray, lt, lte, ne, or, sql } from 'drizzle-orm'
import { AD_REQUEST_STATUS_GROUPS, AD_REQUEST_STATUSES } from '#shared/constants'
import { MONTH_PATTERN } from '#shared/schemas/report'
import type { AdRequestEventKind, AdRequestStatus } from '#shared/constants'
import type { CampaignMonth, MonthlyReport, MonthTotals } from '#shared/reports'
import type { Db } from '../database/client'
import { adRequestEvents, adRequests, campaigns, users } from '../database/schema'
import { dayIn, monthBounds, monthIn, platformTimeZone, previousMonth } from './calendar'
import type { MonthBounds } from './calendar'
import { DomainError } from './errors'
import { writeWithEvents } from './events'
import { claimNotice, notYetTold } from './periodic-notices'

/** The status a request is in after each step of its history; a message changes nothing. */
const STATUS_AFTER: Record<Exclude<AdRequestEventKind, 'message'>, AdRequestStatus> = {
  offer: 'pending',
  counter: 'negotiating',
  accepted: 'accepted',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
  expired: 'expired',
  completed: 'completed',
}

/** Payments of deals agreed before `end` and not undone since: what a campaign's budget spent. */
function agreedPayments(sponsorId: number, end: Date) {
  return and(
    eq(campaigns.sponsorId, sponsorId),
    eq(adRequestEvents.kind, 'accepted'),
    inArray(adRequests.status, [...AD_REQUEST_STATUS_GROUPS.agreed]),
    lt(adRequestEvents.createdAt, end),
  )
}

/** Requests of the sponsor's campaigns with a step in the month. */
function touchedIn(sponsorId: number, { start, end }: MonthBounds) {
  return and(
    eq(campaigns.sponsorId, sponsorId),
    sql`exists (select 1 from ${adRequestEvents} as step where step.ad_request_id = ${adRequests.id}
      and step.created_at >= ${sql.param(start, adRequestEvents.createdAt)} and step.created_at < ${sql.param(end, adRequestEvents.createdAt)})`,
  )
}

/**
 * The sponsor's campaigns that belong in a month's report: published ones (not drafts) whose run
 * overlaps the month, and any whose requests moved in it; none created after the month ended.
 */
async function campaignsOf(db: Db, sponsorId: number, bounds: MonthBounds) {
  const movedInMonth = sql`exists (select 1 from ${adRequestEvents} as step join ${adRequests} as r on r.id = step.ad_request_id
    where r.campaign_id = ${campaigns.id} and step.created_at >= ${sql.param(bounds.start, adRequestEvents.createdAt)} and step.created_at < ${sql.param(bounds.end, adRequestEvents.createdAt)})`
  return await db.select({
    id: campaigns.id, title: campaigns.title, status: campaigns.status,
    startDate: campaigns.startDate, endDate: campaigns.endDate, budget: campaigns.budget,
  }).from(campaigns)
    .where(and(
      eq(campaigns.sponsorId, sponsorId),
      ne(campaigns.status, 'draft'),
      lt(campaigns.createdAt, bounds.end),
      or(and(lte(campaigns.startDate, bounds.lastDay), gte(campaigns.endDate, bounds.firstDay)), movedInMonth),
    ))
    .orderBy(asc(campaigns.startDate), asc(campaigns.id))
}

/** A month's figures for the sponsor: per campaign, requests by status, and the totals. */
async function monthFigures(db: Db, sponsorId: number, bounds: MonthBounds) {
  const agreed = await db.select({
    campaignId: adRequests.campaignId,
    used: sql<number>`sum(${adRequestEvents.paymentAmount})`.mapWith(Number),
    spend: sql<number>`sum(case when ${gte(adRequestEvents.createdAt, bounds.start)} then ${adRequestEvents.paymentAmount} else 0 end)`.mapWith(Number),
    deals: sql<number>`sum(case when ${gte(adRequestEvents.createdAt, bounds.start)} then 1 else 0 end)`.mapWith(Number),
  }).from(adRequestEvents)
    .innerJoin(adRequests, eq(adRequests.id, adRequestEvents.adRequestId))
    .innerJoin(campaigns, eq(campaigns.id, adRequests.campaignId))
    .where(agreedPayments(sponsorId, bounds.end))
    .groupBy(adRequests.campaignId)
  const byCampaign = new Map(agreed.map(a => [a.campaignId, a]))

  const rows: CampaignMonth[] = (await campaignsOf(db, sponsorId, bounds)).map((c) => {
    const money = byCampaign.get(c.id)
    const used = money?.used ?? 0
    return { ...c, deals: money?.deals ?? 0, spend: money?.spend ?? 0, used, remaining: Math.max(0, c.budget - used) }
  })

  // Each touched request's last status-changing step before the month's end says where it stood.
  const lastSteps = await db.select({ kind: adRequestEvents.kind, n: sql<number>`count(*)`.mapWith(Number) })
    .from(adRequests)
    .innerJoin(campaigns, eq(campaigns.id, adRequests.campaignId))
    .innerJoin(adRequestEvents, eq(adRequestEvents.id, sql`(select step.id from ${adRequestEvents} as step
      where step.ad_request_id = ${adRequests.id} and step.kind != 'message' and step.created_at < ${sql.param(bounds.end, adRequestEvents.createdAt)}
      order by step.created_at desc, step.id desc limit 1)`))
    .where(touchedIn(sponsorId, bounds))
    .groupBy(adRequestEvents.kind)
  const requestsByStatus = Object.fromEntries(AD_REQUEST_STATUSES.map(s => [s, 0])) as Record<AdRequestStatus, number>
  for (const step of lastSteps) {
    if (step.kind !== 'message') requestsByStatus[STATUS_AFTER[step.kind]] += step.n
  }

  const totals: MonthTotals = {
    campaigns: rows.length,
    requests: lastSteps.reduce((sum, step) => sum + step.n, 0),
    deals: rows.reduce((sum, c) => sum + c.deals, 0),
    spend: rows.reduce((sum, c) => sum + c.spend, 0),
  }
  return { rows, requestsByStatus, totals }
}

/**
 * A sponsor's activity report for a month (`YYYY-MM`; the last full one when not asked), its bounds taken in the platform's time
 * zone: the campaigns of the month, its requests by status, its spend (payments of deals agreed
 * in it), each campaign's budget used and remaining at its end, and the change from the month
 * before. A month after the current one is refused, naming `month`.
 */
export async function monthlyReport(db: Db, sponsorId: number, asked: string | undefined, { now = new Date(), timeZone }: { now?: Date, timeZone?: string } = {}): Promise<MonthlyReport> {
  const current = monthIn(now, timeZone)
  const month = asked ?? previousMonth(current)
  if (!MONTH_PATTERN.test(month)) throw new DomainError('invalid', 'Give the month as YYYY-MM', { fields: { month: 'A month as YYYY-MM, e.g. 2026-03' } })
  if (month > current) throw new DomainError('invalid', `${month} has not begun yet`, { fields: { month: 'Cannot be in the future' } })

  const [sponsor] = await db.select({ createdAt: users.createdAt }).from(users).where(eq(users.id, sponsorId))
  const bounds = monthBounds(month, timeZone)
  const previous = previousMonth(month)
  const { rows, requestsByStatus, totals } = await monthFigures(db, sponsorId, bounds)
  const budget = rows.reduce((sum, c) => sum + c.budget, 0)
  const used = rows.reduce((sum, c) => sum + c.used, 0)
  const signedUp = sponsor ? monthIn(sponsor.createdAt, timeZone) : current
  return {
    month,
    previousMonth: previous,
    firstDay: bounds.firstDay,
    lastDay: bounds.lastDay,
    timeZone: timeZone ?? platformTimeZone(),
    inProgress: month === current,
    months: { first: signedUp < month ? signedUp : month, last: current },
    totals: { ...totals, budget, used, remaining: rows.reduce((sum, c) => sum + c.remaining, 0) },
    previous: (await monthFigures(db, sponsorId, monthBounds(previous, timeZone))).totals,
    requestsByStatus,
    campaigns: rows,
  }
}

/** Whether `now` is on the first day of a month in the platform's time zone: the day reports go out. */
export function isReportDay(now: Date, timeZone?: string): boolean {
  return dayIn(now, timeZone).endsWith('-01')
}

/**
 * On the first day of a month (in the platform's time zone), each active sponsor hears that last
 * month's report is ready: an inbox notification and an e-mail linking to it. Recorded per sponsor
 * and month in the same transaction, so running it again, or on two instances, tells nobody twice.
 */
export async function announceMonthlyReports(db: Db, now: Date, timeZone?: string): Promise<{ reports: number }> {
  const month = previousMonth(monthIn(now, timeZone))
  const sponsors = await db.select({ id: users.id }).from(users)
    .where(and(eq(users.role, 'sponsor'), eq(users.status, 'active'), lt(users.createdAt, monthBounds(month, timeZone).end), notYetTold(db, 'report.ready', month)))
    .orderBy(asc(users.id))
  return writeWithEvents(db, async (tx, emit) => {
    let reports = 0
    for (const { id } of sponsors) {
      if (!await claimNotice(tx, 'report.ready', id, month, now)) continue
      emit({ type: 'report.ready', month, actorId: null, recipients: [id] })
      reports++
    }
    return { reports }
  })
}
