import { count, gte, sql } from 'drizzle-orm'
import type { Db } from '../database/client'
import { literalList, utcDay } from '../database/dialect'
import { adRequests, campaigns, flags, users } from '../database/schema'
import { AD_REQUEST_STATUS_GROUPS, CAMPAIGN_STATUS_GROUPS } from '#shared/constants'

const DAY = 86_400_000

/** Days (UTC, YYYY-MM-DD) from `days - 1` days ago to today, for time series with no gaps. */
function lastDays(days: number, now = Date.now()) {
  return Array.from({ length: days }, (_, i) => new Date(now - (days - 1 - i) * DAY).toISOString().slice(0, 10))
}

/** Platform figures for the admin overview: counts by role, status and time, and money committed. */
export async function platformStats(db: Db, { days = 30 } = {}) {
  const since = new Date(Date.now() - days * DAY)
  const usersByRoleStatus = await db.select({ role: users.role, status: users.status, n: count() }).from(users).groupBy(users.role, users.status)
  const campaignsByStatus = await db.select({ status: campaigns.status, n: count() }).from(campaigns).groupBy(campaigns.status)
  const requestsByStatus = await db.select({ status: adRequests.status, n: count() }).from(adRequests).groupBy(adRequests.status)
  const money = (await db.select({
    committed: sql<number>`coalesce(sum(case when ${adRequests.status} in (${literalList(AD_REQUEST_STATUS_GROUPS.agreed)}) then ${adRequests.paymentAmount} end), 0)`.mapWith(Number),
    completed: sql<number>`coalesce(sum(case when ${adRequests.status} = 'completed' then ${adRequests.paymentAmount} end), 0)`.mapWith(Number),
  }).from(adRequests))[0]!
  const budget = (await db.select({ total: sql<number>`coalesce(sum(${campaigns.budget}), 0)`.mapWith(Number) }).from(campaigns)
    .where(sql`${campaigns.status} in (${literalList(CAMPAIGN_STATUS_GROUPS.live)})`))[0]!

  const signupRows = await db.select({ day: utcDay(db, users.createdAt), role: users.role, n: count() }).from(users)
    .where(gte(users.createdAt, since)).groupBy(utcDay(db, users.createdAt), users.role)
  const requestRows = await db.select({ day: utcDay(db, adRequests.createdAt), status: adRequests.status, n: count() }).from(adRequests)
    .where(gte(adRequests.createdAt, since)).groupBy(utcDay(db, adRequests.createdAt), adRequests.status)
  const openFlags = await db.select({ target: flags.targetType, n: count() }).from(flags).where(sql`${flags.status} = 'open'`).groupBy(flags.targetType)

  const series = lastDays(days)
  return {
    users: {
      total: usersByRoleStatus.reduce((s, r) => s + r.n, 0),
      byRole: tally(usersByRoleStatus, r => r.role),
      byStatus: tally(usersByRoleStatus, r => r.status),
      pendingSponsors: usersByRoleStatus.find(r => r.role === 'sponsor' && r.status === 'pending')?.n ?? 0,
    },
    campaigns: { total: campaignsByStatus.reduce((s, r) => s + r.n, 0), byStatus: tally(campaignsByStatus, r => r.status) },
    adRequests: { total: requestsByStatus.reduce((s, r) => s + r.n, 0), byStatus: tally(requestsByStatus, r => r.status) },
    money: { committed: Number(money.committed), completed: Number(money.completed), liveBudget: Number(budget.total) },
    flags: { open: tally(openFlags, r => r.target) },
    signups: series.map(d => ({
      day: d,
      sponsors: signupRows.find(r => r.day === d && r.role === 'sponsor')?.n ?? 0,
      influencers: signupRows.find(r => r.day === d && r.role === 'influencer')?.n ?? 0,
    })),
    requestsOverTime: series.map((d) => {
      const rows = requestRows.filter(r => r.day === d)
      return { day: d, total: rows.reduce((s, r) => s + r.n, 0), byStatus: tally(rows, r => r.status) }
    }),
  }
}

function tally<T extends { n: number }>(rows: T[], key: (row: T) => string): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + r.n
  return out
}
