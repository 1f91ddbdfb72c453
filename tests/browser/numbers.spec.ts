import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { DEMO_PASSWORD, gotoHydrated, signUp } from './helpers'

// Bad numbers as a person types them: what was typed stays in the field, the field says the
// allowed range, and nothing is sent in its place.
test.describe.configure({ timeout: 120_000 })

const MONEY_RANGE = 'Enter an amount from $1 to $1,000,000,000'

function day(offset: number) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
}

async function logIn(request: APIRequestContext, login: string, password = DEMO_PASSWORD) {
  expect((await request.post('/api/auth/login', { data: { login, password } })).ok()).toBe(true)
}

async function typeInto(page: Page, label: string, text: string) {
  const field = page.getByLabel(label, { exact: true })
  await field.fill('')
  await field.pressSequentially(text)
  await field.blur()
  return field
}

test('a negative budget is shown as typed with the allowed range, and the corrected one saves at the first click', async ({ page }) => {
  await logIn(page.request, 'acme')
  const count = async () => (await (await page.request.get('/api/campaigns', { params: { mine: 'true' } })).json() as { total: number }).total
  const before = await count()
  await gotoHydrated(page, '/sponsor/campaigns/new')
  await page.getByLabel('Title').fill(`Minus budget ${Date.now().toString(36)}`)
  await page.getByLabel('Description').fill('A campaign whose budget was typed with a minus sign.')
  await page.getByRole('combobox', { name: 'Niche' }).click()
  await page.getByRole('option', { name: 'Travel' }).click()
  await page.getByLabel('Start date').fill(day(1))
  await page.getByLabel('End date').fill(day(20))
  const budget = await typeInto(page, 'Budget', '-500')

  await page.getByRole('button', { name: 'Save draft' }).click()
  await expect(page.getByText(MONEY_RANGE)).toBeVisible()
  await expect(budget).toHaveValue('-$500.00')
  await expect(budget).toHaveAttribute('aria-invalid', 'true')
  await expect(budget).toBeFocused()
  expect(await count()).toBe(before)

  // Leaving the field for the button must not clear the error under the pointer's feet: the
  // form would shift and swallow the click.
  await budget.fill('1200')
  await page.getByRole('button', { name: 'Save draft' }).click()
  await expect(page.getByText('Draft saved', { exact: true })).toBeVisible()
  expect(await count()).toBe(before + 1)
})

test('a counter-offer is sent as typed, or refused when it is negative or the amount on the table', async ({ page, otherPage, request }) => {
  const sponsor = await signUp(request, 'sponsor')
  const creator = await signUp(request, 'influencer')
  await logIn(page.request, sponsor.username, sponsor.password)
  const campaign = await (await page.request.post('/api/campaigns', {
    data: { title: `Counter ${Date.now().toString(36)}`, description: 'Checks counter-offers.', niche: 'fitness', startDate: day(0), endDate: day(20), visibility: 'public', budget: 500_000, status: 'active' },
  })).json() as { id: number }
  const invited = await page.request.post('/api/ad-requests', { data: { campaignId: campaign.id, influencerId: creator.id, requirements: 'One reel', paymentAmount: 80_000 } })
  const { id } = await invited.json() as { id: number }

  await logIn(otherPage.request, creator.username, creator.password)
  await gotoHydrated(otherPage, `/influencer/requests/${id}`)
  await otherPage.getByRole('button', { name: 'Counter-offer' }).click()
  const dialog = otherPage.getByRole('dialog', { name: 'Make a counter-offer' })
  const send = dialog.getByRole('button', { name: 'Send counter-offer' })

  const offer = await typeInto(otherPage, 'Your offer', '-50')
  await send.click()
  await expect(dialog.getByText(MONEY_RANGE)).toBeVisible()
  await expect(offer).toHaveValue('-$50.00')

  // The amount already on the table is an accept, not a counter-offer: the server says so.
  await typeInto(otherPage, 'Your offer', '800')
  await send.click()
  await expect(dialog.getByText('$800 is already on the table: accept it, or offer another amount')).toBeVisible()
  await expect(offer).toBeFocused()
  const unchanged = await (await otherPage.request.get(`/api/ad-requests/${id}`)).json() as { status: string, paymentAmount: number, history: unknown[] }
  expect(unchanged).toMatchObject({ status: 'pending', paymentAmount: 80_000 })
  expect(unchanged.history).toHaveLength(1)

  await typeInto(otherPage, 'Your offer', '950.5')
  await send.click()
  await expect(otherPage.getByText('Counter-offer sent', { exact: true })).toBeVisible()
  await expect(otherPage.getByTestId('amount-on-table')).toHaveText('$950.50')
})

test('an engagement rate above 100 % keeps what was typed and says the range', async ({ page, request }) => {
  const creator = await signUp(request, 'influencer')
  await logIn(page.request, creator.username, creator.password)
  await gotoHydrated(page, '/influencer/profile')
  const rate = await typeInto(page, 'Engagement rate (%)', '250')
  await page.getByRole('button', { name: 'Save changes' }).first().click()
  await expect(page.getByText('Enter a rate from 0 to 100 %')).toBeVisible()
  await expect(rate).toHaveValue('250')
  const me = await (await page.request.get('/api/auth/me')).json() as { profile: { engagementRate: number } }
  expect(me.profile.engagementRate).toBe(4.2)
})
