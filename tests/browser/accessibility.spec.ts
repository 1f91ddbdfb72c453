import { isPublicPage } from '../../shared/public-pages'
import { TEST_ADMIN_PASSWORD } from '../support/built-server'
import { expect, test } from './fixtures'
import { DEMO_PASSWORD, expectAccessible, gotoHydrated } from './helpers'

// Every page of every area passes axe's WCAG A/AA checks, light and dark, on the demo data.
test.describe.configure({ timeout: 180_000 })

const AREAS = [
  {
    login: null,
    pages: [
      '/', '/campaigns', '/campaigns?niche=beauty&sort=budget_desc', '/campaigns?min=lots', '/campaigns/summer-trail-gear-launch',
      '/campaigns/clean-makeup-masterclass', '/campaigns/no-such-campaign', '/login', '/login?reason=reused', '/login?reset=1', '/signup',
      '/forgot-password', '/reset-password?token=not-a-real-token-0123456789', '/reset-password',
    ],
  },
  { login: 'acme', pages: ['/sponsor', '/sponsor/campaigns', '/sponsor/campaigns/new', '/sponsor/campaigns/1', '/sponsor/influencers', '/sponsor/requests', '/sponsor/requests/3', '/sponsor/reports', '/sponsor/exports', '/sponsor/profile'] },
  { login: 'mia', pages: ['/influencer', '/influencer/campaigns', '/influencer/campaigns/1', '/influencer/requests', '/influencer/requests/1', '/influencer/profile'] },
  { login: 'admin', pages: ['/admin', '/admin/users', '/admin/campaigns', '/admin/requests', '/admin/outbox', '/admin/jobs'] },
]

for (const area of AREAS) {
  test(`the ${area.login ? `${area.login} account’s` : 'public'} pages are accessible`, async ({ page }) => {
    if (area.login) {
      const password = area.login === 'admin' ? TEST_ADMIN_PASSWORD : DEMO_PASSWORD
      await page.request.post('/api/auth/login', { data: { login: area.login, password } })
    }
    for (const path of area.pages) {
      // Public pages ship no JavaScript: there is nothing to hydrate.
      if (isPublicPage(path)) await page.goto(path)
      else await gotoHydrated(page, path)
      await page.waitForLoadState('networkidle')
      await expectAccessible(page, path)
    }
    if (area.login) {
      await page.getByRole('button', { name: /^Notifications/ }).click()
      await expect(page.getByRole('dialog', { name: 'Notifications' })).toBeVisible()
      await expectAccessible(page, 'the notifications')
    }
  })
}
