import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'
import { flagCampaign, gotoHydrated, logInThroughForm, signUp } from './helpers'

async function logIn(page: Page, username: string, landing: string, password?: string) {
  await gotoHydrated(page, '/login')
  await logInThroughForm(page, username, password)
  await expect(page).toHaveURL(landing)
  // The address changes before the dashboard replaces the login page: until then the login
  // page's own header (whose "Campaigns" is the public directory) is still what a click meets.
  await expect(page.getByRole('link', { name: 'Influencia dashboard' })).toBeVisible()
}

test('an influencer finds a campaign by a word, applies, and sees the request on the campaign', async ({ page, request }) => {
  // A new creator each run, so the test can run again: the demo creators may have applied already.
  const creator = await signUp(request, 'influencer', { profile: { niche: 'beauty' } })
  await logIn(page, creator.username, '/influencer', creator.password)
  await gotoHydrated(page, '/influencer/campaigns')
  await expect(page.getByRole('heading', { name: 'Recommended for you' })).toBeVisible()

  await page.getByLabel('Search campaigns').fill('serum')
  await page.getByLabel('Search campaigns').press('Enter')
  await expect(page).toHaveURL(/[?&]q=serum/)
  // Searching narrows the list, so the recommendations make room for the results.
  await expect(page.getByRole('heading', { name: 'Recommended for you' })).toBeHidden()
  const results = page.getByRole('region', { name: 'Matching campaigns' })
  await results.getByRole('link', { name: 'Vitamin C Serum Reviews' }).click()

  await expect(page.getByRole('heading', { level: 2, name: 'Vitamin C Serum Reviews' })).toBeVisible()
  await expect(page.getByText('GlowLab', { exact: true }).first()).toBeVisible()
  await page.getByRole('button', { name: 'Apply', exact: true }).click()

  const dialog = page.getByRole('dialog', { name: 'Apply to Vitamin C Serum Reviews' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('What you will deliver').fill('Two Instagram reels and a story on my morning routine with the serum.')
  await dialog.getByLabel('Message to the brand').fill('My audience asks about skincare after workouts.')
  // The server refuses more than the campaign has left, and the dialog says why.
  await dialog.getByLabel('Asking price').fill('20000')
  await dialog.getByRole('button', { name: 'Send application' }).click()
  await expect(dialog.getByRole('alert')).toContainText(/is more than the campaign's remaining budget of \$[\d,]+/)
  await dialog.getByLabel('Asking price').fill('650')
  await dialog.getByRole('button', { name: 'Send application' }).click()

  await expect(page.getByText('Application sent', { exact: true })).toBeVisible()
  await expect(dialog).toBeHidden()
  const yourRequest = page.getByRole('complementary', { name: 'Your application' })
  await expect(yourRequest.getByText('Pending', { exact: true })).toBeVisible()
  await expect(yourRequest.getByText('$650', { exact: true })).toBeVisible()
  await expect(yourRequest.getByRole('link', { name: 'Open the conversation' })).toHaveAttribute('href', /^\/influencer\/requests\/\d+$/)
  await expect(page.getByRole('button', { name: /^Apply/ })).toHaveCount(0)

  // Still so after a reload: the request comes from the server, not from the page's memory.
  await gotoHydrated(page, page.url())
  await expect(yourRequest.getByText('Pending', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Apply/ })).toHaveCount(0)
})

test('a campaign under review offers a creator who applied before no way to apply, and tells its brand why', async ({ page, otherPage, request }) => {
  const word = `glacier${Date.now().toString(36)}`
  const title = `Ice Cream ${word}`
  const reason = 'Unverifiable health claims in the brief'
  const sponsor = await signUp(request, 'sponsor')
  const creator = await signUp(request, 'influencer')
  expect((await page.request.post('/api/auth/login', { data: { login: sponsor.username, password: sponsor.password } })).ok()).toBe(true)
  const created = await page.request.post('/api/campaigns', {
    data: { title, description: 'Summer flavours.', niche: 'food', startDate: new Date().toISOString().slice(0, 10), endDate: '2099-01-01', visibility: 'public', budget: 100_000, status: 'active' },
  })
  expect(created.status()).toBe(201)
  const campaign = await created.json() as { id: number }

  // The creator applied once and withdrew; then a moderator flagged the campaign.
  expect((await otherPage.request.post('/api/auth/login', { data: { login: creator.username, password: creator.password } })).ok()).toBe(true)
  const applied = await otherPage.request.post('/api/ad-requests', { data: { campaignId: campaign.id, requirements: 'One reel', paymentAmount: 30_000 } })
  expect(applied.status()).toBe(201)
  const { id: requestId } = await applied.json() as { id: number }
  expect((await otherPage.request.post(`/api/ad-requests/${requestId}/withdraw`, { data: {} })).ok()).toBe(true)
  await flagCampaign(request, campaign.id, reason)

  // The creator still finds it, marked under review, and is offered nothing the server would refuse.
  await gotoHydrated(otherPage, `/influencer/campaigns?q=${word}`)
  const results = otherPage.getByRole('region', { name: 'Matching campaigns' })
  const card = results.getByRole('article').filter({ has: otherPage.getByRole('link', { name: title }) })
  await expect(card.getByText('Under review', { exact: true })).toBeVisible()
  await expect(results.getByRole('button', { name: /Apply/ })).toHaveCount(0)

  await card.getByRole('link', { name: title }).click()
  await expect(otherPage.getByRole('heading', { level: 2, name: title })).toBeVisible()
  await expect(otherPage.getByText('Under review', { exact: true })).toBeVisible()
  const aside = otherPage.getByRole('complementary', { name: 'Your application' })
  await expect(aside.getByText('Withdrawn', { exact: true })).toBeVisible()
  await expect(aside.getByText('A moderator is reviewing this campaign. It takes no new applications until the review ends.')).toBeVisible()
  await expect(otherPage.getByRole('button', { name: /Apply/ })).toHaveCount(0)
  // Why is between the brand and the moderators.
  await expect(otherPage.getByText(reason)).toHaveCount(0)

  await gotoHydrated(page, `/sponsor/campaigns/${campaign.id}`)
  await expect(page.getByText('Under review by a moderator')).toBeVisible()
  await expect(page.getByText(`Reason: ${reason}`)).toBeVisible()
})

test('the niche filter shows only campaigns of that niche and lives in the URL', async ({ page }) => {
  await logIn(page, 'leo', '/influencer')
  await gotoHydrated(page, '/influencer/campaigns')

  await page.getByRole('combobox', { name: 'Niche' }).click()
  await page.getByRole('option', { name: 'Beauty' }).click()
  await expect(page).toHaveURL(/[?&]niche=beauty/)

  const cards = page.getByRole('region', { name: 'Matching campaigns' }).getByRole('article')
  await expect(cards.first()).toBeVisible()
  await expect(cards.getByRole('link', { name: 'Vitamin C Serum Reviews' })).toBeVisible()
  for (const card of await cards.all()) await expect(card.getByText('Beauty', { exact: true })).toBeVisible()
  // Other niches' live campaigns are left out.
  await expect(page.getByRole('link', { name: 'Summer Trail Gear Launch' })).toHaveCount(0)

  // Reloading keeps the filter.
  await gotoHydrated(page, page.url())
  await expect(page.getByRole('combobox', { name: 'Niche' })).toHaveText(/Beauty/)
  await expect(cards.getByRole('link', { name: 'Vitamin C Serum Reviews' })).toBeVisible()
})

test('an influencer edits location and minimum rate, and finds them after a reload', async ({ page }) => {
  const location = `Hamburg, DE ${Date.now().toString(36)}`
  await logIn(page, 'mia', '/influencer')
  await gotoHydrated(page, '/influencer/profile')

  await expect(page.getByLabel('Display name')).toHaveValue('Mia Fit')
  await page.getByLabel('Location').fill(location)
  await page.getByLabel('Minimum rate').fill('525.50')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Profile saved', { exact: true })).toBeVisible()

  await gotoHydrated(page, '/influencer/profile')
  await expect(page.getByLabel('Location')).toHaveValue(location)
  await expect(page.getByLabel('Minimum rate')).toHaveValue('$525.50')
})

test('an influencer renames themself and the sidebar shows the new name', async ({ page }) => {
  const name = `Leo Builds ${Date.now().toString(36)}`
  await logIn(page, 'leo', '/influencer')
  await gotoHydrated(page, '/influencer/profile')

  await page.getByLabel('Display name').fill(name)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Profile saved', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: `${name} Influencer` })).toBeVisible()
})

test('a sponsor edits its brand profile and finds it after a reload', async ({ page }) => {
  const sector = `Fintech ${Date.now().toString(36)}`
  await logIn(page, 'novabank', '/sponsor')
  await gotoHydrated(page, '/sponsor/profile')

  await expect(page.getByLabel('Company')).toHaveValue('Nova Bank')
  await page.getByLabel('Sector').fill(sector)
  await page.getByLabel('Website').fill('not a url')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Enter a full URL, e.g. https://example.com')).toBeVisible()

  await page.getByLabel('Website').fill('https://nova-bank.example')
  await page.getByRole('button', { name: 'Save changes' }).click()
  await expect(page.getByText('Profile saved', { exact: true })).toBeVisible()

  await gotoHydrated(page, '/sponsor/profile')
  await expect(page.getByLabel('Sector')).toHaveValue(sector)
  await expect(page.getByLabel('Website')).toHaveValue('https://nova-bank.example')
})
