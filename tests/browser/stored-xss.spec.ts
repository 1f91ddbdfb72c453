import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test'
import { TEST_ADMIN_PASSWORD } from '../support/built-server'
import { expect, test } from './fixtures'
import { signUp } from './helpers'

// Stored cross-site scripting: markup and script typed into every text field users can write,
// then every page that shows those fields is opened as each role. Nothing of it may run (no
// `window.__xss`, no dialog, no element made from it) and each field shows as the text it is.

/** Markup that runs script in every context a value can land in: element text, an attribute, a script block, a template. */
const full = (tag: string) => `${tag} <img src=x onerror=__xss=1></script><script>__xss=2</script>"><svg onload=__xss=3>{{7*7}}`
/** The same within 80 characters, for the short fields. */
const short = (tag: string) => `${tag} <img src=x onerror=__xss=1></script><script>__xss=2</script>`

interface Stored {
  run: string
  text: ReturnType<typeof payloadTexts>
  campaign: { id: number, slug: string }
  flaggedCampaign: number
  request: number
  influencerId: number
  sponsor: BrowserContext
  influencer: BrowserContext
  admin: BrowserContext
}

/** The payload of each text field, each marked with the run and the field so a page's text can be found. */
function payloadTexts(run: string) {
  const tag = (field: string) => `${run}${field}`
  return {
    title: full(tag('title')), description: full(tag('description')), goals: full(tag('goals')),
    company: full(tag('company')), sector: short(tag('sector')), sponsorName: short(tag('sname')), sponsorBio: full(tag('sponsorbio')),
    influencerName: short(tag('iname')), influencerBio: full(tag('influencerbio')), specialization: full(tag('specialization')),
    location: full(tag('location')), handle: short(tag('handle')),
    requirements: full(tag('requirements')), message: full(tag('message')), counter: full(tag('counter')),
    flaggedTitle: full(tag('flaggedtitle')), flagReason: full(tag('flagreason')), flaggedName: short(tag('fname')), userFlagReason: full(tag('userflagreason')),
  }
}

function day(offset: number) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
}

async function ok(response: Awaited<ReturnType<APIRequestContext['post']>>, status = 200): Promise<any> {
  expect(response.status(), await response.text()).toBe(status)
  return response.json()
}

let stored: Promise<Stored> | undefined

/** The payloads, written once per worker. */
function storePayloads(browser: Browser, baseURL: string): Promise<Stored> {
  stored ??= writePayloads(browser, baseURL)
  return stored
}

/** Writes the payloads through the API, each user in a browser context of their own. */
async function writePayloads(browser: Browser, baseURL: string): Promise<Stored> {
  const run = `x${Date.now().toString(36)}`
  const text = payloadTexts(run)
  const contextOf = async (login: string, password: string) => {
    const context = await browser.newContext({ baseURL })
    await ok(await context.request.post('/api/auth/login', { data: { login, password } }))
    return context
  }

  const setup = await browser.newContext({ baseURL })
  const sponsorAccount = await signUp(setup.request, 'sponsor', { profile: { company: text.company, sector: text.sector, website: 'https://brand.example' } })
  const influencerAccount = await signUp(setup.request, 'influencer', { profile: { specialization: text.specialization, location: text.location, platforms: [{ platform: 'instagram', handle: text.handle }] } })
  const flaggedAccount = await signUp(setup.request, 'influencer')
  await setup.close()

  const sponsor = await contextOf(sponsorAccount.username, sponsorAccount.password)
  const influencer = await contextOf(influencerAccount.username, influencerAccount.password)
  const admin = await contextOf('admin', TEST_ADMIN_PASSWORD)
  await ok(await sponsor.request.patch('/api/me/profile', { data: { displayName: text.sponsorName, bio: text.sponsorBio } }))
  // A script URL is no website: refused before it is stored.
  const scriptUrl = await sponsor.request.patch('/api/me/profile', { data: { profile: { website: 'javascript:__xss=4' } } })
  expect(scriptUrl.status()).toBe(400)
  await ok(await influencer.request.patch('/api/me/profile', { data: { displayName: text.influencerName, bio: text.influencerBio } }))

  const campaignData = { niche: 'fitness', startDate: day(-1), endDate: day(30), visibility: 'public', budget: 500_000, status: 'active' }
  const campaign = await ok(await sponsor.request.post('/api/campaigns', { data: { ...campaignData, title: text.title, description: text.description, goals: text.goals } }), 201)
  const flagged = await ok(await sponsor.request.post('/api/campaigns', { data: { ...campaignData, title: text.flaggedTitle, description: text.description } }), 201)
  const request = await ok(await sponsor.request.post('/api/ad-requests', { data: { campaignId: campaign.id, influencerId: influencerAccount.id, requirements: text.requirements, paymentAmount: 20_000, message: text.message } }), 201)
  await ok(await influencer.request.post(`/api/ad-requests/${request.id}/counter`, { data: { paymentAmount: 25_000, message: text.counter } }))
  await ok(await admin.request.patch(`/api/admin/campaigns/${flagged.id}`, { data: { flagged: true, reason: text.flagReason } }))
  // Another influencer is flagged: a flagged one leaves the sponsors' discovery.
  const flaggedOne = await contextOf(flaggedAccount.username, flaggedAccount.password)
  await ok(await flaggedOne.request.patch('/api/me/profile', { data: { displayName: text.flaggedName } }))
  await flaggedOne.close()
  await ok(await admin.request.patch(`/api/admin/users/${flaggedAccount.id}`, { data: { flagged: true, reason: text.userFlagReason } }))

  return { run, text, campaign, flaggedCampaign: flagged.id, request: request.id, influencerId: influencerAccount.id, sponsor, influencer, admin }
}

