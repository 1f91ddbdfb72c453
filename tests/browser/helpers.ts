import { expect } from '@playwright/test'
import type { APIRequestContext, Locator, Page } from '@playwright/test'
import { TEST_ADMIN_PASSWORD } from '../support/built-server'

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

/** Shows the page in the light or the dark colour scheme, as the system would ask for it. */
export async function useColorScheme(page: Page, scheme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: scheme })
  // Public pages ship no app: only their inline snippet picks the scheme, as the page loads.
  const hydrated = await page.evaluate(() => !!(document.querySelector('#__nuxt') as NuxtRoot | null)?.__vue_app__)
  if (!hydrated) await page.reload()
  await expect(page.locator('html')).toHaveClass(scheme === 'dark' ? /\bdark\b/ : /^(?!.*\bdark\b)/)
  // Colours fade into the new scheme (transition-colors): what a check reads must be where they end.
  await page.evaluate(() => Promise.all(document.getAnimations().filter(a => a instanceof CSSTransition).map(a => a.finished.catch(() => {}))))
}

export async function expectGreeting(page: Page, displayName: string) {
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${displayName}` })).toBeVisible()
}

/**
 * Fails with the WCAG A/AA problems axe finds on the page as it is now, in the light and in the
 * dark colour scheme (the page follows the system's, so both are checked on the same page).
 */
export async function expectAccessible(page: Page, what: string) {
  const { default: AxeBuilder } = await import('@axe-core/playwright')
  const problems: string[] = []
  // Checked at rest: not in the hover colours of whatever the last click left the pointer on.
  await page.mouse.move(0, 0)
  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(page, scheme)
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    problems.push(...results.violations.map(v => `${scheme}: ${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')})`))
  }
  await page.emulateMedia({ colorScheme: 'light' })
  expect(problems, `accessibility problems on ${what}`).toEqual([])
}

let accounts = 0

/** A fresh account made through the sign-up API; sponsors are approved by the admin unless `pending`. */
export async function signUp(request: APIRequestContext, role: 'sponsor' | 'influencer', options: { pending?: boolean, displayName?: string, profile?: Record<string, unknown> } = {}) {
  const tag = `${Date.now().toString(36)}${accounts++}`
  const profile = role === 'sponsor'
    ? { company: `${options.displayName ?? 'Brand'} ${tag}`, sector: 'Outdoor', budget: 5_000_000 }
    : { niche: 'fitness', audienceSize: 12_000, engagementRate: 4.2, location: 'Lisbon, PT', minimumRate: 30_000 }
  const account = {
    role,
    username: `${role.slice(0, 3)}_${tag}`,
    email: `${role}.${tag}@example.test`,
    password: 'correct horse battery',
    displayName: `${options.displayName ?? `Test ${role}`} ${tag}`,
    profile: { ...profile, ...options.profile },
  }
  const created = await request.post('/api/auth/signup', { data: account })
  expect(created.status(), await created.text()).toBe(201)
  const { user } = await created.json() as { user: { id: number } }
  if (role === 'sponsor' && !options.pending) await approve(request, user.id)
  return { ...account, id: user.id }
}

/** The admin approves a sponsor, through the API (a separate request context, so no cookie is shared). */
export async function approve(request: APIRequestContext, userId: number) {
  const admin = await request.post('/api/auth/login', { data: { login: 'admin', password: TEST_ADMIN_PASSWORD } })
  expect(admin.ok()).toBe(true)
  const approved = await request.patch(`/api/admin/users/${userId}`, { data: { status: 'active' } })
  expect(approved.status()).toBe(200)
  await request.post('/api/auth/logout')
}

/** The admin flags a campaign for review, through the API (a separate request context). */
export async function flagCampaign(request: APIRequestContext, campaignId: number, reason: string) {
  const admin = await request.post('/api/auth/login', { data: { login: 'admin', password: TEST_ADMIN_PASSWORD } })
  expect(admin.ok()).toBe(true)
  const flagged = await request.patch(`/api/admin/campaigns/${campaignId}`, { data: { flagged: true, reason } })
  expect(flagged.status()).toBe(200)
  await request.post('/api/auth/logout')
}

