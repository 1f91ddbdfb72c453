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
