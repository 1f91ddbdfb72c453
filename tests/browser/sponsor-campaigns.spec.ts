import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'
import { DEMO_PASSWORD, expectLooksDisabled, gotoHydrated, signUp } from './helpers'

// Each journey fills a whole form and crosses several pages: on a busy CI machine that takes
// longer than the default minute.
test.describe.configure({ timeout: 120_000 })

/** A calendar day relative to today, as the date inputs and the API write it. */
function day(offset: number) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
}

function unique(prefix: string) {
  return `${prefix} ${Date.now().toString(36)}`
}

async function logInAs(page: Page, login: string) {
  const response = await page.request.post('/api/auth/login', { data: { login, password: DEMO_PASSWORD } })
  expect(response.ok()).toBe(true)
}

async function myCampaignCount(page: Page) {
  const response = await page.request.get('/api/campaigns', { params: { mine: 'true' } })
  return (await response.json() as { total: number }).total
}

async function fillCampaign(page: Page, fields: { title?: string, start: string, end: string, budget: string }) {
  if (fields.title) await page.getByLabel('Title').fill(fields.title)
  await page.getByLabel('Description').fill('Long hikes along the coast wearing our new rain shells.')
  await page.getByLabel('Goals').fill('Three posts and a short video.')
  await page.getByRole('combobox', { name: 'Niche' }).click()
  await page.getByRole('option', { name: 'Travel' }).click()
  await page.getByLabel('Start date').fill(fields.start)
  await page.getByLabel('End date').fill(fields.end)
  await page.getByLabel('Budget').fill(fields.budget)
}

test('a sponsor publishes a public campaign and finds it on the list', async ({ page }) => {
  const title = unique('Coastal Hike Series')
  await logInAs(page, 'acme')
  await gotoHydrated(page, '/sponsor/campaigns')
  await page.getByRole('link', { name: 'New campaign' }).click()
  await expect(page).toHaveURL('/sponsor/campaigns/new')

  await fillCampaign(page, { title, start: day(0), end: day(30), budget: '5000' })
  await expect(page.getByRole('radio', { name: /Public/ })).toBeChecked()
  await page.getByRole('button', { name: 'Publish' }).click()

  await expect(page.getByText('Campaign published', { exact: true })).toBeVisible()
  await expect(page).toHaveURL(/\/sponsor\/campaigns\/\d+$/)
  const header = page.locator('header').filter({ has: page.getByRole('heading', { level: 1, name: title }) })
  await expect(header.getByText('Active', { exact: true })).toBeVisible()
  await expect(header.getByText('Public', { exact: true })).toBeVisible()
  // Typed in dollars, kept in cents, shown in dollars.
  await expect(page.getByText('$5,000', { exact: true }).first()).toBeVisible()

  await page.getByRole('link', { name: 'Campaigns', exact: true }).first().click()
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: title }) })
  await expect(row).toBeVisible()
  // Phones show the status under the title instead: the badge in its own column is the visible one.
  await expect(row.getByText('Active', { exact: true }).locator('visible=true')).toBeVisible()
})

test('the campaign form shows field errors and saves nothing', async ({ page }) => {
  await logInAs(page, 'acme')
  const before = await myCampaignCount(page)
  await gotoHydrated(page, '/sponsor/campaigns/new')

  // Checked in the browser with the shared schema: no title, and an end before the start.
  await fillCampaign(page, { start: day(10), end: day(2), budget: '1500' })
  await page.getByRole('button', { name: 'Save draft' }).click()
  await expect(page.getByText('Title is required')).toBeVisible()
  await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('Must be on or after the start date')).toBeVisible()
  await expect(page.getByLabel('End date')).toHaveAttribute('aria-invalid', 'true')

  // Checked by the server: a campaign that is already over cannot be published.
  await page.getByLabel('Title').fill(unique('Past Trip'))
  await page.getByLabel('Start date').fill(day(-20))
  await page.getByLabel('End date').fill(day(-10))
  await page.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByText('Must be today or later to publish')).toBeVisible()
  await expect(page.getByLabel('End date')).toHaveAttribute('aria-invalid', 'true')

  await expect(page).toHaveURL('/sponsor/campaigns/new')
  expect(await myCampaignCount(page)).toBe(before)
})

