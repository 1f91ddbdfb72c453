import { eq, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { Db } from '../database/client'
import { inIdList, literalList } from '../database/dialect'
import { preparedOnce } from '../database/prepared'
import { campaigns } from '../database/schema'
import { AD_REQUEST_STATUS_GROUPS } from '#shared/constants'
import { formatCents } from '#shared/money'
import { DomainError } from './errors'

// Every amount is integer cents. The one invariant: a campaign's committed spend (accepted and
// completed deals) never exceeds its budget.

/**
 * The committed spend of the campaign row in the enclosing query, as a SQL expression. The outer
 * reference is spelled out in full: drizzle leaves columns unqualified in single-table selects,
 * where `id` would silently bind to the subquery's own table.
 */
export function committedSql(): SQL<number> {
  return sql<number>`(select coalesce(sum(r.payment_amount), 0) from ad_requests r where r.campaign_id = "campaigns"."id" and r.status in (${literalList(AD_REQUEST_STATUS_GROUPS.agreed)}))`
}

/**
 * The committed spend of each of the given campaigns. Meant for a page or a shortlist: lists pick
 * their rows first and ask for these sums after, never for every campaign that matched.
 */
export async function committedOf(db: Db, ids: number[]): Promise<Map<number, number>> {
  const statement = preparedOnce(db, 'money:committed-of', name => db.select({ id: campaigns.id, committed: committedSql() }).from(campaigns)
    .where(inIdList(db, campaigns.id, 'ids')).prepare(name))
  if (!ids.length) return new Map()
  const rows = await statement.execute({ ids: JSON.stringify(ids) })
  return new Map(rows.map(r => [r.id, Number(r.committed)]))
}

export async function budgetOf(db: Db, campaignId: number) {
  const [row] = await db.select({ budget: campaigns.budget, committed: committedSql() })
    .from(campaigns).where(eq(campaigns.id, campaignId))
  if (!row) throw new DomainError('not_found', 'No such campaign')
  const committed = Number(row.committed)
  return { budget: row.budget, committed, remaining: row.budget - committed }
}

/**
 * Refuses an amount that would not fit in what is left of the budget. Called inside the
 * IMMEDIATE transaction that commits the amount, so concurrent accepts cannot both fit.
 */
export async function assertFitsBudget(db: Db, campaignId: number, amount: number, what: string) {
  const { remaining } = await budgetOf(db, campaignId)
  if (amount > remaining) {
    throw new DomainError('conflict', `${what} of ${formatCents(amount)} is more than the campaign's remaining budget of ${formatCents(remaining)}`, { remaining })
  }
}
