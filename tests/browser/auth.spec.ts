import { expect, test } from './fixtures'
import { expectGreeting, gotoHydrated, logInThroughForm } from './helpers'

test('an influencer signs up, logs out and logs back in with their email', async ({ page }) => {
  const username = `casey_${Date.now().toString(36)}`
  const email = `${username}@creators.example`
  const password = 'a-long-password'

  await gotoHydrated(page, '/signup?role=influencer')
  await expect(page.getByRole('radio', { name: 'I’m a creator' })).toBeChecked()
  await page.getByLabel('Display name').fill('Casey Rivers')
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('combobox', { name: 'Niche' }).click()
  await page.getByRole('option', { name: 'Travel' }).click()
  await page.getByLabel('Audience size').fill('12500')
  await page.getByLabel('Minimum rate').fill('250')
  await page.getByRole('button', { name: 'Create account' }).click()

  await expect(page).toHaveURL('/influencer')
  await expectGreeting(page, 'Casey Rivers')
  await expect(page.getByRole('definition').getByText('Travel', { exact: true })).toBeVisible()
  // Typed in dollars, stored in cents, shown in dollars again.
  await expect(page.getByRole('definition').getByText('$250', { exact: true })).toBeVisible()

  await page.getByRole('button', { name: /Casey Rivers (Influencer|Sponsor)$/ }).click()
  await page.getByRole('menuitem', { name: 'Log out' }).click()
  await expect(page).toHaveURL('/login')

  // The session is over on the server too: the dashboard now asks to log in.
  await gotoHydrated(page, '/influencer')
  await expect(page).toHaveURL('/login?redirect=/influencer')

  await logInThroughForm(page, email, password)
  await expect(page).toHaveURL('/influencer')
  await expectGreeting(page, 'Casey Rivers')
})

test('signing up with a taken username shows the server’s answer on the username field', async ({ page }) => {
  await gotoHydrated(page, '/signup?role=influencer')
  await page.getByLabel('Display name').fill('Another Mia')
  await page.getByLabel('Username').fill('mia')
  await page.getByLabel('Email').fill(`another-mia-${Date.now().toString(36)}@creators.example`)
  await page.getByLabel('Password', { exact: true }).fill('a-long-password')
  await page.getByRole('combobox', { name: 'Niche' }).click()
  await page.getByRole('option', { name: 'Fitness' }).click()
  await page.getByLabel('Audience size').fill('900')
  await page.getByRole('button', { name: 'Create account' }).click()

  const username = page.getByLabel('Username')
  await expect(page.getByText('This username is taken')).toBeVisible()
  await expect(username).toHaveAttribute('aria-invalid', 'true')
  await expect(username).toHaveAccessibleDescription(/This username is taken/)
  await expect(page).toHaveURL(/\/signup/)
})

test('a sponsor signing up sees their brand’s profile and that it awaits approval', async ({ page }) => {
  const username = `brand_${Date.now().toString(36)}`

  await gotoHydrated(page, '/signup')
  await page.getByRole('radio', { name: 'I represent a brand' }).click()
  await expect(page).toHaveURL('/signup?role=sponsor')
  await page.getByLabel('Display name').fill('Fjord Coffee')
  await page.getByLabel('Username').fill(username)
  await page.getByLabel('Email').fill(`${username}@brands.example`)
  await page.getByLabel('Password', { exact: true }).fill('a-long-password')
  await page.getByLabel('Company').fill('Fjord Coffee Roasters')
  await page.getByLabel('Sector').fill('Food & drink')
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(page.getByText('Total budget is required')).toBeVisible()

  await page.getByLabel('Total budget').fill('7500.50')
  await page.getByLabel('Total budget').press('Tab')
  await expect(page.getByText('Total budget is required')).toBeHidden()
  await page.getByRole('button', { name: 'Create account' }).click()

  await expect(page).toHaveURL('/sponsor')
  await expectGreeting(page, 'Fjord Coffee')
  await expect(page.getByText('Your account is awaiting approval')).toBeVisible()
  await expect(page.getByText('$7,500.50', { exact: true })).toBeVisible()
})

test('a wrong password is explained above the login form', async ({ page }) => {
  await gotoHydrated(page, '/login')
  await logInThroughForm(page, 'nobody-by-this-name', 'not-the-password')

  await expect(page.getByRole('alert')).toContainText('Wrong username, email or password')
  await expect(page).toHaveURL('/login')
})
