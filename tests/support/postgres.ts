import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The admin connection that creates and drops each test's own database. */
export const postgresAdminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres'
const adminUrl = postgresAdminUrl

/**
 * Whether PostgreSQL answers. Outside CI a machine without it skips the PostgreSQL tests, saying
 * so; in CI they always run, so a missing server fails them instead of passing unseen.
 */
export async function postgresAvailable(suite: string): Promise<boolean> {
  if (process.env.CI) return true
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    return true
  }
  catch (error) {
    console.warn(`Skipping ${suite}: no PostgreSQL answers at ${adminUrl} (${(error as Error).message}). Set TEST_DATABASE_URL to run it.`)
    return false
  }
  finally {
    await client.end().catch(() => {})
  }
}

async function asAdmin(statement: string) {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    await client.query(statement)
  }
  finally {
    await client.end()
  }
}

/** A fresh, empty database of its own for one test file: its URL, and how to drop it afterwards. */
export async function createScratchDatabase(prefix: string) {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`
  await asAdmin(`create database ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => asAdmin(`drop database if exists ${name} with (force)`),
  }
}
