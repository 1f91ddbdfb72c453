import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

/** Opens (creating if needed) the SQLite file with the settings every connection must have. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new Database(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  return drizzle(sqlite, { schema }) as Db
}

/** Applies the migrations under `migrationsRoot` (the `drizzle/` folder, one subfolder per dialect). */
export function migrateDatabase(db: Db, migrationsRoot: string) {
  migrate(db, { migrationsFolder: join(migrationsRoot, 'sqlite') })
}

/**
 * Runs `fn` in a transaction that takes the write lock at once (BEGIN IMMEDIATE), so a
 * read-then-write sequence cannot be interleaved with another writer's. `fn` must be synchronous.
 */
export function writeTransaction<T>(db: Db, fn: (tx: Db) => T): T {
  return db.$client.transaction(() => fn(db)).immediate()
}
