import { defineVitestProject } from '@nuxt/test-utils/config'
import { defineConfig } from 'vitest/config'
import type { TestProjectInlineConfiguration } from 'vitest/config'
import { postgresAdminUrl, postgresAvailable } from './tests/support/postgres.ts'

// Files that are about the SQLite file itself (its backup, its WAL at shutdown, rows written
// into it directly): they run on SQLite only.
const SQLITE_ONLY = ['tests/api/backup.test.ts', 'tests/api/shutdown.test.ts', 'tests/api/exports-large.test.ts']

// The unit files that run the domain on a real database: the unit project runs them on SQLite,
// unit-postgres again on PostgreSQL. The others are about one database already (PostgreSQL's
// schema and migrations, copying between the two) or touch none.
const DATABASE_UNIT_FILES = [
  'tests/unit/lifecycle.test.ts', 'tests/unit/sessions.test.ts', 'tests/unit/password-reset.test.ts', 'tests/unit/mail.test.ts',
  'tests/unit/demo-seed.test.ts', 'tests/unit/reports.test.ts', 'tests/unit/reminders.test.ts', 'tests/unit/ad-request-paging.test.ts',
  'tests/unit/bulk-seed.test.ts', 'tests/unit/visitor-search.test.ts', 'tests/unit/recommendations.test.ts',
]

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

// Unit tests, those on a database once more on PostgreSQL, the app's composables and components
// in a Nuxt runtime (no server: API answers are stubbed per test), and the API suite once on
// SQLite and once on PostgreSQL (the PostgreSQL runs when a server answers; CI always has one).
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
      ...await postgresAvailable('the database unit tests on PostgreSQL')
        ? [{
            test: {
              name: 'unit-postgres',
              include: DATABASE_UNIT_FILES,
              environment: 'node',
              // The tables the domain imports are chosen by NUXT_DATABASE_URL when the process starts.
              env: { NUXT_DATABASE_URL: postgresAdminUrl, TEST_DATABASE_DIALECT: 'postgres' },
              testTimeout: 60_000,
              hookTimeout: 60_000,
            },
          }]
        : [],
      await defineVitestProject({
        test: {
          name: 'nuxt',
          include: ['tests/nuxt/**/*.test.ts'],
          environment: 'nuxt',
          // The first mount of a file starts the app and loads its first page, slow on a busy machine.
          testTimeout: 30_000,
        },
      }),
      apiProject('sqlite'),
      ...await postgresAvailable('the API suite on PostgreSQL') ? [apiProject('postgres')] : [],
    ],
  },
}))
