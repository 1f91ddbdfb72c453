import type { TestProject } from 'vitest/node'
import { startBuiltServer } from './built-server'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
    dbPath: string
  }
}

/** One production server for the whole API suite; each test file works with its own users. */
export default async function setup(project: TestProject) {
  const server = await startBuiltServer()
  project.provide('baseURL', server.url)
  project.provide('dbPath', server.dbPath)
  return () => server.stop()
}
