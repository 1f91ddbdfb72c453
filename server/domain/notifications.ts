import { and, asc, count, desc, eq, gt, inArray, isNull, max, sql } from 'drizzle-orm'
import type { Db } from '../database/client'
import { writeTransaction } from '../database/client'
import { preparedOnce } from '../database/prepared'
import { notifications } from '../database/schema'
import type { DomainEventType, LiveEventData } from '#shared/events'
import type { NotificationPayload } from '#shared/notification-text'
import type { Page } from '#shared/schemas/common'
import type { MarkReadInput, NotificationListQuery } from '#shared/schemas/notification'
import type { Viewer } from './viewer'

async function unreadCount(db: Db, userId: number) {
  return (await db.select({ n: count() }).from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))))[0]!.n
}

/** The viewer's own notifications, newest first, with how many are unread. */
export async function listNotifications(db: Db, viewer: Viewer, q: NotificationListQuery) {
  const mine = q.unread
    ? and(eq(notifications.userId, viewer.id), isNull(notifications.readAt))
    : eq(notifications.userId, viewer.id)
  const rows = await db.select().from(notifications).where(mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize)
  const total = (await db.select({ n: count() }).from(notifications).where(mine))[0]!.n
  // A payload holds what the events of its kind put there (shared/events.ts).
  const page: Page<{ id: number, kind: string, payload: NotificationPayload, read: boolean, createdAt: string }> = {
    items: rows.map(r => ({ id: r.id, kind: r.kind, payload: r.payload as NotificationPayload, read: r.readAt !== null, createdAt: r.createdAt.toISOString() })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  }
  return { ...page, unread: q.unread ? total : await unreadCount(db, viewer.id) }
}

/** Marks the viewer's notifications read: the given ones (others' ids are ignored) or all. */
export async function markNotificationsRead(db: Db, viewer: Viewer, input: MarkReadInput) {
  const unreadOfMine = and(eq(notifications.userId, viewer.id), isNull(notifications.readAt))
  const which = input.ids ? and(unreadOfMine, inArray(notifications.id, input.ids)) : unreadOfMine
  const marked = await writeTransaction(db, tx => tx.update(notifications).set({ readAt: new Date() }).where(which).returning({ id: notifications.id }))
  return { marked: marked.length, unread: await unreadCount(db, viewer.id) }
}

/**
 * The events a user's inbox recorded after the row `afterId`, oldest first, told as a live stream
 * tells them (a row's payload is its event's facts, its kind the event's type): what a stream
 * that resumes from `afterId` missed.
 */
export async function notificationsSince(db: Db, userId: number, afterId: number): Promise<LiveEventData[]> {
  const statement = preparedOnce(db, 'notifications-since', name => db.select({ id: notifications.id, kind: notifications.kind, payload: notifications.payload })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder('userId')), gt(notifications.id, sql.placeholder('afterId'))))
    .orderBy(asc(notifications.id))
    .prepare(name))
  return (await statement.execute({ userId, afterId })).map(row => ({
    ...row.payload,
    type: row.kind as DomainEventType,
    notificationId: row.id,
  }) as LiveEventData)
}

/** The id of the user's newest inbox row (0 when there is none): where a new live stream starts. */
export async function latestNotificationId(db: Db, userId: number): Promise<number> {
  const statement = preparedOnce(db, 'latest-notification-id', name => db.select({ id: max(notifications.id) })
    .from(notifications).where(eq(notifications.userId, sql.placeholder('userId'))).prepare(name))
  return (await statement.execute({ userId }))[0]?.id ?? 0
}
