import type { Db } from '../database/client'
import { notifications } from '../database/schema'

/** Leaves a message in a user's inbox; runs inside the transaction of the change it reports. */
export function notify(db: Db, userId: number, kind: string, payload: Record<string, unknown>) {
  db.insert(notifications).values({ userId, kind, payload }).run()
}
