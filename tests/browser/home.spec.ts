import { TEST_ADMIN_PASSWORD } from '../support/built-server'
import { expect, test } from './fixtures'
import { publishCampaign } from './helpers'

const HERO = 'Where brands and creators make sponsorship deals'

test('the home page introduces the marketplace and leads brands and creators to sign up', async ({ page }) => {
  await page.goto('/')

  await expect(page).toHaveTitle(/Influencia/)
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /marketplace for influencer sponsorships/)
  await expect(page.getByRole('heading', { level: 1, name: HERO })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Run campaigns and choose the right creators' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Find paid work that fits your audience' })).toBeVisible()

  const main = page.getByRole('main')
  await expect(main.getByRole('link', { name: 'Start as a brand' }).first()).toHaveAttribute('href', '/signup?role=sponsor')
  await expect(main.getByRole('link', { name: 'Join as a creator' }).first()).toHaveAttribute('href', '/signup?role=influencer')
})

test('the home page shows the newest live public campaigns and leads to them and to the directory', async ({ page, request }) => {
  const listed = await publishCampaign(request, { title: 'Harness Test Drive', niche: 'pets', budget: 300_000 })
  // A flagged campaign, though live and newer, stays off public pages.
  const flagged = await publishCampaign(request, { title: 'Miracle Kibble', niche: 'pets', budget: 200_000 })
  expect((await request.post('/api/auth/login', { data: { login: 'admin', password: TEST_ADMIN_PASSWORD } })).ok()).toBe(true)
  expect((await request.patch(`/api/admin/campaigns/${flagged.id}`, { data: { flagged: true, reason: 'Claims under review' } })).ok()).toBe(true)
  await request.post('/api/auth/logout')

  await page.goto('/')
  const live = page.locator('#campaigns')
  await expect(live.getByRole('link', { name: flagged.title })).toHaveCount(0)
  await live.getByRole('link', { name: listed.title }).click()
  await expect(page).toHaveURL(`/campaigns/${listed.slug}`)
  await expect(page.getByRole('heading', { level: 1, name: listed.title })).toBeVisible()

  await page.goBack()
  await live.getByRole('link', { name: 'Browse all campaigns' }).click()
  await expect(page).toHaveURL('/campaigns')
  await expect(page.getByRole('heading', { level: 1, name: 'Sponsorship campaigns' })).toBeVisible()
})

test('on a phone the menu leads to the login page and closes behind it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  // The home page ships no JavaScript: the menu is a <details> element and its links load pages.
  await page.goto('/')

  const menu = page.getByRole('navigation', { name: 'Main' })
  await page.getByLabel('Menu').click()
  await menu.getByRole('link', { name: 'Log in' }).click()
  await expect(page).toHaveURL('/login')
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible()
  await expect(menu).toBeHidden()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the home page renders in full and its sign-up link opens the creator form', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('heading', { level: 1, name: HERO })).toBeVisible()

    await page.getByRole('main').getByRole('link', { name: 'Join as a creator' }).first().click()
    await expect(page).toHaveURL('/signup?role=influencer')
    await expect(page.getByRole('radio', { name: 'I’m a creator' })).toBeChecked()
  })

  test('the phone menu opens and leads to the campaign directory', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/')

    await page.getByLabel('Menu').click()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click()
    await expect(page).toHaveURL('/campaigns')
    await expect(page.getByRole('heading', { level: 1, name: 'Sponsorship campaigns' })).toBeVisible()
  })

  test('the phone menu opens and links to the sign-up page', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto('/')

    const menu = page.getByRole('navigation', { name: 'Main' })
    await expect(menu).toBeHidden()
    await page.getByLabel('Menu').click()
    await expect(menu).toBeVisible()
    await menu.getByRole('link', { name: 'Sign up' }).click()
    await expect(page).toHaveURL('/signup')
  })
})
