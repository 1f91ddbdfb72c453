import { AsyncLocalStorage } from 'node:async_hooks'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { sql } from 'drizzle-orm'
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3'
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres'
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator'
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres'
import type { PgDatabase } from 'drizzle-orm/pg-core'
import pg from 'pg'
import * as postgresTables from './postgres/schema'
import * as sqliteTables from './sqlite/schema'
import { TABLES_DIALECT } from './schema'

export type Dialect = 'sqlite' | 'postgres'

/** What the data layer keeps beside each query handle: its dialect, how it writes, checks and closes. */
interface DataLayer {
  readonly dialect: Dialect
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>
  migrate(migrationsRoot: string): Promise<void>
  ping(): Promise<void>
  /** Refreshes the planner's statistics (and PostgreSQL's visibility map), after a bulk load. */
  analyze(): Promise<void>
  close(): Promise<void>
}

const LAYER = Symbol('data layer')

/**
 * The handle the domain queries with, typed as PostgreSQL's query builder: it has no
 * synchronous `.get()`, `.all()` or `.run()`, so every query is awaited and the same code runs on
 * either database. Outside a transaction it only reads: every write goes through
 * `writeTransaction`.
 */
export type Db = PgDatabase<NodePgQueryResultHKT, typeof postgresTables> & { readonly [LAYER]: DataLayer }

const withLayer = (handle: object, layer: DataLayer) => Object.assign(handle, { [LAYER]: layer }) as unknown as Db

/** The transaction the current async call chain is inside, if any, so nested writes join it. */
const openTransaction = new AsyncLocalStorage<{ layer: DataLayer, tx: Db, open: boolean }>()

function runInScope<T>(layer: DataLayer, tx: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  const scope = { layer, tx, open: true }
  // Work the transaction started but did not await must not think it is still inside.
  return openTransaction.run(scope, () => fn(tx)).finally(() => (scope.open = false))
}

export interface DatabaseOptions {
  /** PostgreSQL: connections in the pool. */
  poolSize?: number
  /** PostgreSQL: longest a statement may run before the server cancels it, in ms. */
  statementTimeoutMs?: number
  /**
   * SQLite: the writer loads data in bulk (the seed script): a larger page cache, and commits
   * that do not wait for the disk (the benchmark-size seed: 55 s before, 38 s so). A process
   * that dies mid-load loses nothing committed; only a machine that loses power may leave the
   * file damaged, and a seed is then run again. Never for a server.
   */
  bulkLoad?: boolean
}

export function isPostgresUrl(location: string | undefined): boolean {
  return /^postgres(ql)?:\/\//.test(location ?? '')
}

/**
 * Opens the database at `location`: a `postgres://` URL, or the path of an SQLite file. The
 * tables the domain imports are the dialect's that NUXT_DATABASE_URL chose when the process
 * started, so the two must agree.
 */
export function openDatabase(location: string, options: DatabaseOptions = {}): Db {
  const dialect: Dialect = isPostgresUrl(location) ? 'postgres' : 'sqlite'
  if (dialect !== TABLES_DIALECT) {
    throw new Error(`Cannot open ${dialect === 'postgres' ? 'a PostgreSQL' : 'an SQLite'} database in a process whose tables are ${TABLES_DIALECT}'s: NUXT_DATABASE_URL decides both`)
  }
  return dialect === 'postgres' ? openPostgres(location, options) : openSqlite(location, options)
}

/** Runs `task`s one at a time, in the order they arrive. */
function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(task: () => Promise<T>): Promise<T> => {
    const result = tail.then(task)
    tail = result.catch(() => undefined)
    return result
  }
}

/** The writer's page cache for a bulk load, in KiB (SQLite's default is 2 MB). */
const BULK_LOAD_CACHE_KIB = 256 * 1024

