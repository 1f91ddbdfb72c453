import { expect, test } from './fixtures'
import { DEMO_PASSWORD, expectGreeting, gotoHydrated, logInThroughForm } from './helpers'

test('a sponsor is sent to log in, lands on their dashboard and cannot open the admin area', async ({ page }) => {
  await gotoHydrated(page, '/sponsor')
  await expect(page).toHaveURL('/login?redirect=/sponsor')

  await logInThroughForm(page, 'acme')
  await expect(page).toHaveURL('/sponsor')
  await expectGreeting(page, 'Acme Outdoor')
  await expect(page.getByRole('definition').filter({ hasText: /^Acme Outdoor$/ })).toBeVisible()
  await expect(page.getByText('$25,000')).toBeVisible()

  // Each figure names the statuses it counts and leads to the list of the same statuses, as long.
  const figures = [
    { label: 'Live campaigns', names: /^\d+\sactive · \d+\sscheduled · \d+\spaused$/, url: '/sponsor/campaigns?status=live', filter: 'Live: active, scheduled, paused', noun: 'campaigns' },
    { label: 'Deals agreed', names: /^\d+\saccepted · \d+\scompleted$/, url: '/sponsor/requests?status=agreed', filter: 'Agreed: accepted, completed', noun: 'requests' },
  ]
  for (const { label, names, url, filter, noun } of figures) {
    const tile = page.getByRole('link', { name: new RegExp(`^${label}`) })
    const value = tile.locator('p').nth(1)
    const hint = tile.locator('p').nth(2)
    await expect(hint).toHaveText(names)
    const figure = (await value.textContent())!.trim()
    expect(Number(figure)).toBeGreaterThan(1)
    await tile.click()
    await expect(page).toHaveURL(url)
    await expect(page.getByRole('combobox', { name: 'Status' })).toContainText(filter)
    await expect(page.getByText(`Showing 1–${figure} of ${figure} ${noun}`)).toBeVisible()
    await page.goBack()
  }

  await gotoHydrated(page, '/admin')
  await expect(page).toHaveURL('/sponsor')
  await expectGreeting(page, 'Acme Outdoor')
  await expect(page.getByText('Platform administration')).toHaveCount(0)
})

test('a sponsor awaiting approval is told so on the dashboard', async ({ page }) => {
  await gotoHydrated(page, '/login')
  await logInThroughForm(page, 'novabank')

  await expect(page).toHaveURL('/sponsor')
  await expect(page.getByText('Your account is awaiting approval')).toBeVisible()
})

test('a logged-in reload is rendered logged in by the server', async ({ page, request }) => {
  const login = await page.request.post('/api/auth/login', { data: { login: 'mia', password: DEMO_PASSWORD } })
  expect(login.ok()).toBe(true)

  const response = await page.goto('/influencer')
  expect(response?.status()).toBe(200)
  const html = await response!.text()
  expect(html).toContain('Welcome, Mia Fit')
  expect(html).not.toContain('Welcome back')
  await expectGreeting(page, 'Mia Fit')

  // Without the cookies the same address is a redirect to the login page, decided on the server.
  const anonymous = await request.get('/influencer', { maxRedirects: 0 })
  expect(anonymous.status()).toBe(302)
  expect(anonymous.headers().location).toBe('/login?redirect=/influencer')
})

test('a logged-in user who opens the login page goes to their dashboard', async ({ page }) => {
  await page.request.post('/api/auth/login', { data: { login: 'leo', password: DEMO_PASSWORD } })

  await page.goto('/login')
  await expect(page).toHaveURL('/influencer')
  await expectGreeting(page, 'Leo Codes')
})
