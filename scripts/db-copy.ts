// npm run db:copy [-- --from <sqlite file>] [-- --to <postgres url>] [-- --replace]
// Moves an SQLite installation (default NUXT_DB_PATH or .data/influencia.sqlite) to PostgreSQL
// (default NUXT_DATABASE_URL): brings the target's schema up to date, copies every table in one
// transaction, then compares the row counts of both sides. A target that already holds data is
// refused, unless --replace, which empties it first (in the same transaction as the copy).
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3'
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import { copyDatabase, TargetNotEmptyError } from '../server/database/copy'
import type { TableCount } from '../server/database/copy'
import * as postgresSchema from '../server/database/postgres/schema'
import * as sqliteSchema from '../server/database/sqlite/schema'

const { values } = parseArgs({
  options: {
    from: { type: 'string', default: process.env.NUXT_DB_PATH || '.data/influencia.sqlite' },
    to: { type: 'string', default: process.env.NUXT_DATABASE_URL },
    replace: { type: 'boolean', default: false },
  },
})

const source = resolve(values.from)
if (!existsSync(source)) fail(`No SQLite database at ${source} (--from or NUXT_DB_PATH)`)
if (!values.to?.startsWith('postgres')) fail('Name the PostgreSQL database: --to postgres://user@host:5432/name (or NUXT_DATABASE_URL)')

const started = performance.now()
const sqlite = new Database(source, { readonly: true, fileMustExist: true })
const from = drizzleSqlite(sqlite, { schema: sqliteSchema })
const client = new pg.Client({ connectionString: values.to })
await client.connect()
const to = drizzlePostgres(client, { schema: postgresSchema })
try {
  await migrate(to, { migrationsFolder: fileURLToPath(new URL('../drizzle/postgres', import.meta.url)) })
  console.log(`Copying ${source}\n     to ${withoutPassword(values.to)}`)
  const counts = await copyDatabase(from, to, {
    replace: values.replace,
    onTable: (name, rows, milliseconds) => console.log(`  ${name.padEnd(24)} ${String(rows).padStart(9)} rows  ${(milliseconds / 1000).toFixed(1)} s`),
  })
  console.log(`\n${countTable(counts)}\n`)
  const differing = counts.filter(count => count.sqliteRows !== count.postgresRows)
  if (differing.length > 0) fail(`Row counts differ in ${differing.map(count => count.table).join(', ')}`)
  // Same reason as after a seed: fresh rows have no statistics or visibility map yet.
  await client.query('vacuum (analyze)')
  console.log(`Copied in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
}
catch (error) {
  if (!(error instanceof TargetNotEmptyError)) throw error
  fail(`${error.message}: nothing was copied. Name an empty database, or pass --replace to empty this one first.`)
}
finally {
  await client.end()
  sqlite.close()
}

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

function withoutPassword(url: string) {
  const parsed = new URL(url)
  parsed.password = parsed.password && '***'
  return parsed.toString()
}

function countTable(counts: TableCount[]) {
  const rows = [['table', 'sqlite rows', 'postgres rows'], ...counts.map(count => [count.table, String(count.sqliteRows), String(count.postgresRows)])]
  return rows.map(([table, sqliteRows, postgresRows]) => `${table!.padEnd(24)} ${sqliteRows!.padStart(12)} ${postgresRows!.padStart(14)}`).join('\n')
}