/**
 * Opens the page and waits until it is at rest (no request in flight: every image has been
 * tried), then checks that nothing stored ran or became markup, and that the given texts show as typed.
 */
async function expectInert(page: Page, url: string, shown: string[]) {
  const dialogs: string[] = []
  const onDialog = (dialog: { message: () => string, dismiss: () => Promise<void> }) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  }
  page.on('dialog', onDialog)
  const response = await page.goto(url)
  expect(response?.status(), url).toBe(200)
  await page.waitForLoadState('networkidle')
  for (const text of shown) await expect(page.getByText(text, { exact: false }).first(), `${url} shows ${text}`).toBeVisible()
  expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss), `${url} ran a stored script`).toBeUndefined()
  await expect(page.locator('img[src="x"], svg[onload]'), `${url} made markup of a stored value`).toHaveCount(0)
  await expect(page.locator('a[href^="javascript:" i]'), `${url} links a script URL`).toHaveCount(0)
  expect(dialogs, `${url} opened dialogs`).toEqual([])
  page.off('dialog', onDialog)
}

test('a visitor sees the stored markup as text on the public pages', async ({ browser, baseURL, page }) => {
  const { run, text, campaign } = await storePayloads(browser, baseURL!)
  await expectInert(page, '/', [])
  await expectInert(page, `/campaigns?q=${run}`, [text.title])
  await expectInert(page, `/campaigns/${campaign.slug}`, [text.title, text.description, text.goals, text.company])
})

test('the sponsor sees it as text on every page of theirs', async ({ browser, baseURL }) => {
  const { run, text, campaign, flaggedCampaign, request, influencerId, sponsor } = await storePayloads(browser, baseURL!)
  const page = await sponsor.newPage()
  await expectInert(page, '/sponsor', [text.company])
  await expectInert(page, '/sponsor/campaigns', [text.title])
  await expectInert(page, `/sponsor/campaigns/${campaign.id}`, [text.title, text.description, text.goals])
  await expectInert(page, `/sponsor/campaigns/${flaggedCampaign}`, [text.flaggedTitle, text.flagReason])
  await expectInert(page, `/sponsor/campaigns/${campaign.id}/edit`, [])
  await expectInert(page, '/sponsor/requests', [text.title])
  await expectInert(page, `/sponsor/requests/${request}`, [text.requirements, text.message, text.counter, text.influencerName])
  await expectInert(page, `/sponsor/influencers?q=${run}`, [text.influencerName])
  await expectInert(page, `/sponsor/influencers/${influencerId}`, [text.influencerName, text.influencerBio])
  await expectInert(page, '/sponsor/profile', [])
  await expectInert(page, '/sponsor/reports', [])
  await expectInert(page, '/sponsor/exports', [])
  await page.close()
})

test('the influencer sees it as text on every page of theirs', async ({ browser, baseURL }) => {
  const { run, text, campaign, request, influencer } = await storePayloads(browser, baseURL!)
  const page = await influencer.newPage()
  await expectInert(page, '/influencer', [text.influencerName])
  await expectInert(page, `/influencer/campaigns?q=${run}`, [text.title])
  await expectInert(page, `/influencer/campaigns/${campaign.id}`, [text.title, text.description, text.goals])
  await expectInert(page, '/influencer/requests', [text.title])
  await expectInert(page, `/influencer/requests/${request}`, [text.requirements, text.message, text.counter])
  await expectInert(page, '/influencer/profile', [])
  await page.close()
})

test('the admin sees it as text on every admin page', async ({ browser, baseURL }) => {
  const { run, text, admin } = await storePayloads(browser, baseURL!)
  const page = await admin.newPage()
  await expectInert(page, '/admin', [])
  await expectInert(page, `/admin/users?q=${run}`, [text.influencerName, text.sponsorName, text.flaggedName])
  await expectInert(page, `/admin/campaigns?q=${run}`, [text.title, text.flaggedTitle])
  await expectInert(page, '/admin/requests', [text.title])
  await expectInert(page, '/admin/outbox', [])
  await expectInert(page, '/admin/jobs', [])
  await page.close()
})

test.afterAll(async () => {
  const contexts = stored && await stored.catch(() => undefined)
  if (contexts) await Promise.all([contexts.sponsor.close(), contexts.influencer.close(), contexts.admin.close()])
  stored = undefined
})
