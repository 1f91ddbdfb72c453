import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import pg from 'pg'
import { dialectOfLocation } from './scratch-database'

type Row = Record<string, unknown>

// Counts and sums are 64-bit on PostgreSQL, which node-postgres hands over as strings; the
// amounts in tests are far below 2^53, so numbers compare with what SQLite returns.
const pgTypes = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => oid === 20 || oid === 1700 ? Number : pg.types.getTypeParser(oid, format),
}

/** A row as SQLite holds it: times as epoch milliseconds, booleans as 0 or 1. */
function plain(row: Row): Row {
  const out: Row = {}
  for (const [key, value] of Object.entries(row)) {
    out[key] = value instanceof Date ? value.getTime() : typeof value === 'boolean' ? Number(value) : value
  }
  return out
}

/** `?` placeholders, as both dialects' tests write them, numbered as PostgreSQL wants them. */
function numbered(statement: string) {
  let n = 0
  return statement.replace(/\?/g, () => `$${++n}`)
}

async function onPostgres<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, types: pgTypes })
  await client.connect()
  try {
    return await use(client)
  }
  finally {
    await client.end()
  }
}

function onSqlite<T>(path: string, write: boolean, use: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: !write, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  try {
    return use(db)
  }
  finally {
    db.close()
  }
}

async function run(location: string, write: boolean, statement: string, params: unknown[]): Promise<Row[]> {
  if (dialectOfLocation(location) === 'postgres') {
    return onPostgres(location, async client => (await client.query(numbered(statement), params)).rows.map(plain))
  }
  const values = params.map(p => p instanceof Date ? p.getTime() : typeof p === 'boolean' ? Number(p) : p)
  return onSqlite(location, write, (db) => {
    const prepared = db.prepare(statement)
    if (prepared.reader) return prepared.all(...values) as Row[]
    prepared.run(...values)
    return []
  })
}

/** The name of every table whose rows a digest covers. */
async function tableNames(location: string): Promise<string[]> {
  // The outbox is left out: mail is written there after a change commits, in the background, so
  // an earlier change's e-mail may land at any moment; a change that mails also leaves rows in
  // the tables it is about.
  const rows = dialectOfLocation(location) === 'postgres'
    ? await run(location, false, `select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'outbox' order by tablename`, [])
    : await run(location, false, `select name from sqlite_master where type = 'table' and name not in ('outbox', 'sqlite_stat1') order by name`, [])
  return rows.map(r => String(r.name))
}

/**
 * A test server's database, read and changed in SQL both dialects understand: `?` parameters,
 * `true`/`false`, Date parameters for times. Rows come back in SQLite's plain form (times as epoch
 * milliseconds, booleans as 0 or 1, counts as numbers) so one expectation holds on both.
 */
export function databaseAt(location: string) {
  const rows = <T = Row>(statement: string, ...params: unknown[]) => run(location, false, statement, params) as Promise<T[]>
  return {
    location,
    dialect: dialectOfLocation(location),
    rows,
    row: async <T = Row>(statement: string, ...params: unknown[]) => (await rows<T>(statement, ...params))[0],
    count: async (table: string, where = '1 = 1', ...params: unknown[]) =>
      Number((await rows<{ n: number }>(`select count(*) as n from ${table} where ${where}`, ...params))[0]!.n),
    /** For a state no request can make (a link past its expiry); returns what a `returning` clause gives. */
    change: <T = Row>(statement: string, ...params: unknown[]) => run(location, true, statement, params) as Promise<T[]>,
    /**
     * Every table's rows, as one digest per table: two digests are equal when nothing in the
     * database changed, and a difference names the table.
     */
    digest: async (): Promise<Record<string, string>> => {
      const names = await tableNames(location)
      const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`
      if (dialectOfLocation(location) === 'postgres') {
        // Hashed where the rows are, over one connection: the suite compares digests around
        // hundreds of requests, and shipping every row of a shared database each time is slow.
        return onPostgres(location, async (client) => {
          const digests: Record<string, string> = {}
          for (const name of names) {
            const { rows } = await client.query(`select md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest from ${quoted(name)} t`)
            digests[name] = String(rows[0].digest).slice(0, 16)
          }
          return digests
        })
      }
      return onSqlite(location, false, (db) => {
        const digests: Record<string, string> = {}
        for (const name of names) {
          const lines = db.prepare(`select * from ${quoted(name)}`).raw().all()
            .map(r => JSON.stringify(r, (_, v) => typeof v === 'bigint' ? String(v) : v)).sort()
          digests[name] = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)
        }
        return digests
      })
    },
  }
}
