import { expect, test } from './fixtures'
import { gotoHydrated } from './helpers'

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

test('on a phone the menu leads to the login page and closes behind it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await gotoHydrated(page, '/')

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
