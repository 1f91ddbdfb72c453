import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'
import { expectGreeting, gotoHydrated, logInThroughForm, signUp, useColorScheme } from './helpers'

// Every test fails on a Content-Security-Policy violation (tests/browser/fixtures.ts); these show
// the policy at work on each kind of page: allowing what the page needs, blocking what it does not.

/** Runs a script the page did not ship, as an injected <script> would; true when it ran. */
async function injectedScriptRuns(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const script = document.createElement('script')
    script.textContent = 'window.__injected = true'
    document.head.append(script)
    return (window as { __injected?: boolean }).__injected === true
  })
}

test('a hydrated dashboard runs its own scripts, live stream included, and nothing injected', async ({ page, policyViolations }) => {
  await page.goto('/login')
  const stream = page.waitForResponse(response => new URL(response.url()).pathname === '/api/events')
  await logInThroughForm(page, 'acme')
  await expect(page).toHaveURL('/sponsor')
  await expectGreeting(page, 'Acme Outdoor')
  expect((await stream).status()).toBe(200)
  // The app works: client-side navigation and a page that loads its data through the API.
  await page.getByRole('link', { name: 'Campaigns', exact: true }).first().click()
  await expect(page).toHaveURL('/sponsor/campaigns')
  await expect(page.getByRole('row').filter({ has: page.getByRole('link') }).first()).toBeVisible()

  expect(await injectedScriptRuns(page)).toBe(false)
  expect(policyViolations).toEqual([expect.stringMatching(/inline script violates the following Content Security Policy directive/)])
  // That one was this test's own doing; the fixture checks that nothing else was refused.
  policyViolations.length = 0
})

test('a public page runs its inline colour-mode switch by hash, rendered and from the page cache', async ({ page, policyViolations }) => {
  // A search nobody made before: its first load renders the page (a miss), the reloads that
  // switch the colour scheme are served from the cache.
  const served: string[] = []
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document') served.push(response.headers()['x-cache'] ?? '')
  })
  await page.goto(`/campaigns?q=colour-${Date.now().toString(36)}`)
  await useColorScheme(page, 'dark')
  await useColorScheme(page, 'light')
  expect(served).toEqual(['miss', 'hit', 'hit'])
  expect(await injectedScriptRuns(page)).toBe(false)
  expect(policyViolations).toEqual([expect.stringMatching(/inline script violates the following Content Security Policy directive/)])
  policyViolations.length = 0
})

test('the profile page changes the password, which logs the other devices out, and logs out everywhere', async ({ page, otherPage, request }) => {
  const account = await signUp(request, 'influencer')
  const newPassword = 'a rare phrase of my own'

  // Another device, logged in with the old password.
  await otherPage.goto('/login')
  await logInThroughForm(otherPage, account.email, account.password)
  await expect(otherPage).toHaveURL('/influencer')

  await page.goto('/login?redirect=/influencer/profile')
  await logInThroughForm(page, account.email, account.password)
  await expect(page).toHaveURL('/influencer/profile')

  await page.getByLabel('Current password').fill('not my password')
  await page.getByLabel('New password', { exact: true }).fill(newPassword)
  await page.getByLabel('Repeat the new password').fill(newPassword)
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByText('This is not your current password', { exact: true })).toBeVisible()

  await page.getByLabel('Current password').fill(account.password)
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByText('Your other devices were logged out.', { exact: true })).toBeVisible()
  await expect(page.getByLabel('Current password')).toHaveValue('')

  // The other device is out on its next request; this one goes on.
  await otherPage.reload()
  await expect(otherPage).toHaveURL(/\/login/)
  await gotoHydrated(page, '/influencer')
  await expectGreeting(page, account.displayName)

  await gotoHydrated(page, '/influencer/profile')
  // On a phone too.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.getByRole('button', { name: 'Log out everywhere' }).click()
  await expect(page).toHaveURL('/login?reason=logged-out')
  await expect(page.getByRole('status')).toContainText('You were logged out')
  await page.goto('/influencer')
  await expect(page).toHaveURL('/login?redirect=/influencer')

  await logInThroughForm(page, account.email, newPassword)
  await expect(page).toHaveURL('/influencer')
})