test('a server field error stays until that field changes, even when the date was typed just before the click', async ({ page }) => {
  await logInAs(page, 'acme')
  const before = await myCampaignCount(page)
  await page.clock.install()
  await gotoHydrated(page, '/sponsor/campaigns/new')
  await fillCampaign(page, { title: unique('Last Summer'), start: day(-20), end: day(-12), budget: '900' })
  // Time stands still from here: the form's delayed re-validation of the date (scheduled by the
  // typing below) can only run when the test lets the clock go on.
  await page.clock.pauseAt(Date.now() + 60_000)

  // At machine speed: the date typed, Publish clicked at once.
  await page.getByLabel('End date').fill(day(-10))
  await page.getByRole('button', { name: 'Publish' }).click()
  const endDate = page.getByLabel('End date')
  const error = page.getByText('Must be today or later to publish')
  await expect(error).toBeVisible()

  // The delayed re-validation runs, and leaving the field re-validates it again: the server's
  // verdict stays, because the date it was about has not changed.
  await page.clock.runFor(2_000)
  await expect(error).toBeVisible()
  await expect(endDate).toHaveAttribute('aria-invalid', 'true')
  await expect(endDate).toBeFocused()
  await page.getByLabel('Budget').focus()
  await expect(error).toBeVisible()
  await expect(endDate).toHaveAttribute('aria-invalid', 'true')

  // Changing the date is what clears it.
  await endDate.fill(day(5))
  await page.clock.runFor(2_000)
  await expect(error).toHaveCount(0)
  await expect(endDate).toHaveAttribute('aria-invalid', 'false')
  expect(await myCampaignCount(page)).toBe(before)
})

test('a sponsor awaiting approval can save a draft but not publish it', async ({ page }) => {
  const title = unique('First Budget Basics')
  await logInAs(page, 'novabank')
  await gotoHydrated(page, '/sponsor/campaigns/new')

  await expect(page.getByText('Your account is awaiting approval')).toBeVisible()
  await expect(page.getByText('Publishing opens once an admin has approved your brand account.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Publish' })).toBeDisabled()

  await fillCampaign(page, { title, start: day(5), end: day(40), budget: '2500' })
  await page.getByRole('button', { name: 'Save draft' }).click()

  await expect(page.getByText('Draft saved', { exact: true })).toBeVisible()
  const header = page.locator('header').filter({ has: page.getByRole('heading', { level: 1, name: title }) })
  await expect(header.getByText('Draft', { exact: true })).toBeVisible()
  await expectLooksDisabled(header.getByRole('button', { name: 'Publish' }))
  await expect(page.getByText('This campaign stays a draft until an admin approves your brand account')).toBeVisible()
})

test('a sponsor awaiting approval who tries to invite is told to wait for approval, not to publish', async ({ page }) => {
  await logInAs(page, 'novabank')
  await gotoHydrated(page, '/sponsor/influencers')
  await page.getByRole('button', { name: 'Invite Mia Fit' }).click()

  const dialog = page.getByRole('dialog', { name: 'Invite Mia Fit' })
  await expect(dialog.getByText('Your account is awaiting approval')).toBeVisible()
  await expect(dialog.getByText('Once an admin approves your brand account, you can publish a campaign and invite creators to it.')).toBeVisible()
  await expect(dialog.getByText(/Publish one first/)).toHaveCount(0)
  await expect(dialog.getByRole('link', { name: 'Prepare a draft' })).toHaveAttribute('href', '/sponsor/campaigns/new')
})

test('on a draft, the recommended creators’ Invite buttons are disabled and look it', async ({ page }) => {
  await logInAs(page, 'acme')
  const created = await page.request.post('/api/campaigns', {
    data: { title: unique('Lake Paddle'), description: 'Paddling with our dry bags.', niche: 'travel', startDate: day(5), endDate: day(40), visibility: 'public', budget: 300_000 },
  })
  expect(created.status()).toBe(201)
  const campaign = await created.json() as { id: number }

  await gotoHydrated(page, `/sponsor/campaigns/${campaign.id}`)
  await expect(page.getByText('Publish the campaign to invite creators')).toBeVisible()
  const invite = page.getByRole('region', { name: 'Recommended influencers' }).getByRole('button', { name: 'Invite', exact: true })
  await expect(invite.first()).toBeVisible()
  await expectLooksDisabled(invite.first())
})

