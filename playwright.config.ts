import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { defineConfig, devices } from '@playwright/test'
import { TEST_ADMIN_PASSWORD, TEST_JWT_SECRET } from './tests/support/built-server'

const PORT = Number(process.env.BROWSER_TEST_PORT ?? 3217)
const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .find(p => p && existsSync(p))

// Browser journeys run in Debian's Chromium against the production build, on a fresh
// database seeded with the demo data.
export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 120_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
  ],
  webServer: {
    command: 'node .output/server/index.mjs',
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      NODE_ENV: 'production',
      // No scheduled task fires behind the journeys (see tests/support/built-server.ts).
      TEST: 'true',
      HOST: '127.0.0.1',
      PORT: String(PORT),
      NUXT_DB_PATH: join(mkdtempSync(join(tmpdir(), 'influencia-browser-')), 'browser.sqlite'),
      NUXT_JWT_SECRET: TEST_JWT_SECRET,
      NUXT_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      NUXT_SEED_DEMO: 'true',
      NUXT_COOKIE_SECURE: 'false',
      // Links in e-mails (read from the outbox) lead back to this server.
      NUXT_PUBLIC_SITE_URL: `http://localhost:${PORT}`,
      // Every browser in the run logs in and asks for reset links from 127.0.0.1: the per-address limits
      // are tested by the API suite.
      NUXT_LOGIN_MAX_ATTEMPTS_PER_CLIENT: '10000',
      NUXT_PASSWORD_RESET_MAX_PER_CLIENT: '10000',
    },
  },
})
