import { count, desc, eq, or, sql } from 'drizzle-orm'
import type { Db } from '../database/client'
import { writeTransaction } from '../database/client'
import { outbox } from '../database/schema'
import type { MailTransport } from '#shared/constants'
import type { Page, PageQuery } from '#shared/schemas/common'
import { likeEscape } from './search'

/** One e-mail as every sender hands it over. */
export interface MailMessage {
  to: string
  subject: string
  text: string
  html: string
  /**
   * Names the event the message is about, e.g. `password-reset:42`: a second message with the
   * same key is never recorded nor sent, so an event retried or delivered twice mails once.
   */
  dedupeKey: string
}

/**
 * Records a message before it leaves. Through the outbox it is delivered by being recorded;
 * through SMTP it waits as queued until the transport answers. Undefined when the dedupe key
 * was recorded before: that event has had its e-mail.
 */
export async function recordMail(db: Db, message: MailMessage, transport: MailTransport, now = new Date()): Promise<number | undefined> {
  const delivered = transport === 'outbox'
  const [recorded] = await writeTransaction(db, tx => tx.insert(outbox).values({
    ...message,
    transport,
    status: delivered ? 'sent' : 'queued',
    createdAt: now,
    sentAt: delivered ? now : null,
  }).onConflictDoNothing({ target: outbox.dedupeKey }).returning({ id: outbox.id }))
  return recorded?.id
}

export async function markMailSent(db: Db, id: number, now = new Date()) {
  await writeTransaction(db, tx => tx.update(outbox).set({ status: 'sent', sentAt: now, error: null }).where(eq(outbox.id, id)))
}

export async function markMailFailed(db: Db, id: number, error: string) {
  await writeTransaction(db, tx => tx.update(outbox).set({ status: 'failed', error: error.slice(0, 1000) }).where(eq(outbox.id, id)))
}

export interface OutboxFilters extends PageQuery {
  q?: string
}

/** The recorded e-mails, newest first, optionally those whose recipient or subject holds `q`. */
export async function listOutbox(db: Db, f: OutboxFilters): Promise<Page<ReturnType<typeof presentMail>>> {
  const pattern = f.q ? `%${likeEscape(f.q.toLowerCase())}%` : undefined
  const condition = pattern
    ? or(sql`lower(${outbox.to}) like ${pattern} escape '\\'`, sql`lower(${outbox.subject}) like ${pattern} escape '\\'`)
    : undefined
  const rows = await db.select().from(outbox).where(condition)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(f.pageSize).offset((f.page - 1) * f.pageSize)
  const total = (await db.select({ n: count() }).from(outbox).where(condition))[0]!.n
  return { items: rows.map(presentMail), total, page: f.page, pageSize: f.pageSize }
}

function presentMail(row: typeof outbox.$inferSelect) {
  return {
    id: row.id,
    to: row.to,
    subject: row.subject,
    text: row.text,
    status: row.status,
    transport: row.transport,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }
}
