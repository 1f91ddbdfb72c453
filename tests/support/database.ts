import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import { inject } from 'vitest'

/** Read-only access to the test server's database, to check what a request left behind. */
export function testDatabase() {
  return new Database(inject('dbPath'), { readonly: true, fileMustExist: true })
}

export function countRows(table: string, where = '1 = 1', ...params: unknown[]): number {
  const db = testDatabase()
  try {
    return (db.prepare(`select count(*) as n from ${table} where ${where}`).get(...params) as { n: number }).n
  }
  finally {
    db.close()
  }
}

/** One row of a query on a test server's database (this suite's, or one a test started). */
export function readRow(dbPath: string, sql: string, ...params: unknown[]) {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true })
  try {
    return db.prepare(sql).get(...params)
  }
  finally {
    db.close()
  }
}

/** Write access to the test server's database, for a state no request can make (a link past its expiry). */
export function changeTestDatabase<T>(change: (db: Database.Database) => T): T {
  const db = new Database(inject('dbPath'), { fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  try {
    return change(db)
  }
  finally {
    db.close()
  }
}

/**
 * Every table's rows, as one digest per table: two dumps are equal when nothing in the database
 * changed, and a difference names the table. The outbox is left out: mail is written there
 * after a change commits, in the background, so an earlier change's e-mail may land at any
 * moment; a change that mails also leaves rows in the tables it is about.
 */
export function databaseDigest(dbPath: string = inject('dbPath')): Record<string, string> {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true })
  try {
    const tables = db.prepare(`select name from sqlite_master where type = 'table' and name not in ('outbox', 'sqlite_stat1') order by name`).all() as { name: string }[]
    const digests: Record<string, string> = {}
    for (const { name } of tables) {
      const rows = db.prepare(`select * from "${name.replaceAll('"', '""')}"`).raw().all()
      digests[name] = createHash('sha256').update(JSON.stringify(rows, (_, v) => typeof v === 'bigint' ? String(v) : v)).digest('hex').slice(0, 16)
    }
    return digests
  }
  finally {
    db.close()
  }
}
