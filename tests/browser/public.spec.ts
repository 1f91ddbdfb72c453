import type { APIRequestContext } from '@playwright/test'
import { expect, test } from './fixtures'
import { DEMO_PASSWORD, publishCampaign } from './helpers'

// The public pages as a visitor with JavaScript turned off meets them: the directory, its
// filters and the campaign page work by plain links and a GET form.
test.use({ javaScriptEnabled: false })

/** A live public campaign in a niche the demo data leaves empty, so the niche filter finds it. */
const publicCampaign = (request: APIRequestContext) => publishCampaign(request, { title: 'Puppy Walk Week', niche: 'pets', budget: 450_000 })

test('a visitor finds a campaign by niche, opens it, applies, logs in as a creator and lands on it in the dashboard', async ({ page, request }) => {
  const campaign = await publicCampaign(request)

  await page.goto('/')
  await page.getByRole('banner').getByRole('link', { name: 'Campaigns' }).click()
  await expect(page).toHaveURL('/campaigns')
  await expect(page.getByRole('heading', { level: 1, name: 'Sponsorship campaigns' })).toBeVisible()

  const search = page.getByRole('search', { name: 'Search campaigns' })
  await search.getByLabel('Niche').selectOption('pets')
  await search.getByRole('button', { name: 'Show campaigns' }).click()
  await expect(page).toHaveURL(/\/campaigns\?.*niche=pets/)
  await expect(page.getByRole('heading', { level: 1, name: 'Pets sponsorship campaigns' })).toBeVisible()
  await expect(search.getByLabel('Niche')).toHaveValue('pets')

  await page.getByRole('link', { name: campaign.title }).click()
  await expect(page).toHaveURL(`/campaigns/${campaign.slug}`)
  await expect(page.getByRole('heading', { level: 1, name: campaign.title })).toBeVisible()
  const fact = (term: string) => page.getByRole('complementary').locator('dl > div')
    .filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^\\s*${term}\\s*$`) }) }).getByRole('definition')
  await expect(fact('Brand')).toHaveText(campaign.company)
  await expect(fact('Niche')).toHaveText('Pets')
  await expect(fact('Budget')).toHaveText('$4,500')
  await expect(fact('Status')).toHaveText('Active')
  await expect(page.getByRole('navigation', { name: 'breadcrumb' }).getByRole('link', { name: 'Campaigns' })).toHaveAttribute('href', '/campaigns')

  await page.getByRole('link', { name: 'Apply' }).click()
  const dashboardPath = `/influencer/campaigns/${campaign.id}`
  await expect(page).toHaveURL(`/login?redirect=${dashboardPath}`)
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible()

  // The login form works without JavaScript too: a wrong password sends the visitor back to
  // it saying so, still on the way to the campaign; the right one goes on to the dashboard.
  await page.getByLabel('Username or email').fill('mia')
  await page.getByLabel('Password', { exact: true }).fill('not-her-password')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page).toHaveURL(`/login?error=wrong&redirect=${encodeURIComponent(dashboardPath)}`)
  await expect(page.getByRole('alert')).toHaveText('Wrong username, email or password')

  await page.getByLabel('Username or email').fill('mia')
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page).toHaveURL(dashboardPath)
  await expect(page.getByRole('heading', { name: campaign.title })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Apply' })).toBeVisible()
})

test('a visitor new to the site is led to the creator sign-up, and a brand to its own', async ({ page, request }) => {
  const campaign = await publicCampaign(request)

  await page.goto(`/campaigns/${campaign.slug}`)
  await page.getByRole('link', { name: 'Create a creator account' }).click()
  await expect(page).toHaveURL(`/signup?role=influencer&redirect=/influencer/campaigns/${campaign.id}`)
  await expect(page.getByRole('radio', { name: 'I’m a creator' })).toBeChecked()

  await page.goBack()
  await page.getByRole('complementary').getByRole('link', { name: 'Start as a brand' }).click()
  await expect(page).toHaveURL('/signup?role=sponsor')
  await expect(page.getByRole('radio', { name: 'I represent a brand' })).toBeChecked()
})

test('a campaign its brand cancelled is a helpful 404 that leads back to the directory', async ({ page, request }) => {
  const campaign = await publicCampaign(request)
  expect((await page.goto(`/campaigns/${campaign.slug}`))?.status()).toBe(200)

  expect((await request.post('/api/auth/login', { data: { login: campaign.sponsor.username, password: campaign.sponsor.password } })).ok()).toBe(true)
  expect((await request.delete(`/api/campaigns/${campaign.id}`)).ok()).toBe(true)

  const response = await page.goto(`/campaigns/${campaign.slug}`)
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Campaign not found' })).toBeVisible()
  await page.getByRole('link', { name: 'Browse campaigns' }).click()
  await expect(page).toHaveURL('/campaigns')
})
