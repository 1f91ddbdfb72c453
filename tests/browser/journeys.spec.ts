import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'
import { TEST_ADMIN_PASSWORD } from '../support/built-server'
import { expectAccessible, gotoHydrated, logInThroughForm, signUp } from './helpers'

// The marketplace's three journeys, each from start to end through the pages, with the people
// involved in their own browsers. Accounts are fresh for each run, made through the sign-up API.
test.describe.configure({ timeout: 180_000 })

function day(offset: number) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
}

/** A word no other campaign or person has, to find this run's data among the demo data. */
function tag() {
  return `t${Date.now().toString(36)}`
}

async function logIn(page: Page, account: { username: string, password: string }, landing: string) {
  await gotoHydrated(page, '/login')
  await logInThroughForm(page, account.username, account.password)
  await expect(page).toHaveURL(landing)
  // The address changes before the dashboard replaces the login page: until then the login
  // page's own header (whose "Campaigns" is the public directory) is still what a click meets.
  await expect(page.getByRole('link', { name: 'Influencia dashboard' })).toBeVisible()
}

function sidebar(page: Page) {
  return page.getByRole('navigation').first()
}

test('a) a sponsor publishes a campaign, finds a creator by niche and invites them; the creator counters, the sponsor accepts, and both dashboards show the deal', async ({ page, otherPage, request }) => {
  const word = tag()
  const sponsor = await signUp(request, 'sponsor', { displayName: 'Peak Gear' })
  const creator = await signUp(request, 'influencer', {
    displayName: 'Gina Games',
    // The largest audience on the platform, so the niche's list shows her first.
    profile: { niche: 'gaming', audienceSize: 1_900_000_000, minimumRate: 40_000 },
  })
  const title = `Arcade Night ${word}`

  // The sponsor publishes a public campaign through the form.
  await logIn(page, sponsor, '/sponsor')
  await sidebar(page).getByRole('link', { name: 'Campaigns' }).click()
  await page.getByRole('link', { name: 'New campaign' }).first().click()
  await expect(page).toHaveURL('/sponsor/campaigns/new')
  await page.getByLabel('Title').fill(title)
  await page.getByLabel('Description').fill('A night of retro arcade games streamed live with our new controllers.')
  await page.getByLabel('Goals').fill('One live stream and two short clips.')
  await page.getByRole('combobox', { name: 'Niche' }).click()
  await page.getByRole('option', { name: 'Gaming' }).click()
  await page.getByLabel('Start date').fill(day(0))
  await page.getByLabel('End date').fill(day(30))
  await page.getByLabel('Budget').fill('10000')
  await expect(page.getByRole('radio', { name: /Public/ })).toBeChecked()
  await page.getByRole('button', { name: 'Publish' }).click()
  await expect(page.getByText('Campaign published', { exact: true })).toBeVisible()

  // Finds a creator by niche and invites them with an offer.
  await sidebar(page).getByRole('link', { name: 'Find influencers' }).click()
  await expect(page).toHaveURL('/sponsor/influencers')
  await page.getByRole('combobox', { name: 'Niche' }).click()
  await page.getByRole('option', { name: 'Gaming' }).click()
  await expect(page).toHaveURL(/niche=gaming/)
  await expect(page.getByRole('link', { name: creator.displayName, exact: true })).toBeVisible()
  await page.getByRole('button', { name: `Invite ${creator.displayName}` }).click()
  const invite = page.getByRole('dialog', { name: `Invite ${creator.displayName}` })
  await invite.getByRole('combobox', { name: 'Campaign' }).click()
  await page.getByRole('option', { name: title }).click()
  await invite.getByLabel('Requirements').fill('One two-hour live stream and two short clips.')
  await invite.getByLabel('Offer').fill('500')
  await invite.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page.getByText('Invitation sent', { exact: true })).toBeVisible()

  // The creator finds the invitation on their dashboard and counters it.
  await logIn(otherPage, creator, '/influencer')
  const waiting = otherPage.getByRole('region', { name: /Waiting for your answer/ })
  await waiting.getByRole('link', { name: new RegExp(sponsor.profile.company as string) }).click()
  await expect(otherPage).toHaveURL(/\/influencer\/requests\/\d+$/)
  await expect(otherPage.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(otherPage.getByTestId('amount-on-table')).toHaveText('$500')
  await expectAccessible(otherPage, 'the creator’s request page')
  await otherPage.getByRole('button', { name: 'Counter-offer' }).click()
  const counter = otherPage.getByRole('dialog', { name: 'Make a counter-offer' })
  await counter.getByLabel('Your offer').fill('650')
  await counter.getByLabel('Message').fill('A live stream this long takes a full day to prepare.')
  await counter.getByRole('button', { name: 'Send counter-offer' }).click()
  await expect(otherPage.getByText('Counter-offer sent', { exact: true })).toBeVisible()
  await expect(otherPage.getByTestId('amount-on-table')).toHaveText('$650')
  await expect(otherPage.getByText(`Waiting for ${sponsor.profile.company}`)).toBeVisible()
  await expect(otherPage.getByRole('button', { name: 'Accept' })).toHaveCount(0)

  // The sponsor sees whose turn it is in the inbox, reads the counter-offer and accepts it.
  await sidebar(page).getByRole('link', { name: 'Requests' }).click()
  await page.getByRole('tab', { name: 'Waiting for you' }).click()
  await expect(page).toHaveURL(/view=waiting/)
  // On a desktop the inbox spells out every column; a phone folds some into the first cell.
  for (const column of ['Creator and campaign', 'Amount', 'Status', 'Last activity']) {
    await expect(page.getByRole('columnheader', { name: column })).toBeVisible()
  }
  await expectAccessible(page, 'the sponsor’s requests')
  await page.getByRole('link', { name: creator.displayName }).click()
  await expect(page.getByText(`${creator.displayName} countered with $650`)).toBeVisible()
  await expect(page.getByText('A live stream this long takes a full day to prepare.')).toBeVisible()
  await page.getByRole('button', { name: 'Accept' }).click()
  const accept = page.getByRole('dialog', { name: 'Accept this offer?' })
  await expect(accept).toContainText('$650')
  await accept.getByRole('button', { name: 'Accept' }).click()
  await expect(page.getByText('Deal accepted', { exact: true })).toBeVisible()
  await expect(page.getByText('Accepted', { exact: true }).first()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Mark completed' })).toBeVisible()

  // Both dashboards show the deal.
  await sidebar(page).getByRole('link', { name: 'Dashboard' }).click()
  const agreed = page.getByRole('region', { name: /Deals in progress/ })
  await expect(agreed.getByRole('link', { name: new RegExp(`${creator.displayName}.*\\$650`) })).toBeVisible()
  await expect(page.getByRole('link', { name: /Deals agreed\s*1/ })).toBeVisible()
  await expect(page.getByText('$650 of $10,000', { exact: true })).toBeVisible()
  await expectAccessible(page, 'the sponsor’s dashboard')

  await sidebar(otherPage).getByRole('link', { name: 'Dashboard' }).click()
  const work = otherPage.getByRole('region', { name: /Accepted work/ })
  await expect(work.getByRole('link', { name: new RegExp(`${sponsor.profile.company}.*\\$650`) })).toBeVisible()
  await expect(otherPage.getByRole('link', { name: /Work to deliver\s*\$650/ })).toBeVisible()
  await expectAccessible(otherPage, 'the creator’s dashboard')
})

test('b) a creator applies to a public campaign and the sponsor declines it', async ({ page, otherPage, request }) => {
  const word = tag()
  const sponsor = await signUp(request, 'sponsor', { displayName: 'Tide Coffee' })
  const creator = await signUp(request, 'influencer', { displayName: 'Finn Brews', profile: { niche: 'food' } })
  const title = `Cold Brew Summer ${word}`

  // The sponsor's campaign is live (publishing through the form is journey a's).
  expect((await page.request.post('/api/auth/login', { data: { login: sponsor.username, password: sponsor.password } })).ok()).toBe(true)
  const created = await page.request.post('/api/campaigns', {
    data: { title, description: 'Cold brew recipes for hot days.', niche: 'food', startDate: day(0), endDate: day(20), visibility: 'public', budget: 300_000, status: 'active' },
  })
  expect(created.status()).toBe(201)

  // The creator finds it by a word and applies.
  await logIn(otherPage, creator, '/influencer')
  await sidebar(otherPage).getByRole('link', { name: 'Browse campaigns' }).click()
  await otherPage.getByLabel('Search campaigns').fill(word)
  await otherPage.getByLabel('Search campaigns').press('Enter')
  await otherPage.getByRole('region', { name: 'Matching campaigns' }).getByRole('link', { name: title }).click()
  await otherPage.getByRole('button', { name: 'Apply', exact: true }).click()
  const apply = otherPage.getByRole('dialog', { name: `Apply to ${title}` })
  await apply.getByLabel('What you will deliver').fill('Three recipe reels with the cold brew.')
  await apply.getByLabel('Asking price').fill('400')
  await apply.getByRole('button', { name: 'Send application' }).click()
  await expect(otherPage.getByText('Application sent', { exact: true })).toBeVisible()

  // The sponsor sees the application waiting on the dashboard and declines it with a reason.
  await gotoHydrated(page, '/sponsor')
  await expect(page.getByRole('link', { name: /Waiting for you\s*1/ })).toBeVisible()
  await page.getByRole('region', { name: /Waiting for your answer/ }).getByRole('link', { name: new RegExp(creator.displayName) }).click()
  await expect(page.getByText(`${creator.displayName} offered $400`)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Withdraw' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Decline' }).click()
  const decline = page.getByRole('dialog', { name: 'Decline this offer?' })
  await decline.getByLabel('Message').fill('We are looking for video creators this time.')
  await decline.getByRole('button', { name: 'Decline' }).click()
  await expect(page.getByText('Offer declined', { exact: true })).toBeVisible()
  await expect(page.getByText('Declined', { exact: true }).first()).toBeVisible()
  await expect(page.getByRole('group', { name: 'Your next step' })).toHaveCount(0)

  // The creator sees the outcome and the reason.
  await sidebar(otherPage).getByRole('link', { name: 'Requests' }).click()
  const row = otherPage.getByRole('row').filter({ hasText: title })
  await expect(row.getByText('Declined', { exact: true })).toBeVisible()
  await row.getByRole('link', { name: title }).click()
  await expect(otherPage.getByText(`${sponsor.displayName} declined`)).toBeVisible()
  await expect(otherPage.getByText('We are looking for video creators this time.')).toBeVisible()
  await expect(otherPage.getByRole('button', { name: 'Withdraw' })).toHaveCount(0)
})

