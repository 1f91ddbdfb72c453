import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { expect, test } from './fixtures'
import { expectAccessible, gotoHydrated, signUp } from './helpers'

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

test('a sponsor exports their campaigns, sees the file become ready without a reload, downloads a CSV that holds them, and is notified', async ({ page }) => {
  const sponsor = await signUp(page.request, 'sponsor', { displayName: 'Export Co' })
  expect((await page.request.post('/api/auth/login', { data: { login: sponsor.username, password: sponsor.password } })).ok()).toBe(true)
  const titles = ['Trail "Run", Café ☕', 'Winter gear week']
  for (const [index, title] of titles.entries()) {
    const created = await page.request.post('/api/campaigns', {
      data: {
        title, description: 'Two reels and a story about our new shoes.', goals: index === 0 ? '=1+1' : 'Reach',
        niche: 'fitness', startDate: day(-1), endDate: day(30), visibility: 'public', budget: 250_000 + index, status: 'active',
      },
    })
    expect(created.status(), await created.text()).toBe(201)
  }

  await gotoHydrated(page, '/sponsor')
  await page.getByRole('link', { name: 'Exports' }).first().click()
  await expect(page).toHaveURL('/sponsor/exports')
  await expect(page.getByText('No exports yet')).toBeVisible()
  await expectAccessible(page, 'the empty exports page')

  const started = page.waitForResponse(r => r.url().endsWith('/api/exports') && r.request().method() === 'POST')
  await page.getByRole('button', { name: 'Export CSV of campaigns' }).click()
  const queued = await (await started).json() as { id: number }
  expect((await started).status()).toBe(202)
  const exports = page.getByRole('table')
  await expect(exports.getByRole('row').filter({ hasText: 'Campaigns' })).toHaveCount(1)

  // The live stream brings the end: the row turns ready without a reload.
  const row = exports.getByRole('row').filter({ hasText: 'Campaigns' })
  await expect(row.getByText('Ready')).toBeVisible()
  await expect(row.getByRole('cell', { name: /^2 rows · \d+(\.\d)? k?B$/ })).toBeVisible()
  await expectAccessible(page, 'the exports page with a finished export')

  const downloading = page.waitForEvent('download')
  await row.getByRole('link', { name: /^Download the campaigns export/ }).click()
  const file = await downloading
  expect(file.suggestedFilename()).toMatch(new RegExp(`^influencia-campaigns-\\d{4}-\\d{2}-\\d{2}-${queued.id}\\.csv$`))
  const bytes = readFileSync((await file.path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xEF, 0xBB, 0xBF])
  const records = parse(bytes, { bom: true, columns: true }) as Record<string, string>[]
  expect(records.map(r => [r.Title, r.Goals, r['Budget (USD)']])).toEqual([
    [titles[0], '\'=1+1', '2500.00'],
    [titles[1], 'Reach', '2500.01'],
  ])

  await page.getByRole('button', { name: /^Notifications/ }).click()
  const inbox = page.getByRole('dialog', { name: 'Notifications' })
  await expect(inbox.getByRole('link', { name: /Your campaigns export is ready/ })).toHaveAttribute('href', `/api/exports/${queued.id}/download`)
})
