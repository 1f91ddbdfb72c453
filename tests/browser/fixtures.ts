import { test as base, expect } from '@playwright/test'
import type { BrowserContext, Page } from '@playwright/test'

function watchHydration(context: BrowserContext, mismatches: string[]) {
  context.on('console', (message) => {
    if (/hydration/i.test(message.text())) mismatches.push(message.text())
  })
}

/** What the browser reports when the Content-Security-Policy blocks something on a page. */
export function watchPolicyViolations(context: BrowserContext, violations: string[]) {
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${message.location().url}: ${message.text()}`)
  })
}

/**
 * Every browser test also fails when Vue reports a hydration mismatch, or the browser a
 * Content-Security-Policy violation. A hydration mismatch: the server and the client
 * rendering differently (ids, text, attributes) breaks labels and focus in ways a click-through
 * rarely shows. The build keeps Vue's mismatch reports on (nuxt.config.ts `debug.hydration`).
 *
 * `otherPage` is a second person's browser (its own cookies) for journeys between two users. It
 * runs JavaScript even where the test's own page does not (a visitor without scripts who then
 * logs in on a hydrated page).
 */
export const test = base.extend<{ hydrationMismatches: string[], policyViolations: string[], otherPage: Page }>({
  hydrationMismatches: [async ({ context }, use) => {
    const mismatches: string[] = []
    watchHydration(context, mismatches)
    await use(mismatches)
    expect(mismatches, 'hydration mismatches reported in the browser console').toEqual([])
  }, { auto: true }],

  // Every page a journey passes through runs under the Content-Security-Policy: anything it
  // blocks (a script without the page's nonce or hash, a style or a font from elsewhere) fails.
  policyViolations: [async ({ context }, use) => {
    const violations: string[] = []
    watchPolicyViolations(context, violations)
    await use(violations)
    expect(violations, 'Content-Security-Policy violations reported in the browser console').toEqual([])
  }, { auto: true }],

  otherPage: async ({ browser, hydrationMismatches, policyViolations }, use, testInfo) => {
    const context = await browser.newContext({ ...testInfo.project.use, baseURL: testInfo.project.use.baseURL, javaScriptEnabled: true })
    watchHydration(context, hydrationMismatches)
    watchPolicyViolations(context, policyViolations)
    await use(await context.newPage())
    await context.close()
  },
})

export { expect }