test('inviting a creator who already has an open request links to that request', async ({ page, request }) => {
  const sponsor = await signUp(request, 'sponsor')
  const creator = await signUp(request, 'influencer')
  expect((await page.request.post('/api/auth/login', { data: { login: sponsor.username, password: sponsor.password } })).ok()).toBe(true)
  const created = await page.request.post('/api/campaigns', {
    data: { title: unique('River Run'), description: 'Running along the river.', niche: 'fitness', startDate: day(0), endDate: day(30), visibility: 'public', budget: 300_000, status: 'active' },
  })
  const campaign = await created.json() as { id: number }
  const first = await page.request.post('/api/ad-requests', { data: { campaignId: campaign.id, influencerId: creator.id, requirements: 'One reel', paymentAmount: 40_000 } })
  expect(first.status()).toBe(201)
  const { id } = await first.json() as { id: number }

  await gotoHydrated(page, `/sponsor/influencers/${creator.id}`)
  await page.getByRole('button', { name: 'Invite to a campaign' }).click()
  const dialog = page.getByRole('dialog', { name: `Invite ${creator.displayName}` })
  await dialog.getByLabel('Requirements').fill('Two more reels')
  await dialog.getByLabel('Offer').fill('450')
  await dialog.getByRole('button', { name: 'Send invitation' }).click()

  const alert = dialog.getByRole('alert')
  await expect(alert).toContainText('This influencer already has an open request on this campaign')
  await expect(alert).not.toContainText('#')
  await alert.getByRole('link', { name: 'See the open request' }).click()
  await expect(page).toHaveURL(`/sponsor/requests/${id}`)
  await expect(page.getByRole('heading', { level: 1, name: /River Run/ })).toBeVisible()
})

test('a sponsor finds a travel creator and invites them to a campaign', async ({ page }) => {
  const title = unique('Island Hopping')
  await logInAs(page, 'acme')
  const created = await page.request.post('/api/campaigns', {
    data: {
      title, description: 'Island hopping with our ultralight packs.', niche: 'travel',
      startDate: day(0), endDate: day(45), visibility: 'public', budget: 400_000, status: 'active',
    },
  })
  expect(created.status()).toBe(201)
  const campaign = await created.json() as { id: number }

  await gotoHydrated(page, '/sponsor/influencers')
  await expect(page.getByRole('link', { name: 'Mia Fit', exact: true })).toBeVisible()
  await page.getByRole('combobox', { name: 'Niche' }).click()
  await page.getByRole('option', { name: 'Travel' }).click()
  await expect(page).toHaveURL(/niche=travel/)
  await expect(page.getByRole('link', { name: 'Kai Wander', exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Mia Fit', exact: true })).toHaveCount(0)

  // The filter lives in the URL, so a reload shows the same list.
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Niche' })).toHaveText(/Travel/)
  await expect(page.getByRole('link', { name: 'Mia Fit', exact: true })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Kai Wander', exact: true })).toBeVisible()

  await page.getByRole('button', { name: 'Invite Kai Wander' }).click()
  const dialog = page.getByRole('dialog', { name: 'Invite Kai Wander' })
  await dialog.getByRole('combobox', { name: 'Campaign' }).click()
  await page.getByRole('option', { name: title }).click()
  await dialog.getByLabel('Requirements').fill('A photo carousel from three islands and one reel.')
  // The offer starts at Kai's minimum rate.
  await expect(dialog.getByLabel('Offer')).toHaveValue('$700.00')
  await dialog.getByLabel('Offer').fill('850')
  await dialog.getByRole('button', { name: 'Send invitation' }).click()

  await expect(page.getByText('Invitation sent', { exact: true })).toBeVisible()
  await expect(dialog).toBeHidden()

  await gotoHydrated(page, `/sponsor/campaigns/${campaign.id}`)
  const row = page.getByRole('row').filter({ hasText: 'Kai Wander' })
  await expect(row.getByText('Pending', { exact: true })).toBeVisible()
  await expect(row.getByRole('cell', { name: '$850', exact: true })).toBeVisible()
  await expect(row.getByText('Waiting for the creator')).toBeVisible()
})
