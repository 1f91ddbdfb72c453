import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'
import { TEST_ADMIN_PASSWORD } from '../support/built-server'
import { DEMO_PASSWORD, expectGreeting, gotoHydrated, logInThroughForm, signUp } from './helpers'

// The access cookie lives 15 minutes; dropping it from the browser is what its expiry looks like.
async function expireAccessCookie(page: Page) {
  await page.context().clearCookies({ name: 'influencia_access' })
}

async function logInAs(page: Page, login: string) {
  const response = await page.request.post('/api/auth/login', { data: { login, password: DEMO_PASSWORD } })
  expect(response.ok()).toBe(true)
}

test('logging out after the access cookie expired still ends the session', async ({ page }) => {
  await logInAs(page, 'kai')
  await gotoHydrated(page, '/influencer')
  await expireAccessCookie(page)

  await page.getByRole('button', { name: 'Kai Wander Influencer' }).click()
  await page.getByRole('menuitem', { name: 'Log out' }).click()
  await expect(page).toHaveURL('/login')

  // Had the logout failed on the server, the refresh cookie would log the next page load in.
  await page.goto('/influencer')
  await expect(page).toHaveURL('/login?redirect=/influencer')
})

test('parallel calls that meet an expired access cookie share one refresh and keep the session', async ({ page }) => {
  await logInAs(page, 'nina')
  await gotoHydrated(page, '/influencer')
  await expireAccessCookie(page)

  let refreshes = 0
  page.on('request', (request) => {
    if (request.url().endsWith('/api/auth/refresh')) refreshes++
  })
  const names = await page.evaluate(async () => {
    type Api = <T>(url: string) => Promise<T>
    const root = document.querySelector('#__nuxt') as Element & { __vue_app__: { $nuxt: { $api: Api } } }
    const api = root.__vue_app__.$nuxt.$api
    const users = await Promise.all([1, 2, 3].map(() => api<{ displayName: string }>('/api/auth/me')))
    return users.map(user => user.displayName)
  })

  expect(names).toEqual(['Nina Eats', 'Nina Eats', 'Nina Eats'])
  expect(refreshes).toBe(1)
  // A second refresh with the same token would have revoked the session; it is still alive.
  await page.reload()
  await expectGreeting(page, 'Nina Eats')
})

test('two tabs opened at once after the access cookie expired both show the dashboard, and the session goes on', async ({ page, context }) => {
  await logInAs(page, 'nina')
  await expireAccessCookie(page)
  const secondTab = await context.newPage()

  // Neither page load is answered until both have been sent: however the browser schedules the
  // two tabs, both then carry the same refresh token, and each has to renew the session with it.
  const isDashboard = (url: URL) => url.pathname === '/influencer'
  let sent = 0
  let bothSent!: () => void
  const bothSentOnce = new Promise<void>((resolve) => { bothSent = resolve })
  await context.route(isDashboard, async (route) => {
    if (++sent === 2) bothSent()
    await bothSentOnce
    await route.continue()
  })
  const [first, second] = await Promise.all([page.goto('/influencer'), secondTab.goto('/influencer')])
  await context.unroute(isDashboard)
  const presented = await Promise.all([first, second].map(response => response!.request().headerValue('cookie')))
  expect(presented[0]).toMatch(/influencia_refresh=/)
  expect(presented[1]).toBe(presented[0])
  await expectGreeting(page, 'Nina Eats')
  await expectGreeting(secondTab, 'Nina Eats')

  // The refresh token both tabs were given is good for the next renewal too.
  await expireAccessCookie(page)
  await secondTab.reload()
  await expectGreeting(secondTab, 'Nina Eats')
  await expect(secondTab).toHaveURL('/influencer')
})

test('a session logged out from elsewhere sends the next page load to the login page, which says why', async ({ page, otherPage }) => {
  await logInAs(page, 'kai')
  await gotoHydrated(page, '/influencer')
  // Another browser holding the same cookies logs this session out.
  await otherPage.context().addCookies(await page.context().cookies())
  expect((await otherPage.request.post('/api/auth/logout')).ok()).toBe(true)

  await page.goto('/influencer/requests')
  await expect(page).toHaveURL('/login?reason=logged-out&redirect=/influencer/requests')
  await expect(page.getByRole('status')).toContainText('You were logged out')
  await expect(page.getByRole('status')).toContainText('This session was ended from another tab or device.')

  await logInThroughForm(page, 'kai')
  await expect(page).toHaveURL('/influencer/requests')
})

test('a session another request found ended still explains itself on the next page load', async ({ page, otherPage }) => {
  await logInAs(page, 'kai')
  await gotoHydrated(page, '/influencer')
  await otherPage.context().addCookies(await page.context().cookies())
  expect((await otherPage.request.post('/api/auth/logout')).ok()).toBe(true)
  // A request of this browser (as the open tab's background check does) finds out first: its
  // answer takes the session cookies away, so the page load below carries none.
  const refresh = await page.request.post('/api/auth/refresh')
  expect(refresh.status()).toBe(401)
  expect((await page.context().cookies()).map(c => c.name)).not.toContain('influencia_refresh')

  await page.goto('/influencer/requests')
  await expect(page).toHaveURL('/login?reason=logged-out&redirect=/influencer/requests')
  await expect(page.getByRole('status')).toContainText('This session was ended from another tab or device.')
  // Told once: the login page loaded again says nothing more.
  await page.goto('/influencer/requests')
  await expect(page).toHaveURL('/login?redirect=/influencer/requests')
})

test('an account suspended while its dashboard is open goes to the login page, which says it is suspended', async ({ page, otherPage }) => {
  const account = await signUp(page.request, 'influencer', { displayName: 'Suspended Soon' })
  await gotoHydrated(page, '/influencer')
  await expectGreeting(page, account.displayName)

  expect((await otherPage.request.post('/api/auth/login', { data: { login: 'admin', password: TEST_ADMIN_PASSWORD } })).ok()).toBe(true)
  expect((await otherPage.request.patch(`/api/admin/users/${account.id}`, { data: { status: 'suspended' } })).status()).toBe(200)

  await page.getByRole('link', { name: 'Requests' }).click()
  await expect(page).toHaveURL('/login?reason=suspended&redirect=/influencer/requests')
  await expect(page.getByRole('status')).toContainText('This account is suspended')
})

test('the login page says nothing about a reason it does not know', async ({ page }) => {
  await gotoHydrated(page, '/login?reason=bogus')
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible()
  await expect(page.getByRole('status')).toHaveCount(0)
})
