import type { Db } from '../database/client'
import { writeTransaction } from '../database/client'
import { notifications } from '../database/schema'
import { notificationsFor } from '#shared/events'
import type { DomainEvent } from '#shared/events'

export type Emit = (event: DomainEvent) => void

/** What an after-commit subscriber hears: the event, and the inbox rows it left (for live updates). */
export interface Delivered {
  event: DomainEvent
  /** The inbox rows' ids, one per recipient in the order of `event.recipients`. */
  notificationIds: number[]
}

export type Subscriber = (delivered: Delivered) => void | Promise<void>

const subscribers = new Set<Subscriber>()

/**
 * Registers a listener for committed events (live updates, e-mail, cache invalidation);
 * returns the function that removes it.
 */
export function onDomainEvent(subscriber: Subscriber): () => void {
  subscribers.add(subscriber)
  return () => subscribers.delete(subscriber)
}

/**
 * Hands committed events to every subscriber. A subscriber that fails is logged and the others
 * still hear: the change is already committed and must not be reported as failed.
 */
function deliver(delivered: Delivered[]) {
  for (const item of delivered) {
    for (const subscriber of subscribers) {
      const complain = (error: unknown) => console.error(`[events] a subscriber failed on ${item.event.type}:`, error)
      try {
        const pending = subscriber(item)
        if (pending) pending.catch(complain)
      }
      catch (error) {
        complain(error)
      }
    }
  }
}

/**
 * A write transaction that may emit domain events. The inbox
 * rows are written at the end of the same transaction, an outbox in all but name: they exist if
 * and only if the change committed, and a crash between COMMIT and delivery loses none of them.
 * The other subscribers (live updates, mail) hear after COMMIT, with the rows' ids so a live
 * stream can resume from them. If `fn` throws, the transaction rolls back and nothing is delivered; if the
 * transaction is tried again, only the last attempt's events are.
 */
export async function writeWithEvents<T>(db: Db, fn: (tx: Db, emit: Emit) => Promise<T>): Promise<T> {
  let delivered: Delivered[] = []
  const result = await writeTransaction(db, async (tx) => {
    const events: DomainEvent[] = []
    const value = await fn(tx, event => events.push(event))
    delivered = []
    for (const event of events) {
      const rows = notificationsFor(event)
      if (!rows.length) {
        delivered.push({ event, notificationIds: [] })
        continue
      }
      // RETURNING gives rows in no promised order: matched by user so each id stays with its reader.
      const inserted = await tx.insert(notifications).values(rows).returning({ id: notifications.id, userId: notifications.userId })
      const idOf = new Map(inserted.map(r => [r.userId, r.id]))
      delivered.push({ event, notificationIds: rows.map(r => idOf.get(r.userId)!) })
    }
    return value
  })
  deliver(delivered)
  return result
}
