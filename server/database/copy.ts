import { count, getTableColumns, getTableName, is, sql, Table } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import { getTableConfig as getPostgresTableConfig } from 'drizzle-orm/pg-core'
import type { PgTable } from 'drizzle-orm/pg-core'
import { getTableConfig as getSqliteTableConfig } from 'drizzle-orm/sqlite-core'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import * as postgresSchema from './postgres/schema'
import * as sqliteSchema from './sqlite/schema'

// Moves an SQLite installation to PostgreSQL: every table of the schema, read through the SQLite
// schema (so values come out as the app sees them: Date, boolean, parsed JSON) and written through
// the PostgreSQL one, which stores each the way its column wants.

export type SqliteSource = BetterSQLite3Database<typeof sqliteSchema>
export type PostgresTarget = NodePgDatabase<typeof postgresSchema>

/** One table of the schema, as each database's schema declares it. */
export interface TablePair {
  /** The SQL name, e.g. `ad_requests`. */
  name: string
  sqlite: SQLiteTable
  postgres: PgTable
}

export interface TableCount {
  table: string
  sqliteRows: number
  postgresRows: number
}

/** The target already holds data: copying into it would mix two installations. */
export class TargetNotEmptyError extends Error {
  constructor(readonly tables: string[]) {
    super(`The PostgreSQL database already has rows in ${tables.join(', ')}`)
  }
}

const tablesOf = <T extends Table>(schema: Record<string, unknown>) =>
  new Map(Object.values(schema).filter((value): value is T => is(value, Table)).map(table => [getTableName(table), table]))

/** The schema's tables, each after every table its foreign keys point to, so each insert finds its parents. */
export function tablesInCopyOrder(): TablePair[] {
  const sqliteTables = tablesOf<SQLiteTable>(sqliteSchema)
  const postgresTables = tablesOf<PgTable>(postgresSchema)
  const ordered: TablePair[] = []
  const place = (name: string, path: string[]) => {
    if (ordered.some(pair => pair.name === name)) return
    if (path.includes(name)) throw new Error(`Foreign keys run in a circle: ${[...path, name].join(' → ')}`)
    const postgres = postgresTables.get(name)!
    for (const key of getPostgresTableConfig(postgres).foreignKeys) {
      const parent = getTableName(key.reference().foreignTable)
      if (parent !== name) place(parent, [...path, name])
    }
    const sqlite = sqliteTables.get(name)
    if (!sqlite) throw new Error(`${name} is in the PostgreSQL schema but not in the SQLite one`)
    ordered.push({ name, sqlite, postgres })
  }
  for (const name of postgresTables.keys()) place(name, [])
  return ordered
}

/** The primary key's columns, each with the property that holds it in a row (`userId` for `user_id`). */
function primaryKeyOf(table: SQLiteTable) {
  const config = getSqliteTableConfig(table)
  const columns = config.primaryKeys[0]?.columns ?? config.columns.filter(column => column.primary)
  const properties = Object.entries(getTableColumns(table))
  return columns.map(column => ({ column, property: properties.find(([, candidate]) => candidate === column)![0] }))
}

type PrimaryKey = ReturnType<typeof primaryKeyOf>

/** Rows whose primary key comes after that of `last` (the previous batch's last row). */
function after(key: PrimaryKey, last: Record<string, unknown>): SQL {
  const columns = key.map(({ column }) => column)
  const values = key.map(({ column, property }) => sql.param(last[property], column))
  return sql`(${sql.join(columns, sql`, `)}) > (${sql.join(values, sql`, `)})`
}

/**
 * Copies one table a batch at a time, paging by primary key (an offset would make each batch
 * slower than the last). Each batch is read and its insert built while PostgreSQL still writes
 * the one before, so both sides work at once. PostgreSQL takes at most 65,535 parameters a
 * statement, one per value.
 */
