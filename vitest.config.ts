import { defineConfig } from 'vitest/config'
import type { TestProjectInlineConfiguration } from 'vitest/config'
import { postgresAvailable } from './tests/support/postgres.ts'

// Files that are about the SQLite file itself (its backup, its WAL at shutdown, rows written
// into it directly): they run on SQLite only.
const SQLITE_ONLY = ['tests/api/backup.test.ts', 'tests/api/shutdown.test.ts', 'tests/api/exports-large.test.ts']

/** The API suite against the production build (built once by `npm run build` before vitest runs) on one database. */
function apiProject(dialect: 'sqlite' | 'postgres'): TestProjectInlineConfiguration {
  return {
    test: {
      name: dialect === 'sqlite' ? 'api' : 'api-postgres',
      include: ['tests/api/**/*.test.ts'],
      exclude: dialect === 'sqlite' ? [] : SQLITE_ONLY,
      environment: 'node',
      env: { TEST_DATABASE_DIALECT: dialect },
      globalSetup: ['tests/support/api-global-setup.ts'],
      testTimeout: 180_000,
      hookTimeout: 180_000,
    },
  }
}

// Unit tests of plain functions, and the API suite once on SQLite and once on PostgreSQL (when
// a PostgreSQL server answers; CI always has one).
export default defineConfig(async () => ({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Password hashing runs real bcrypt; a busy shared machine can be slow.
          testTimeout: 60_000,
        },
      },
      apiProject('sqlite'),
      ...await postgresAvailable('the API suite on PostgreSQL') ? [apiProject('postgres')] : [],
    ],
  },
}))