/** `bulkLoad` applies to the writer only: the reads of a load are few. */
function connectSqlite(path: string, options: Database.Options = {}, bulkLoad = false) {
  const sqlite = new Database(path, options)
  if (!options.readonly) {
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('synchronous = NORMAL')
    sqlite.pragma('foreign_keys = ON')
    if (bulkLoad) {
      sqlite.pragma(`cache_size = -${BULK_LOAD_CACHE_KIB}`)
      // Checkpoints then do not wait for the disk: most of what a bulk load's commits cost.
      sqlite.pragma('synchronous = OFF')
    }
  }
  sqlite.pragma('busy_timeout = 5000')
  return sqlite
}

/**
 * An SQLite file as two connections: a read-only one for every read outside a transaction, and
 * a writer that only `writeTransaction` uses. better-sqlite3 is synchronous and its own
 * transactions cannot span an `await`, so a write transaction here is BEGIN IMMEDIATE … COMMIT
 * on the writer, and the writer's transactions are queued one after another in this process: an
 * `await` inside one cannot let another request's statements join it, and readers on the other
 * connection see only committed rows (WAL). BEGIN IMMEDIATE takes the file's write lock at once,
 * so a read-then-write is serialisable against other processes too. A write attempted outside a
 * transaction fails loudly on the read-only connection rather than slipping past the queue. An
 * in-memory database (tests) cannot be shared between connections, so it uses one.
 */
function openSqlite(path: string, { bulkLoad }: DatabaseOptions): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const writerClient = connectSqlite(path, {}, bulkLoad)
  const readerClient = path === ':memory:' ? writerClient : connectSqlite(path, { readonly: true })
  const queue = serialQueue()

  const layer: DataLayer = {
    dialect: 'sqlite',
    transaction(fn) {
      return queue(async () => {
        writerClient.exec('BEGIN IMMEDIATE')
        try {
          const value = await runInScope(layer, writer, fn)
          writerClient.exec('COMMIT')
          return value
        }
        catch (error) {
          if (writerClient.inTransaction) writerClient.exec('ROLLBACK')
          throw error
        }
      })
    },
    async migrate(migrationsRoot) {
      await queue(async () => migrateSqlite(writerDrizzle, { migrationsFolder: join(migrationsRoot, 'sqlite') }))
    },
    async ping() {
      readerClient.prepare('select 1').get()
    },
    async analyze() {
      await queue(async () => writerClient.pragma('optimize'))
    },
    async close() {
      await queue(async () => {
        if (readerClient !== writerClient) readerClient.close()
        writerClient.close()
      })
    },
  }
  const writerDrizzle = drizzleSqlite(writerClient, { schema: sqliteTables })
  const writer = withLayer(writerDrizzle, layer)
  return withLayer(drizzleSqlite(readerClient, { schema: sqliteTables }), layer)
}

/** SQLSTATEs after which a transaction is tried again from the start. */
const RETRYABLE = new Set([
  '40001', // serialization_failure: a concurrent transaction changed what this one read
  '40P01', // deadlock_detected
  // unique_violation: two transactions that each found no row both inserted one; tried again,
  // the loser finds the winner's row and answers as the domain does (a 409 that names it).
  '23505',
])
/** Tries of one transaction in all: the first, then the retry lane's. */
const MAX_ATTEMPTS = 12
/** The advisory lock (a constant of this application's) that admits one transaction at a time to the retry lane. */
const RETRY_LANE_LOCK = 7_305_117_001

const isRetryable = (error: unknown) => RETRYABLE.has(sqlState(error) ?? '')

