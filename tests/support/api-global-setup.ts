import type { TestProject } from 'vitest/node'
import { startBuiltServer } from './built-server'
import type { Dialect } from './scratch-database'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    /** The shared server's database: an SQLite file path or a `postgres://` URL. */
    database: string
  }
}

/**
 * One production server for the whole API suite, on the database the project names
 * (`TEST_DATABASE_DIALECT` in its env); each test file works with its own users.
 */
export default async function setup(project: TestProject) {
  const dialect = (project.config.env?.TEST_DATABASE_DIALECT ?? 'sqlite') as Dialect
  const server = await startBuiltServer({}, { dialect })
  project.provide('baseURL', server.url)
  project.provide('database', server.database)
  return () => server.stop()
}
