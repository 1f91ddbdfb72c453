import type { APIRequestContext, Page } from '@playwright/test'
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

  // And back: the creator accepts, the sponsor's open page shows the deal agreed. The sponsor's
  // inbox holds the approval of their account and the application so far.
  const sponsorBell = otherPage.getByRole('button', { name: /^Notifications/ })
  await expect(sponsorBell).toHaveText('Notifications2')
  await page.getByRole('button', { name: 'Accept' }).click()
  await page.getByRole('dialog').getByRole('button', { name: /Accept/ }).click()
  await expect(otherPage.getByTestId('request-status')).toHaveText('Accepted')
  await expect(sponsorBell).toHaveText('Notifications3')
  expect(await stillTheSamePage(otherPage)).toBe(true)
})
