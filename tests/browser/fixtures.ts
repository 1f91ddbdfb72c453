import { test as base, expect } from '@playwright/test'
import type { BrowserContext, Page } from '@playwright/test'

function watchHydration(context: BrowserContext, mismatches: string[]) {
  context.on('console', (message) => {
    if (/hydration/i.test(message.text())) mismatches.push(message.text())
  })
}

/**
 * Every browser test also fails when Vue reports a hydration mismatch: the server and the client
 * rendering differently (ids, text, attributes) breaks labels and focus in ways a click-through
 * rarely shows. The build keeps Vue's mismatch reports on (nuxt.config.ts `debug.hydration`).
 *
 * `otherPage` is a second person's browser (its own cookies) for journeys between two users. It
 * runs JavaScript even where the test's own page does not (a visitor without scripts who then
 * logs in on a hydrated page).
 */
export const test = base.extend<{ hydrationMismatches: string[], otherPage: Page }>({
  hydrationMismatches: [async ({ context }, use) => {
    const mismatches: string[] = []
    watchHydration(context, mismatches)
    await use(mismatches)
    expect(mismatches, 'hydration mismatches reported in the browser console').toEqual([])
  }, { auto: true }],

  otherPage: async ({ browser, hydrationMismatches }, use, testInfo) => {
    const context = await browser.newContext({ ...testInfo.project.use, baseURL: testInfo.project.use.baseURL, javaScriptEnabled: true })
    watchHydration(context, hydrationMismatches)
    await use(await context.newPage())
    await context.close()
  },
})

export { expect }
