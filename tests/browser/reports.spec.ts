import { formatMonth } from '../../shared/notification-text'
import { TEST_ADMIN_PASSWORD } from '../support/built-server'
import { expect, test } from './fixtures'
import { DEMO_PASSWORD, gotoHydrated } from './helpers'

/** The month before this one, `YYYY-MM` (the test server's NUXT_TZ is UTC). */
function lastMonth() {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7)
}

// The task tells each sponsor once a month; run again (as --repeat-each does) it tells nobody
// new, and the sponsor's notification is still there to follow.
test('a sponsor opens last month\'s report from the notification that says it is ready', async ({ page, request }) => {
  expect((await request.post('/api/auth/login', { data: { login: 'admin', password: TEST_ADMIN_PASSWORD } })).ok()).toBe(true)
  const run = await request.post('/api/admin/jobs/reports:monthly/run')
  expect(await run.json()).toMatchObject({ outcome: 'succeeded' })

  expect((await page.request.post('/api/auth/login', { data: { login: 'acme', password: DEMO_PASSWORD } })).ok()).toBe(true)
  await gotoHydrated(page, '/sponsor')
  await page.getByRole('button', { name: /^Notifications/ }).click()
  const inbox = page.getByRole('dialog', { name: 'Notifications' })
  const month = lastMonth()
  await inbox.getByRole('link', { name: new RegExp(`^Your report for ${formatMonth(month)} is ready`) }).click()

  await expect(page).toHaveURL(`/sponsor/reports?month=${month}`)
  await expect(page.getByRole('heading', { level: 1, name: `Activity in ${formatMonth(month)}` })).toBeVisible()
  await expect(page.getByRole('combobox', { name: 'Month' })).toHaveText(formatMonth(month))
  await expect(page.getByRole('heading', { name: `Compared with ${formatMonth(previous(month))}` })).toBeVisible()

  // The month picker moves to the month before, in the address too.
  await page.getByRole('link', { name: `Previous month: ${formatMonth(previous(month))}` }).click()
  await expect(page).toHaveURL(`/sponsor/reports?month=${previous(month)}`)
  await expect(page.getByRole('heading', { level: 1, name: `Activity in ${formatMonth(previous(month))}` })).toBeVisible()
})

function previous(month: string) {
  const [year, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, m - 2, 1)).toISOString().slice(0, 7)
}
