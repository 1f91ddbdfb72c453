import { expect } from '@playwright/test'
import type { Page } from '@playwright/test'

export const DEMO_PASSWORD = 'demo-password'

type NuxtRoot = Element & { __vue_app__?: { $nuxt?: { isHydrating: boolean } } }

/** Waits until Nuxt has hydrated the page: typing into a form before that is lost. */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(() => (document.querySelector('#__nuxt') as NuxtRoot | null)?.__vue_app__?.$nuxt?.isHydrating === false)
}

export async function gotoHydrated(page: Page, url: string) {
  const response = await page.goto(url)
  await waitForHydration(page)
  return response
}

/** Logs in through the login form, which the page must already show. */
export async function logInThroughForm(page: Page, login: string, password = DEMO_PASSWORD) {
  await waitForHydration(page)
  await page.getByLabel('Username or email').fill(login)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Log in' }).click()
}

export async function expectGreeting(page: Page, displayName: string) {
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${displayName}` })).toBeVisible()
}
