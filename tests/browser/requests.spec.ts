import type { APIRequestContext, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { gotoHydrated, signUp } from './helpers'

// The request page against the server's rules: the buttons are exactly the steps allowed, a
// refused step shows the server's reason, and the page works without a mouse.
test.describe.configure({ timeout: 120_000 })

function day(offset: number) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
}

async function logIn(request: APIRequestContext, account: { username: string, password: string }) {
  expect((await request.post('/api/auth/login', { data: { login: account.username, password: account.password } })).ok()).toBe(true)
}

/** A fresh sponsor with a live campaign of `budget` cents, and fresh creators, all through the API. */
async function deal(page: Page, other: Page, request: APIRequestContext, budget: number) {
  const sponsor = await signUp(request, 'sponsor')
  const creators = [await signUp(request, 'influencer'), await signUp(request, 'influencer')]
  await logIn(page.request, sponsor)
  const title = `Deal page ${Date.now().toString(36)}`
  const created = await page.request.post('/api/campaigns', {
    data: { title, description: 'Checks the request page.', niche: 'fitness', startDate: day(0), endDate: day(20), visibility: 'public', budget, status: 'active' },
  })
  expect(created.status()).toBe(201)
  const campaign = await created.json() as { id: number }
  const invite = async (creator: { id: number }, paymentAmount: number) => {
    const res = await page.request.post('/api/ad-requests', { data: { campaignId: campaign.id, influencerId: creator.id, requirements: 'One reel', paymentAmount } })
    expect(res.status()).toBe(201)
    return (await res.json() as { id: number }).id
  }
  return { sponsor, creators, invite, title }
}

async function buttonsOf(page: Page) {
  return page.getByRole('group', { name: 'Your next step' }).getByRole('button').allInnerTexts()
}

test('each side sees exactly the steps the server allows it', async ({ page, otherPage, request }) => {
  const { creators: [creator], invite } = await deal(page, otherPage, request, 100_000)
  const id = await invite(creator!, 30_000)
  await logIn(otherPage.request, creator!)

  await gotoHydrated(page, `/sponsor/requests/${id}`)
  expect(await buttonsOf(page)).toEqual(['Withdraw'])
  await gotoHydrated(otherPage, `/influencer/requests/${id}`)
  expect(await buttonsOf(otherPage)).toEqual(['Accept', 'Counter-offer', 'Decline'])

  const asked = await (await otherPage.request.get(`/api/ad-requests/${id}`)).json() as { allowedActions: string[] }
  expect(asked.allowedActions.sort()).toEqual(['accept', 'counter', 'reject'])

  // Someone else's request is not found, not forbidden: its existence is not given away.
  const stranger = await signUp(request, 'influencer')
  await logIn(otherPage.request, stranger)
  const response = await otherPage.goto(`/influencer/requests/${id}`)
  expect(response?.status()).toBe(404)
  await expect(otherPage.getByText('No such request')).toBeVisible()
})

test('a refused step shows the server’s reason and changes nothing', async ({ page, otherPage, request }) => {
  // $1,000 of budget: two $500 invitations fit, a $700 counter-offer no longer does once the other is accepted.
  const { creators: [first, second], invite } = await deal(page, otherPage, request, 100_000)
  const countered = await invite(first!, 50_000)
  const other = await invite(second!, 50_000)
  await logIn(otherPage.request, first!)
  expect((await otherPage.request.post(`/api/ad-requests/${countered}/counter`, { data: { paymentAmount: 70_000 } })).ok()).toBe(true)
  await logIn(otherPage.request, second!)
  expect((await otherPage.request.post(`/api/ad-requests/${other}/accept`, { data: {} })).ok()).toBe(true)

  await gotoHydrated(page, `/sponsor/requests/${countered}`)
  await page.getByRole('button', { name: 'Accept' }).click()
  const dialog = page.getByRole('dialog', { name: 'Accept this offer?' })
  await dialog.getByRole('button', { name: 'Accept' }).click()
  await expect(dialog.getByRole('alert')).toContainText('more than the campaign\'s remaining budget of $500')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('Negotiating', { exact: true }).first()).toBeVisible()
  const stored = await (await page.request.get(`/api/ad-requests/${countered}`)).json() as { status: string, paymentAmount: number }
  expect(stored).toMatchObject({ status: 'negotiating', paymentAmount: 70_000 })
})

test('a creator counters an offer with the keyboard alone', async ({ page, otherPage, request }) => {
  const { creators: [creator], invite } = await deal(page, otherPage, request, 100_000)
  const id = await invite(creator!, 30_000)
  await logIn(otherPage.request, creator!)
  await gotoHydrated(otherPage, `/influencer/requests/${id}`)

  const keyboard = otherPage.keyboard
  await otherPage.getByRole('button', { name: 'Accept' }).focus()
  await keyboard.press('Tab')
  await expect(otherPage.getByRole('button', { name: 'Counter-offer' })).toBeFocused()
  await keyboard.press('Enter')
  const dialog = otherPage.getByRole('dialog', { name: 'Make a counter-offer' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('Your offer').focus()
  await keyboard.press('ControlOrMeta+a')
  await keyboard.type('420')
  await keyboard.press('Tab')
  await expect(dialog.getByLabel('Message')).toBeFocused()
  await keyboard.type('Two reels take a week to film.')
  await keyboard.press('Tab')
  await keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Send counter-offer' })).toBeFocused()
  await keyboard.press('Enter')

  await expect(otherPage.getByText('Counter-offer sent', { exact: true })).toBeVisible()
  await expect(otherPage.getByTestId('amount-on-table')).toHaveText('$420')
  const stored = await (await otherPage.request.get(`/api/ad-requests/${id}`)).json() as { status: string, paymentAmount: number, history: { message?: string }[] }
  expect(stored).toMatchObject({ status: 'negotiating', paymentAmount: 42_000 })
  expect(stored.history.at(-1)?.message).toBe('Two reels take a week to film.')
})

test('a creator is told of an invitation, and the notification leads to it', async ({ page, otherPage, request }) => {
  const { creators: [creator], invite, title } = await deal(page, otherPage, request, 100_000)
  const id = await invite(creator!, 30_000)
  await logIn(otherPage.request, creator!)
  await gotoHydrated(otherPage, '/influencer')

  const bell = otherPage.getByRole('button', { name: /^Notifications/ })
  await expect(bell).toContainText('1')
  await bell.click()
  const inbox = otherPage.getByRole('dialog', { name: 'Notifications' })
  await expect(inbox.getByText('1 unread')).toBeVisible()
  await inbox.getByRole('link', { name: new RegExp(`Invitation to ${title}.*Offer: \\$300`) }).click()

  await expect(otherPage).toHaveURL(`/influencer/requests/${id}`)
  await expect(otherPage.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(bell).toHaveText('Notifications')
  const stored = await (await otherPage.request.get('/api/notifications')).json() as { unread: number }
  expect(stored.unread).toBe(0)
})
