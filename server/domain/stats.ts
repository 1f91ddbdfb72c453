import { count, sql } from 'drizzle-orm'
import type { Db } from '../database/client'
import { adRequests, campaigns, flags, users } from '../database/schema'

const DAY = 86_400_000

/** Days (UTC, YYYY-MM-DD) from `days - 1` days ago to today, for time series with no gaps. */
function lastDays(days: number, now = Date.now()) {
  return Array.from({ length: days }, (_, i) => new Date(now - (days - 1 - i) * DAY).toISOString().slice(0, 10))
}

/** Platform figures for the admin overview: counts by role, status and time, and money committed. */
export function platformStats(db: Db, { days = 30 } = {}) {
  const since = Date.now() - days * DAY
  const usersByRoleStatus = db.select({ role: users.role, status: users.status, n: count() }).from(users).groupBy(users.role, users.status).all()
  const campaignsByStatus = db.select({ status: campaigns.status, n: count() }).from(campaigns).groupBy(campaigns.status).all()
  const requestsByStatus = db.select({ status: adRequests.status, n: count() }).from(adRequests).groupBy(adRequests.status).all()
  const money = db.select({
    committed: sql<number>`coalesce(sum(case when ${adRequests.status} in ('accepted', 'completed') then ${adRequests.paymentAmount} end), 0)`,
    completed: sql<number>`coalesce(sum(case when ${adRequests.status} = 'completed' then ${adRequests.paymentAmount} end), 0)`,
  }).from(adRequests).get()!
  const budget = db.select({ total: sql<number>`coalesce(sum(${campaigns.budget}), 0)` }).from(campaigns)
    .where(sql`${campaigns.status} in ('scheduled', 'active', 'paused')`).get()!

  const day = (column: unknown) => sql<string>`strftime('%Y-%m-%d', ${column} / 1000, 'unixepoch')`
  const signupRows = db.select({ day: day(users.createdAt), role: users.role, n: count() }).from(users)
    .where(sql`${users.createdAt} >= ${since}`).groupBy(day(users.createdAt), users.role).all()
  const requestRows = db.select({ day: day(adRequests.createdAt), status: adRequests.status, n: count() }).from(adRequests)
    .where(sql`${adRequests.createdAt} >= ${since}`).groupBy(day(adRequests.createdAt), adRequests.status).all()
  const openFlags = db.select({ target: flags.targetType, n: count() }).from(flags).where(sql`${flags.status} = 'open'`).groupBy(flags.targetType).all()

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
