import { and, eq, notExists } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { PeriodicNoticeKind } from '#shared/constants'
import type { Db } from '../database/client'
import { periodicNotices, users } from '../database/schema'

/**
 * Records that `userId` has been told `kind` for `period`, in the transaction that tells them.
 * False when they already were, by an earlier run or by another instance: the caller then
 * tells them nothing.
 */
export async function claimNotice(tx: Db, kind: PeriodicNoticeKind, userId: number, period: string, now: Date): Promise<boolean> {
  return (await tx.insert(periodicNotices).values({ kind, userId, period, createdAt: now })
    .onConflictDoNothing().returning({ userId: periodicNotices.userId })).length > 0
}

/** Users not yet told `kind` for `period`, as a WHERE condition on `users`: what a run still has to do. */
export function notYetTold(db: Db, kind: PeriodicNoticeKind, period: string): SQL {
  return notExists(db.select({ one: periodicNotices.userId }).from(periodicNotices)
    .where(and(eq(periodicNotices.kind, kind), eq(periodicNotices.period, period), eq(periodicNotices.userId, users.id))))
}
