import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectNoSidewaysScroll, gotoHydrated, signUp } from './helpers'

// What people type is not always made of short words: a pasted link or a run-on word in a
// title, a brief or a message must wrap, not push the page (or a table's columns) off a phone.
test.use({ viewport: { width: 390, height: 844 } })

const WORD = 'Supercalifragilisticexpialidocious'.repeat(3)

function day(offset: number) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
}

async function logIn(page: Page, account: { username: string, password: string }) {
  expect((await page.request.post('/api/auth/login', { data: { login: account.username, password: account.password } })).ok()).toBe(true)
}

/** The whole of the element is on the phone's screen, not cut off at its right edge. */
async function expectWithinScreen(element: Locator) {
  await expect(element).toBeVisible()
  const box = (await element.boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(390)
}

test('long unbroken words wrap in the brief, the history and the request tables on a phone', async ({ page, otherPage, request }) => {
  // The second person's browser starts from the project's desktop size.
  await otherPage.setViewportSize({ width: 390, height: 844 })
  const sponsor = await signUp(request, 'sponsor')
  const creator = await signUp(request, 'influencer')
  await logIn(page, sponsor)
  await logIn(otherPage, creator)
  const title = `Trail ${WORD}`
  const created = await page.request.post('/api/campaigns', {
    data: {
      title, description: `Run with https://example.com/${WORD}/${WORD}`, goals: `Goals: ${WORD}${WORD}`,
      niche: 'fitness', startDate: day(0), endDate: day(30), visibility: 'public', budget: 100_000, status: 'active',
    },
  })
  expect(created.status()).toBe(201)
  const campaign = await created.json() as { id: number }
  const applied = await otherPage.request.post('/api/ad-requests', {
    data: { campaignId: campaign.id, requirements: `Deliver ${WORD}${WORD}`, paymentAmount: 30_000, message: `See https://example.com/${WORD}` },
  })
  expect(applied.status()).toBe(201)
  const { id } = await applied.json() as { id: number }

  // The brand's campaign page: the brief, and its requests table with the status on screen.
  await gotoHydrated(page, `/sponsor/campaigns/${campaign.id}`)
  await expect(page.getByText(`Goals: ${WORD}${WORD}`)).toBeVisible()
  const applicant = page.getByRole('row').filter({ hasText: creator.displayName })
  await expectWithinScreen(applicant.getByText('Pending', { exact: true }))
  await expectNoSidewaysScroll(page)

  // The request's history, on both sides.
  for (const [who, url] of [[page, `/sponsor/requests/${id}`], [otherPage, `/influencer/requests/${id}`]] as const) {
    await gotoHydrated(who, url)
    await expect(who.getByText(`See https://example.com/${WORD}`)).toBeVisible()
    await expect(who.getByText(`Deliver ${WORD}${WORD}`)).toBeVisible()
    await expectNoSidewaysScroll(who)
  }

  // The inboxes: the creator's names each deal by its campaign's title.
  for (const [who, url] of [[page, '/sponsor/requests'], [otherPage, '/influencer/requests']] as const) {
    await gotoHydrated(who, url)
    const row = who.getByRole('row').filter({ has: who.getByRole('link', { name: who === page ? creator.displayName : title }) })
    await expectWithinScreen(row.getByText('Pending', { exact: true }))
    await expectNoSidewaysScroll(who)
  }

  // The creator's view of the campaign.
  await gotoHydrated(otherPage, `/influencer/campaigns/${campaign.id}`)
  await expect(otherPage.getByText(`Goals: ${WORD}${WORD}`)).toBeVisible()
  await expectNoSidewaysScroll(otherPage)
})