export async function copyTable(from: SqliteSource, to: PostgresTarget, pair: TablePair, batchSize = 1000): Promise<number> {
  const key = primaryKeyOf(pair.sqlite)
  const columnCount = getSqliteTableConfig(pair.sqlite).columns.length
  const rowsPerBatch = Math.min(batchSize, Math.floor(65_535 / columnCount))
  let copied = 0
  let last: Record<string, unknown> | undefined
  let writing: Promise<unknown> = Promise.resolve()
  for (;;) {
    const batch = from.select().from(pair.sqlite).where(last && after(key, last)).orderBy(...key.map(({ column }) => column)).limit(rowsPerBatch).all()
    if (batch.length === 0) break
    // Built now, sent by the driver once the previous insert is done.
    const insert = to.insert(pair.postgres).values(batch).execute()
    // Should the previous insert fail, this one fails too, and is never awaited.
    insert.catch(() => {})
    await writing
    writing = insert
    copied += batch.length
    last = batch.at(-1)
  }
  await writing
  return copied
}

/** The tables of `tables` that hold at least one row. */
export async function tablesWithRows(to: PostgresTarget, tables: TablePair[]): Promise<string[]> {
  const filled: string[] = []
  for (const { name, postgres } of tables) {
    const found = await to.select({ one: sql`1` }).from(postgres).limit(1)
    if (found.length > 0) filled.push(name)
  }
  return filled
}

/**
 * Moves each identity past the highest id copied, so the next row the app inserts gets a new id
 * rather than colliding with a copied one.
 */
export async function advanceIdentities(to: PostgresTarget, tables: TablePair[]) {
  for (const { name, postgres } of tables) {
    for (const column of getPostgresTableConfig(postgres).columns.filter(column => column.generatedIdentity)) {
      await to.execute(sql`select setval(pg_get_serial_sequence(${name}, ${column.name}), max(${column})) from ${postgres} having count(*) > 0`)
    }
  }
}

export interface CopyOptions {
  /** Empty a target that already has rows instead of refusing. */
  replace?: boolean
  batchSize?: number
  /** Told when a table is done: its name, the rows copied and the milliseconds it took. */
  onTable?: (name: string, rows: number, milliseconds: number) => void
}

/**
 * Copies every table in one PostgreSQL transaction: the target ends with all of the source or,
 * on any error, as it was. The source is read in one read transaction, so the copy is the
 * SQLite database as of one moment even if the app still writes to it; the row counts returned,
 * taken once the copy is committed, compare the target with that same moment.
 */
export async function copyDatabase(from: SqliteSource, to: PostgresTarget, options: CopyOptions = {}): Promise<TableCount[]> {
  const tables = tablesInCopyOrder()
  from.run(sql`begin`)
  try {
    await to.transaction(async (tx) => {
      const filled = await tablesWithRows(tx, tables)
      if (filled.length > 0 && !options.replace) throw new TargetNotEmptyError(filled)
      if (filled.length > 0) {
        // CASCADE also empties what triggers derived from these tables (the influencer search).
        await tx.execute(sql`truncate ${sql.join(tables.map(table => table.postgres), sql`, `)} restart identity cascade`)
      }
      for (const pair of tables) {
        const started = performance.now()
        const rows = await copyTable(from, tx, pair, options.batchSize)
        options.onTable?.(pair.name, rows, performance.now() - started)
      }
      await advanceIdentities(tx, tables)
    })
    return await compareCounts(from, to)
  }
  finally {
    from.run(sql`commit`)
  }
}

/** Each table's row count on both sides, in copy order. */
export async function compareCounts(from: SqliteSource, to: PostgresTarget): Promise<TableCount[]> {
  const counts: TableCount[] = []
  for (const { name, sqlite, postgres } of tablesInCopyOrder()) {
    const sqliteRows = from.select({ rows: count() }).from(sqlite).get()!.rows
    const [postgresCount] = await to.select({ rows: count() }).from(postgres)
    counts.push({ table: name, sqliteRows, postgresRows: postgresCount!.rows })
  }
  return counts
}