test('c) an admin approves a waiting sponsor, who can then publish, and flags a campaign, which leaves the creators’ campaign browser', async ({ page, otherPage, request }) => {
  const word = tag()
  const sponsor = await signUp(request, 'sponsor', { pending: true, displayName: 'North Savings' })
  const creator = await signUp(request, 'influencer', { displayName: 'Penny Wise', profile: { niche: 'finance' } })
  const title = `Savings Sprint ${word}`

  // Awaiting approval, the sponsor can save a draft but not publish it.
  await logIn(otherPage, sponsor, '/sponsor')
  await expect(otherPage.getByText('Your account is awaiting approval')).toBeVisible()
  await sidebar(otherPage).getByRole('link', { name: 'Campaigns' }).click()
  await otherPage.getByRole('link', { name: 'New campaign' }).first().click()
  await expect(otherPage.getByRole('button', { name: 'Publish' })).toBeDisabled()
  await otherPage.getByLabel('Title').fill(title)
  await otherPage.getByLabel('Description').fill('Four weeks of small saving habits, one video a week.')
  await otherPage.getByRole('combobox', { name: 'Niche' }).click()
  await otherPage.getByRole('option', { name: 'Finance' }).click()
  await otherPage.getByLabel('Start date').fill(day(0))
  await otherPage.getByLabel('End date').fill(day(28))
  await otherPage.getByLabel('Budget').fill('4000')
  await otherPage.getByRole('button', { name: 'Save draft' }).click()
  await expect(otherPage.getByText('Draft saved', { exact: true })).toBeVisible()
  const campaignPage = otherPage.url()
  const header = otherPage.locator('header').filter({ has: otherPage.getByRole('heading', { level: 1, name: title }) })
  await expect(header.getByRole('button', { name: 'Publish' })).toBeDisabled()

  // The admin approves the sponsor from the users page.
  await logIn(page, { username: 'admin', password: TEST_ADMIN_PASSWORD }, '/admin')
  await sidebar(page).getByRole('link', { name: 'Users' }).click()
  await page.getByRole('searchbox', { name: 'Search users' }).fill(sponsor.username)
  const user = page.locator('tbody tr').filter({ hasText: sponsor.displayName })
  await expect(user.getByText('Awaiting approval')).toBeVisible()
  await user.getByRole('button', { name: `Approve ${sponsor.displayName}` }).click()
  await expect(page.getByText('Sponsor approved', { exact: true })).toBeVisible()
  await expect(user.getByText('Active', { exact: true })).toBeVisible()
  await expectAccessible(page, 'the admin’s users page')

  // Approved, the sponsor publishes the draft.
  await gotoHydrated(otherPage, campaignPage)
  await expect(otherPage.getByText('Your account is awaiting approval')).toHaveCount(0)
  await header.getByRole('button', { name: 'Publish' }).click()
  await expect(otherPage.getByText('Campaign published', { exact: true })).toBeVisible()
  await expect(header.getByText('Active', { exact: true })).toBeVisible()

  // A creator finds it in the campaign browser...
  await otherPage.request.post('/api/auth/logout')
  await logIn(otherPage, creator, '/influencer')
  await sidebar(otherPage).getByRole('link', { name: 'Browse campaigns' }).click()
  await otherPage.getByLabel('Search campaigns').fill(word)
  await otherPage.getByLabel('Search campaigns').press('Enter')
  const results = otherPage.getByRole('region', { name: 'Matching campaigns' })
  await expect(results.getByRole('link', { name: title })).toBeVisible()

  // ...until the admin flags it.
  await sidebar(page).getByRole('link', { name: 'Campaigns' }).click()
  await page.getByRole('searchbox', { name: 'Search campaigns' }).fill(title)
  const row = page.locator('tbody tr').filter({ hasText: title })
  await expect(page.locator('tbody tr')).toHaveCount(1)
  await row.getByRole('button', { name: `Flag ${title}` }).click()
  const flag = page.getByRole('dialog', { name: `Flag “${title}”` })
  await flag.getByLabel('Reason').fill('Promises returns no savings account can give.')
  await flag.getByRole('button', { name: 'Flag campaign' }).click()
  await expect(page.getByText('Campaign flagged', { exact: true })).toBeVisible()

  await otherPage.reload()
  await expect(results.getByText('No campaigns match')).toBeVisible()
  await expect(otherPage.getByRole('link', { name: title })).toHaveCount(0)
  // Not listed under its niche either.
  await gotoHydrated(otherPage, '/influencer/campaigns?niche=finance')
  await expect(otherPage.getByRole('link', { name: title })).toHaveCount(0)
})
