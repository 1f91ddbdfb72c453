import { resolve } from 'node:path'
import type { Db } from '../database/client'
import { openDatabase } from '../database/client'

let db: Db | undefined

/** The process's one SQLite connection, opened on first use from NUXT_DB_PATH. */
export function useDb(): Db {
  db ??= openDatabase(resolve(useRuntimeConfig().dbPath))
  return db
}

/**
 * Closes the connection at shutdown. The last connection to close folds the write-ahead log
 * back into the database file and removes it, so the file alone is a complete copy.
 */
export function closeDb() {
  db?.$client.close()
  db = undefined
}
