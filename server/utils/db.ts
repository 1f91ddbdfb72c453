import { resolve } from 'node:path'
import type { Db, Dialect } from '../database/client'
import { closeDatabase, dialectOf, openDatabase, pingDatabase } from '../database/client'

let db: Db | undefined

/**
 * The process's database, opened on first use: PostgreSQL when NUXT_DATABASE_URL is set,
 * otherwise the SQLite file at NUXT_DB_PATH.
 */
export function useDb(): Db {
  const config = useRuntimeConfig()
  db ??= openDatabase(config.databaseUrl || resolve(config.dbPath), {
    poolSize: Number(config.databasePoolSize) || undefined,
    statementTimeoutMs: Number(config.databaseStatementTimeoutMs) || undefined,
  })
  return db
}

let ready: Promise<void> = Promise.resolve()

/** Marks the database as being prepared (migrated, seeded) until `preparing` settles. */
export function preparingDatabase(preparing: Promise<void>) {
  ready = preparing
}

/** Resolves once the database is migrated (and seeded): work that starts with the server waits for it. */
export function databaseReady(): Promise<void> {
  return ready
}

/** Whether the database answers, and which one it is: what the health check reports. */
export async function databaseHealth(): Promise<{ state: 'ok' | 'down', dialect: Dialect }> {
  const database = useDb()
  const state = await pingDatabase(database).then(() => 'ok' as const, () => 'down' as const)
  return { state, dialect: dialectOf(database) }
}

/**
 * Closes the database at shutdown: PostgreSQL's pool once its queries are done; the last SQLite
 * connection to close folds the write-ahead log back into the file, so the file alone is a
 * complete copy.
 */
export async function closeDb() {
  const open = db
  db = undefined
  if (open) await closeDatabase(open)
}
