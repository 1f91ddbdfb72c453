import { resolve } from 'node:path'
import type { Db } from '../database/client'
import { closeDatabase, openDatabase } from '../database/client'

let db: Db | undefined

/** The process's database, opened on first use from NUXT_DB_PATH. */
export function useDb(): Db {
  db ??= openDatabase(resolve(useRuntimeConfig().dbPath))
  return db
}

/**
 * Closes the database at shutdown. The last SQLite connection to close folds the write-ahead
 * log back into the database file and removes it, so the file alone is a complete copy.
 */
export async function closeDb() {
  const open = db
  db = undefined
  if (open) await closeDatabase(open)
}