function sqlState(error: unknown): string | undefined {
  for (let e = error as { code?: unknown, cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code
  }
  return undefined
}

/**
 * PostgreSQL through a connection pool. A write transaction is SERIALIZABLE and is tried again
 * when PostgreSQL reports that a concurrent transaction made it impossible to commit as if the
 * two had run one after the other. Chosen over row locks (SELECT … FOR UPDATE) because it needs
 * nothing from the domain: every read-then-write (accept against the budget, one open request
 * per pair, a state change, later a ledger entry) is correct without naming what to lock,
 * exactly as SQLite's one writer makes it; and distributed Postgres-compatible engines run
 * SERIALIZABLE by default and expect such retries. `fn` may run more than once, so it must only
 * touch the database (events are delivered after the commit, see writeWithEvents).
 *
 * A transaction that lost a conflict is tried again in the retry lane: on a connection holding
 * a session advisory lock, taken before BEGIN so that its snapshot starts after the previous
 * loser committed. Losers therefore run one at a time across every instance and cannot make
 * each other lose again, so a burst of conflicting writes (two dozen accepts on one budget)
 * drains in one pass instead of retrying at random until the attempts run out. Uncontended
 * transactions never touch the lane. (An engine whose advisory locks are no-ops only loses
 * the ordering: the lane's attempts are still bounded retries.)
 */
function openPostgres(url: string, options: DatabaseOptions): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 10_000,
    connectionTimeoutMillis: 5_000,
    // A connection closed after a short lull costs its successor more than opening it: a new
    // PostgreSQL backend reads the catalog again for every table and statement it meets. Fifteen
    // recommendations at once took 540 ms on fresh connections and 340 ms on open ones.
    idleTimeoutMillis: 5 * 60_000,
  })
  // An idle connection the server dropped must not crash the process; the pool replaces it.
  pool.on('error', error => console.warn('[database] An idle PostgreSQL connection failed:', error.message))
  const client = drizzlePostgres(pool, { schema: postgresTables })

  const layer: DataLayer = {
    dialect: 'postgres',
    async transaction(fn) {
      const attempt = (on: typeof client) => on.transaction(tx => runInScope(layer, withLayer(tx, layer), fn), { isolationLevel: 'serializable' })
      try {
        return await attempt(client)
      }
      catch (error) {
        if (!isRetryable(error)) throw error
      }
      const connection = await pool.connect()
      let broken: Error | undefined
      try {
        await connection.query('select pg_advisory_lock($1)', [RETRY_LANE_LOCK])
        try {
          const lane = drizzlePostgres(connection, { schema: postgresTables })
          for (let tries = 2; ; tries++) {
            try {
              return await attempt(lane as unknown as typeof client)
            }
            catch (error) {
              // Still losing here means transactions outside the lane keep winning: wait a little.
              if (tries >= MAX_ATTEMPTS || !isRetryable(error)) throw error
              await sleep(Math.random() * 5 * tries)
            }
          }
        }
        finally {
          await connection.query('select pg_advisory_unlock($1)', [RETRY_LANE_LOCK])
        }
      }
      catch (error) {
        // A connection that failed mid-way is discarded, and its session lock with it.
        if (!sqlState(error)) broken = error as Error
        throw error
      }
      finally {
        connection.release(broken)
      }
    },
    async migrate(migrationsRoot) {
      await migratePostgres(client, { migrationsFolder: join(migrationsRoot, 'postgres') })
    },
    async ping() {
      await client.execute(sql`select 1`)
    },
    async analyze() {
      // VACUUM as well as ANALYZE: after a bulk load no page is marked all-visible yet, so an
      // "index-only" scan still reads every row it passes (a deep page of 200k requests took
      // ~1 s instead of ~0.1 s until autovacuum got round to the table).
      await client.execute(sql`vacuum (analyze)`)
    },
    async close() {
      await pool.end()
    },
  }
  return withLayer(client, layer)
}

/** Applies the migrations under `migrationsRoot` (the `drizzle/` folder, one subfolder per dialect). */
export function migrateDatabase(db: Db, migrationsRoot: string) {
  return db[LAYER].migrate(migrationsRoot)
}

/** Resolves when the database answers a trivial query; rejects when it does not. */
export function pingDatabase(db: Db) {
  return db[LAYER].ping()
}

/** Refreshes the query planner's statistics: after a bulk load, the plans it picks depend on them. */
export function analyzeDatabase(db: Db) {
  return db[LAYER].analyze()
}

/** Closes the database: SQLite's connections, or PostgreSQL's pool once its queries are done. */
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
 * other writers wait for it, and on PostgreSQL it may run again.
 */
export function writeTransaction<T>(db: Db, fn: (tx: Db) => Promise<T> | T): Promise<T> {
  const layer = db[LAYER]
  const open = openTransaction.getStore()
  if (open?.open && open.layer === layer) return Promise.resolve(fn(open.tx))
  return layer.transaction(async tx => fn(tx))
}
