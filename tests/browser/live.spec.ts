import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { APIRequestContext, Page } from '@playwright/test'
import { newAccount } from '../support/api-client'
import { startBuiltServer } from '../support/built-server'
import type { RunningServer } from '../support/built-server'
import { expect, test } from './fixtures'
import { gotoHydrated, signUp } from './helpers'

// Live updates: what one party does shows on the other's open page, without a reload.
test.describe.configure({ timeout: 120_000 })

function day(offset: number) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
}

async function logIn(request: APIRequestContext, account: { username: string, password: string }) {
  expect((await request.post('/api/auth/login', { data: { login: account.username, password: account.password } })).ok()).toBe(true)
}

/** Opens `url` and waits until its live stream is open: what happens from then on must show. */
async function openListening(page: Page, url: string) {
  const streaming = page.waitForResponse(response => new URL(response.url()).pathname === '/api/events' && response.status() === 200)
  await gotoHydrated(page, url)
  await streaming
  // Survives only as long as the page is not loaded again.
  await page.evaluate(() => { (window as { notReloaded?: boolean }).notReloaded = true })
}

const stillTheSamePage = (page: Page) => page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded === true)

test('a creator on a request sees the sponsor\'s counter-offer arrive, and the sponsor sees it accepted', async ({ page, otherPage, request }) => {
  const sponsor = await signUp(request, 'sponsor')
  const creator = await signUp(request, 'influencer')
  await logIn(otherPage.request, sponsor)
  await logIn(page.request, creator)
  const title = `Live deal ${Date.now().toString(36)}`
  const created = await otherPage.request.post('/api/campaigns', {
    data: { title, description: 'Checks live updates.', niche: 'fitness', startDate: day(0), endDate: day(20), visibility: 'public', budget: 100_000, status: 'active' },
  })
  expect(created.status()).toBe(201)
  const campaign = await created.json() as { id: number }
  const applied = await page.request.post('/api/ad-requests', { data: { campaignId: campaign.id, requirements: 'One reel', paymentAmount: 30_000 } })
  expect(applied.status()).toBe(201)
  const { id } = await applied.json() as { id: number }

  // The creator waits on the request page, the bell in the sidebar.
  await openListening(page, `/influencer/requests/${id}`)
  const bell = page.getByRole('button', { name: /^Notifications/ })
  await expect(bell).toHaveText('Notifications')
  const status = page.getByTestId('request-status')
  await expect(status).toHaveText('Pending')

  // The sponsor counters from their own browser.
  await openListening(otherPage, `/sponsor/requests/${id}`)
  await otherPage.getByRole('button', { name: 'Counter-offer' }).click()
  const dialog = otherPage.getByRole('dialog', { name: 'Make a counter-offer' })
  await dialog.getByLabel('Your offer').fill('450')
  await dialog.getByRole('button', { name: 'Send counter-offer' }).click()
  await expect(otherPage.getByText('Counter-offer sent', { exact: true })).toBeVisible()

  await expect(bell).toHaveText('Notifications1')
  await expect(status).toHaveText('Negotiating')
  await expect(page.getByTestId('amount-on-table')).toHaveText('$450')
  await expect(page.getByText('Waiting for your answer')).toBeVisible()
  await bell.click()
  const inbox = page.getByRole('dialog', { name: 'Notifications' })
  await expect(inbox.getByRole('link', { name: new RegExp(`Counter-offer on ${title}.*New amount: \\$450`) })).toBeVisible()
  await page.keyboard.press('Escape')
  expect(await stillTheSamePage(page)).toBe(true)

  // And back: the creator accepts, the sponsor's open request page shows the deal agreed, and
  // their dashboard in another tab lists it in progress. The sponsor's inbox holds the approval
  // of their account and the application so far.
  const dashboard = await otherPage.context().newPage()
  await openListening(dashboard, '/sponsor')
  const inProgress = dashboard.getByRole('region', { name: /Deals in progress/ })
  await expect(inProgress).toContainText('No deal in progress')
  const sponsorBell = otherPage.getByRole('button', { name: /^Notifications/ })
  await expect(sponsorBell).toHaveText('Notifications2')
  await page.getByRole('button', { name: 'Accept' }).click()
  await page.getByRole('dialog').getByRole('button', { name: /Accept/ }).click()
  await expect(otherPage.getByTestId('request-status')).toHaveText('Accepted')
  await expect(sponsorBell).toHaveText('Notifications3')
  await expect(inProgress).toContainText(title)
  expect(await stillTheSamePage(dashboard)).toBe(true)
  expect(await stillTheSamePage(otherPage)).toBe(true)
})

test('after its server went away and its access cookie expired, the page catches up on what it missed', async ({ page, otherPage }) => {
  // Two instances of the app on one database, as behind a load balancer: the creator's page talks
  // to one, which is restarted; the sponsor acts on the other meanwhile.
  const dir = mkdtempSync(join(tmpdir(), 'influencia-live-browser-'))
  const dbPath = join(dir, 'live.sqlite')
  let front: RunningServer | undefined
  let back: RunningServer | undefined
  try {
    front = await startBuiltServer({}, { database: dbPath })
    back = await startBuiltServer({}, { database: dbPath })
    const account = newAccount('influencer')
    expect((await page.request.post(`${front.url}/api/auth/signup`, { data: account })).status()).toBe(201)
    expect((await otherPage.request.post(`${back.url}/api/auth/login`, { data: { login: 'acme', password: 'demo-password' } })).ok()).toBe(true)
    const created = await otherPage.request.post(`${back.url}/api/campaigns`, {
      data: { title: `Live catch-up ${Date.now().toString(36)}`, description: 'Checks the catch-up.', niche: 'fitness', startDate: day(0), endDate: day(20), visibility: 'public', budget: 100_000, status: 'active' },
    })
    expect(created.status()).toBe(201)
    const campaign = await created.json() as { id: number }
    const applied = await page.request.post(`${front.url}/api/ad-requests`, { data: { campaignId: campaign.id, requirements: 'One reel', paymentAmount: 30_000 } })
    expect(applied.status()).toBe(201)
    const { id } = await applied.json() as { id: number }

    await openListening(page, `${front.url}/influencer/requests/${id}`)
    const bell = page.getByRole('button', { name: /^Notifications/ })
    await expect(bell).toHaveText('Notifications')

    // The page's server shuts down (its stream ends), and the short-lived access cookie expires.
    const port = new URL(front.url).port
    await front.stop()
    await page.context().clearCookies({ name: 'influencia_access' })
    const countered = await otherPage.request.post(`${back.url}/api/ad-requests/${id}/counter`, { data: { paymentAmount: 47_500 } })
    expect(countered.status()).toBe(200)

    // Back on the same address: the stream is refused (401), the session refreshed through the
    // API, and a new stream resumes from the last message, so the counter-offer is caught up.
    const resumed = page.waitForResponse(response => new URL(response.url()).pathname === '/api/events' && response.status() === 200)
    front = await startBuiltServer({ PORT: port }, { database: dbPath })
    expect(new URL((await resumed).url()).searchParams.get('lastEventId')).toMatch(/^\d+$/)
    await expect(bell).toHaveText('Notifications1')
    await expect(page.getByTestId('amount-on-table')).toHaveText('$475')
    await expect(page.getByTestId('request-status')).toHaveText('Negotiating')
    expect(await stillTheSamePage(page)).toBe(true)
  }
  finally {
    await Promise.all([front?.stop(), back?.stop()])
    rmSync(dir, { recursive: true, force: true })
  }
})