/**
 * A disabled button must look it, in both colour schemes: grey instead of its colour, with the
 * not-allowed cursor, and a label still readable (4.5:1; axe skips disabled controls).
 */
export async function expectLooksDisabled(button: Locator) {
  await expect(button).toBeDisabled()
  for (const scheme of ['light', 'dark'] as const) {
    await useColorScheme(button.page(), scheme)
    const look = await button.evaluate((el) => {
      const style = getComputedStyle(el)
      const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!
      // Through a canvas, so that whatever notation the browser computes (oklch, color-mix) reads as sRGB.
      const rgb = (color: string) => {
        ctx.clearRect(0, 0, 1, 1)
        ctx.fillStyle = '#010203'
        ctx.fillStyle = color
        if (ctx.fillStyle === '#010203') throw new Error(`Unreadable colour ${color}`)
        ctx.fillRect(0, 0, 1, 1)
        return [...ctx.getImageData(0, 0, 1, 1).data.slice(0, 3)]
      }
      const luminance = (c: number[]) => c.map(v => v / 255).map(v => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0)
      const [background, text] = [rgb(style.backgroundColor), rgb(style.color)]
      const [light, dark] = [luminance(background), luminance(text)].sort((a, b) => b - a)
      return {
        cursor: style.cursor,
        opacity: style.opacity,
        /** How far from grey: 0 for a grey, over 100 for the brand's violet. */
        tint: Math.max(...background) - Math.min(...background),
        contrast: (light! + 0.05) / (dark! + 0.05),
      }
    })
    expect(look.cursor, `cursor (${scheme})`).toBe('not-allowed')
    expect(look.opacity, `opacity (${scheme})`).toBe('1')
    expect(look.tint, `background tint (${scheme})`).toBeLessThan(16)
    expect(look.contrast, `label contrast (${scheme})`).toBeGreaterThanOrEqual(4.5)
  }
  await useColorScheme(button.page(), 'light')
}

/**
 * Nothing scrolls sideways: neither the page (its scrollingElement) nor a panel or table inside
 * it, whose own scrollbars would otherwise hide an overflow from the page's width.
 */
export async function expectNoSidewaysScroll(page: Page) {
  const overflowing = await page.evaluate(() => {
    const root = document.scrollingElement!
    const scrollers = [...document.querySelectorAll('*')].filter(el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
    return [root, ...scrollers].filter(el => el.scrollWidth > el.clientWidth)
      .map(el => `${el.tagName.toLowerCase()}.${String(el.className).split(' ').slice(0, 4).join('.')}: ${el.scrollWidth} > ${el.clientWidth}`)
  })
  expect(overflowing, 'elements scrolling sideways').toEqual([])
}

function day(offset: number) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
}

/**
 * A live public campaign of a new brand, published through the API (the request context ends
 * logged out). Titles carry a unique word, so the run's campaign is told from all others.
 */
export async function publishCampaign(request: APIRequestContext, data: { title: string, niche: string, budget: number }) {
  const sponsor = await signUp(request, 'sponsor', { displayName: 'Paws Co' })
  expect((await request.post('/api/auth/login', { data: { login: sponsor.username, password: sponsor.password } })).ok()).toBe(true)
  const created = await request.post('/api/campaigns', {
    data: {
      ...data,
      title: `${data.title} ${Date.now().toString(36)}${accounts++}`,
      description: 'Daily walks with our new reflective harness, from the first sniff to the evening lap.',
      goals: 'Three reels and a story a day.',
      startDate: day(-1), endDate: day(30), visibility: 'public', status: 'active',
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  await request.post('/api/auth/logout')
  return { ...(await created.json() as { id: number, slug: string, title: string }), company: sponsor.profile.company as string, sponsor }
}
