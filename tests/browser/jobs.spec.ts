import { TEST_ADMIN_PASSWORD } from '../support/built-server'
import { expect, test } from './fixtures'
import { gotoHydrated } from './helpers'

// No schedule fires on the test server (TEST is set): the run on the page is the one the admin starts.
test('an admin sees the lifecycle task with its schedule, runs it now and sees the run recorded', async ({ page }) => {
  expect((await page.request.post('/api/auth/login', { data: { login: 'admin', password: TEST_ADMIN_PASSWORD } })).ok()).toBe(true)
  await gotoHydrated(page, '/admin')
  await page.getByRole('link', { name: 'Scheduled jobs' }).first().click()
  await expect(page).toHaveURL('/admin/jobs')

  const card = page.getByRole('region', { name: 'campaigns:lifecycle' })
  await expect(card.getByText('Every minute')).toBeVisible()
  await expect(card.getByText('* * * * *')).toBeVisible()

  const answered = page.waitForResponse(r => decodeURIComponent(r.url()).endsWith('/api/admin/jobs/campaigns:lifecycle/run') && r.request().method() === 'POST')
  await card.getByRole('button', { name: 'Run now: campaigns:lifecycle' }).click()
  const run = await (await answered).json() as { id: number, outcome: string, summary: string, startedAt: string }
  expect(run.outcome).toBe('succeeded')
  await expect(page.getByText('campaigns:lifecycle ran', { exact: true })).toBeVisible()

  await card.getByRole('button', { name: /^Recent runs/ }).click()
  const runs = card.getByRole('table')
  const time = new Date(run.startedAt)
  const clock = `${String(time.getUTCHours()).padStart(2, '0')}:${String(time.getUTCMinutes()).padStart(2, '0')} UTC`
  await expect(runs.getByRole('row').filter({ hasText: clock }).filter({ hasText: 'Succeeded' }).filter({ hasText: run.summary }).first()).toBeVisible()
})
