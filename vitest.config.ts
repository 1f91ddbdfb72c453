import { defineConfig } from 'vitest/config'

// Two projects: unit tests of plain functions, and API tests against the production build
// (built once by `npm run build` before vitest runs) served on a throw-away database.
export default defineConfig({
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
      {
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/api-global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
