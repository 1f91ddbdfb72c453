import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'
import { DEMO_PASSWORD, expectGreeting, gotoHydrated } from './helpers'

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
