import { AsyncLocalStorage } from 'node:async_hooks'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'

export type Dialect = 'sqlite' | 'postgres'

/** What the data layer keeps beside each query handle: its dialect and how it writes. */
interface DataLayer {
  readonly dialect: Dialect
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>
  migrate(migrationsRoot: string): Promise<void>
  close(): Promise<void>
}

const LAYER = Symbol('data layer')

/**
 * The handle the domain queries with. Every query is awaited (never SQLite's synchronous
 * `.get()`, `.all()`, `.run()`), so the same code runs on either database. Outside a
 * transaction it only reads: every write goes through `writeTransaction`.
 */
export type Db = BetterSQLite3Database<typeof schema> & { readonly [LAYER]: DataLayer }

const withLayer = (handle: object, layer: DataLayer) => Object.assign(handle, { [LAYER]: layer }) as Db

/** The transaction the current async call chain is inside, if any, so nested writes join it. */
const openTransaction = new AsyncLocalStorage<{ layer: DataLayer, tx: Db, open: boolean }>()

/** Runs `task`s one at a time, in the order they arrive. */
function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task)
    tail = result.catch(() => undefined)
    return result
  }
}

function connectSqlite(path: string, options: Database.Options = {}) {
  const sqlite = new Database(path, options)
  if (!options.readonly) {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('foreign_keys = ON')
  }
  sqlite.pragma('busy_timeout = 5000')
  return sqlite
}

/**
 * Opens (creating if needed) an SQLite file as two connections: a read-only one for every read
 * outside a transaction, and a writer that only `writeTransaction` uses. better-sqlite3 is
 * synchronous and its own transactions cannot span an `await`, so a write transaction here is
 * BEGIN IMMEDIATE … COMMIT on the writer, and the writer's transactions are queued one after
 * another in this process: an `await` inside one cannot let another request's statements join
 * it, and readers on the other connection see only committed rows (WAL). A write attempted
 * outside a transaction fails loudly on the read-only connection rather than slipping past the
 * queue. An in-memory database (tests) cannot be shared between connections, so it uses one.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const writerClient = connectSqlite(path)
  const readerClient = path === ':memory:' ? writerClient : connectSqlite(path, { readonly: true })
  const queue = serialQueue()

  const layer: DataLayer = {
    dialect: 'sqlite',
    transaction(fn) {
      return queue(async () => {
        const scope = { layer, tx: writer, open: true }
        writerClient.exec('BEGIN IMMEDIATE')
        try {
          const value = await openTransaction.run(scope, () => fn(writer))
          writerClient.exec('COMMIT')
          return value
        }
        catch (error) {
          if (writerClient.inTransaction) writerClient.exec('ROLLBACK')
          throw error
        }
        finally {
          // Work the transaction started but did not await must not think it is still inside.
          scope.open = false
        }
      })
    },
    async migrate(migrationsRoot) {
      await queue(async () => migrate(writer, { migrationsFolder: join(migrationsRoot, 'sqlite') }))
    },
    async close() {
      await queue(async () => {
        if (readerClient !== writerClient) readerClient.close()
        writerClient.close()
      })
    },
  }
  const writer = withLayer(drizzle(writerClient, { schema }), layer)
  return withLayer(drizzle(readerClient, { schema }), layer)
}

/** Applies the migrations under `migrationsRoot` (the `drizzle/` folder, one subfolder per dialect). */
export function migrateDatabase(db: Db, migrationsRoot: string) {
  return db[LAYER].migrate(migrationsRoot)
}

export function closeDatabase(db: Db) {
  return db[LAYER].close()
}

export function dialectOf(db: Db): Dialect {
  return db[LAYER].dialect
}

/**
 * Runs `fn` as one write transaction: every read-then-write of the domain goes through here, so
 * the read it decides on is still true when it writes. Called inside another transaction of the
 * same database, it joins that one. Keep slow non-database work (hashing, network) out of `fn`:
 * other writers wait for it.
 */
export function writeTransaction<T>(db: Db, fn: (tx: Db) => Promise<T> | T): Promise<T> {
  const layer = db[LAYER]
  const open = openTransaction.getStore()
  if (open?.open && open.layer === layer) return Promise.resolve(fn(open.tx))
  return layer.transaction(async tx => fn(tx))
}
