import type { Page } from '@playwright/test'
import { formatCents } from '../../shared/money'
import { TEST_ADMIN_PASSWORD } from '../support/built-server'
import { expect, test } from './fixtures'
import { expectGreeting, gotoHydrated, logInThroughForm, signUp } from './helpers'

// The whole run shares one seeded database, and other journeys rely on the demo accounts and
// campaigns as seeded: what these tests change, they create first.
test.describe.configure({ timeout: 120_000 })

function tag() {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`
}

function day(offset: number) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
}

async function logInAsAdmin(page: Page) {
  const response = await page.request.post('/api/auth/login', { data: { login: 'admin', password: TEST_ADMIN_PASSWORD } })
  expect(response.ok()).toBe(true)
}

async function adminUser(page: Page, username: string) {
  const response = await page.request.get('/api/admin/users', { params: { q: username } })
  const { items } = await response.json() as { items: { username: string, status: string, flagged: boolean }[] }
  return items.find(u => u.username === username)
}

test('the overview shows the platform figures and charts, hydrating cleanly', async ({ page }) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (/hydration|\[Vue warn\]/i.test(message.text())) problems.push(message.text())
  })

  await gotoHydrated(page, '/login')
  await logInThroughForm(page, 'admin', TEST_ADMIN_PASSWORD)
  await expect(page).toHaveURL('/admin')
  await expectGreeting(page, 'Platform Admin')

  // A fresh load, so the page is rendered by the server and then hydrated.
  await gotoHydrated(page, '/admin')
  const stats = await (await page.request.get('/api/admin/stats')).json() as {
    users: { total: number, pendingSponsors: number }
    money: { committed: number }
    campaigns: { total: number }
  }

  await expect(page.getByText('Money committed', { exact: true }).locator('..')).toContainText(formatCents(stats.money.committed))
  await expect(page.getByRole('link', { name: new RegExp(`^Users ${stats.users.total} `) })).toBeVisible()
  const pending = page.getByRole('link').filter({ hasText: 'Sponsors to approve' })
  await expect(pending).toContainText(String(stats.users.pendingSponsors))
  await expect(pending).toHaveAttribute('href', '/admin/users?role=sponsor&status=pending')
  await expect(page.getByText(`${stats.campaigns.total} campaigns`, { exact: true })).toBeVisible()

  for (const chart of [/^Sign-ups per day/, /^Campaigns by status/, /^Ad requests by status/]) {
    await expect(page.getByRole('img', { name: chart }).locator('svg').first()).toBeVisible()
  }
  expect(problems).toEqual([])
})

test('an admin finds a new sponsor, approves and flags them', async ({ page, request }) => {
  const sponsor = await signUp(request, 'sponsor', { pending: true })
  await logInAsAdmin(page)
  await gotoHydrated(page, '/admin/users')

  await page.getByRole('searchbox', { name: 'Search users' }).fill(sponsor.username)
  await expect(page).toHaveURL(new RegExp(`q=${sponsor.username}`))
  const rows = page.locator('tbody tr')
  await expect(rows).toHaveCount(1)
  const row = rows.filter({ hasText: sponsor.displayName })
  await expect(row.getByText('Awaiting approval')).toBeVisible()

  await row.getByRole('button', { name: `Approve ${sponsor.displayName}` }).click()
  await expect(page.getByText('Sponsor approved', { exact: true })).toBeVisible()
  await expect(row.getByText('Active', { exact: true })).toBeVisible()
  expect((await adminUser(page, sponsor.username))?.status).toBe('active')

  await row.getByRole('button', { name: `Actions for ${sponsor.displayName}` }).click()
  await page.getByRole('menuitem', { name: 'Flag…' }).click()
  const dialog = page.getByRole('dialog', { name: `Flag ${sponsor.displayName}` })
  await dialog.getByRole('button', { name: 'Flag user' }).click()
  await expect(dialog.getByText('Say why, in a few words')).toBeVisible()
  await dialog.getByLabel('Reason').fill('Company details do not match the website.')
  await dialog.getByRole('button', { name: 'Flag user' }).click()

  await expect(page.getByText('User flagged', { exact: true })).toBeVisible()
  await expect(dialog).toBeHidden()
  await expect(row.getByText('Flagged', { exact: true })).toBeVisible()
  expect((await adminUser(page, sponsor.username))?.flagged).toBe(true)
})

test('a flagged campaign leaves the public list', async ({ page, request, playwright, baseURL }) => {
  const sponsor = await signUp(request, 'sponsor', { pending: true })
  await logInAsAdmin(page)
  expect((await page.request.patch(`/api/admin/users/${sponsor.id}`, { data: { status: 'active' } })).ok()).toBe(true)
  expect((await request.post('/api/auth/login', { data: { login: sponsor.username, password: sponsor.password } })).ok()).toBe(true)
  const title = `Lantern Night Walks ${tag()}`
  const created = await request.post('/api/campaigns', {
    data: {
      title, description: 'Evening hikes with our new head torches.', niche: 'travel',
      startDate: day(0), endDate: day(30), visibility: 'public', budget: 300_000, status: 'active',
    },
  })
  expect(created.status()).toBe(201)

  const anonymous = await playwright.request.newContext({ baseURL })
  const publicList = async () => (await (await anonymous.get('/api/campaigns', { params: { q: title } })).json() as { items: { title: string }[] }).items
  expect((await publicList()).map(c => c.title)).toContain(title)

  await gotoHydrated(page, '/admin/campaigns')
  await page.getByRole('searchbox', { name: 'Search campaigns' }).fill(title)
  const row = page.locator('tbody tr').filter({ hasText: title })
  await expect(page.locator('tbody tr')).toHaveCount(1)
  await row.getByRole('button', { name: `Flag ${title}` }).click()
  const dialog = page.getByRole('dialog', { name: `Flag “${title}”` })
  await dialog.getByLabel('Reason').fill('Misleading claims about the product.')
  await dialog.getByRole('button', { name: 'Flag campaign' }).click()

  await expect(page.getByText('Campaign flagged', { exact: true })).toBeVisible()
  await expect(row.getByText('Flagged', { exact: true }).locator('visible=true')).toBeVisible()
  await expect(row.getByRole('button', { name: `Unflag ${title}` })).toBeVisible()
  expect(await publicList()).toEqual([])
  await anonymous.dispose()
})

test('an admin filters the ad requests and reads one request’s history', async ({ page }) => {
  await logInAsAdmin(page)
  await gotoHydrated(page, '/admin/requests')

  await page.getByRole('combobox', { name: 'Status' }).click()
  await page.getByRole('option', { name: 'Completed' }).click()
  await expect(page).toHaveURL('/admin/requests?status=completed')
  const rows = page.locator('tbody tr')
  await expect(rows.first().getByText('Completed', { exact: true }).locator('visible=true')).toBeVisible()

  const list = await (await page.request.get('/api/ad-requests', { params: { status: 'completed', pageSize: 1 } })).json() as { items: { id: number }[] }
  const detail = await (await page.request.get(`/api/ad-requests/${list.items[0]!.id}`)).json() as {
    id: number
    campaign: { title: string }
    history: { actorName: string, message?: string }[]
  }
  expect(detail.history.length).toBeGreaterThan(0)

  await page.getByRole('button', { name: new RegExp(`^Open request #${detail.id}:`) }).click()
  const slideover = page.getByRole('dialog', { name: detail.campaign.title })
  await expect(slideover.getByRole('heading', { name: 'History' })).toBeVisible()
  const timeline = slideover.locator('[data-slot="item"]')
  await expect(timeline).toHaveCount(detail.history.length)
  for (const [i, event] of detail.history.entries()) {
    await expect(timeline.nth(i)).toContainText(event.actorName)
    if (event.message) await expect(timeline.nth(i)).toContainText(event.message)
  }
  await page.keyboard.press('Escape')
  await expect(slideover).toBeHidden()
})
