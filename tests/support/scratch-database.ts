import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createScratchDatabase } from './postgres'

export type Dialect = 'sqlite' | 'postgres'

/**
 * The database the servers of this run are started on: each vitest project sets it (the API
 * suite runs once on each), the SQLite file when nothing does.
 */
export const suiteDialect: Dialect = process.env.TEST_DATABASE_DIALECT === 'postgres' ? 'postgres' : 'sqlite'

export const dialectOfLocation = (location: string): Dialect => /^postgres(ql)?:\/\//.test(location) ? 'postgres' : 'sqlite'

export interface ScratchDatabase {
  /** What a server is given: an SQLite file path or a `postgres://` URL. */
  location: string
  /** Removes it and everything in it. */
  drop: () => Promise<void>
}

/** A new, empty database of the given dialect for one or more test servers to share. */
export async function newTestDatabase(dialect: Dialect = suiteDialect): Promise<ScratchDatabase> {
  if (dialect === 'postgres') {
    const { url, drop } = await createScratchDatabase('influencia_test')
    return { location: url, drop }
  }
  const dir = mkdtempSync(join(tmpdir(), 'influencia-test-'))
  return { location: join(dir, 'test.sqlite'), drop: async () => rmSync(dir, { recursive: true, force: true }) }
}
