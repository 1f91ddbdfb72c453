import { and, count, desc, eq } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { Db } from '../database/client'
import { textSearch } from '../database/dialect'
import { flags, users } from '../database/schema'
import type { Role, UserStatus } from '#shared/constants'
import type { Page, PageQuery } from '#shared/schemas/common'
import { DomainError } from './errors'
import { writeWithEvents } from './events'
import { endAllSessions } from './sessions'
import { getUserWithProfile, presentUser } from './users'

export interface UserFilters extends PageQuery {
  q?: string
  role?: Role
  status?: UserStatus
  flagged?: boolean
}

/** Users by the beginnings of the words of their username, e-mail address or display name. */
export async function listUsers(db: Db, f: UserFilters): Promise<Page<ReturnType<typeof presentUser>>> {
  const where: SQL[] = []
  if (f.q) {
    const match = textSearch(db, 'users', f.q)
    if (!match) return { items: [], total: 0, page: f.page, pageSize: f.pageSize }
    where.push(match.matches(users.id))
  }
  if (f.role) where.push(eq(users.role, f.role))
  if (f.status) where.push(eq(users.status, f.status))
  if (f.flagged !== undefined) where.push(eq(users.flagged, f.flagged))
  const condition = where.length ? and(...where) : undefined

  const rows = await db.select().from(users).where(condition)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(f.pageSize).offset((f.page - 1) * f.pageSize)
  const total = (await db.select({ n: count() }).from(users).where(condition))[0]!.n
  return { items: rows.map(u => presentUser(u, null)), total, page: f.page, pageSize: f.pageSize }
}

export interface UserUpdate {
  status?: 'active' | 'suspended'
  flagged?: boolean
  reason?: string
}

/**
 * An admin approves, suspends, reactivates, flags or unflags a user. Suspension bumps the
 * token version and ends every session, so the user's tokens stop working at once.
 */
export async function moderateUser(db: Db, adminId: number, userId: number, change: UserUpdate) {
  await writeWithEvents(db, async (tx, emit) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId))
    if (!user) throw new DomainError('not_found', 'No such user')
    if (user.role === 'admin' && change.status === 'suspended') throw new DomainError('conflict', 'Admins cannot be suspended here')

    if (change.status && change.status !== user.status) {
      const suspending = change.status === 'suspended'
      await tx.update(users).set({
        status: change.status,
        tokenVersion: suspending ? user.tokenVersion + 1 : user.tokenVersion,
      }).where(eq(users.id, userId))
      if (user.status === 'pending' && change.status === 'active') emit({ type: 'account.approved', userId, actorId: adminId, recipients: [userId] })
      if (user.status === 'suspended' && change.status === 'active') emit({ type: 'user.reactivated', userId, actorId: adminId, recipients: [] })
      if (suspending) {
        // Not told in the inbox: they can no longer sign in to read it (e-mail will tell them).
        emit({ type: 'user.suspended', userId, actorId: adminId, recipients: [] })
        await endAllSessions(tx, userId, 'user suspended')
      }
    }

    if (change.flagged !== undefined && change.flagged !== user.flagged) {
      await tx.update(users).set({ flagged: change.flagged }).where(eq(users.id, userId))
      emit({ type: change.flagged ? 'user.flagged' : 'user.unflagged', userId, actorId: adminId, recipients: [] })
      if (change.flagged) {
        await tx.insert(flags).values({ targetType: 'user', targetId: userId, reason: change.reason!, reporterId: adminId })
      }
      else {
        await tx.update(flags).set({ status: 'resolved', resolverId: adminId, resolvedAt: new Date() })
          .where(and(eq(flags.targetType, 'user'), eq(flags.targetId, userId), eq(flags.status, 'open')))
      }
    }
  })
  return getUserWithProfile(db, userId)!
}

/** Why a user or campaign is flagged: the reason of its open flag, if it has one. */
export async function openFlagReason(db: Db, targetType: (typeof flags.$inferSelect)['targetType'], targetId: number): Promise<string | undefined> {
  return (await db.select({ reason: flags.reason }).from(flags)
    .where(and(eq(flags.targetType, targetType), eq(flags.targetId, targetId), eq(flags.status, 'open')))
    .orderBy(desc(flags.createdAt), desc(flags.id)))[0]?.reason
}
