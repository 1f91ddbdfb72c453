import { beforeAll, describe, expect, inject, it } from 'vitest'
import { formatCents } from '../../shared/money'
import { anonymous, campaignBody, liveCampaign, loginAs, newUser } from '../support/actors'
import type { Client } from '../support/actors'
import type { apiClient } from '../support/api-client'
import { TEST_SITE_URL } from '../support/built-server'
import { testDatabase } from '../support/suite-database'

// The public pages as a search engine or a browser without JavaScript gets them: plain GETs of
// the built server's HTML.

type Fetcher = ReturnType<typeof apiClient>

async function html(path: string, as: Fetcher = anonymous()) {
  const res = await as.get<string>(path, { headers: { accept: 'text/html' } })
  return { status: res.status, body: String(res.body), headers: res.headers }
}

const decode = (text: string) => text
  .replace(/&quot;/g, '"').replace(/&#39;/g, '\'').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

function head(body: string) {
  const tag = (pattern: RegExp) => {
    const found = body.match(pattern)
    return found ? decode(found[1]!) : undefined
  }
  return {
    title: tag(/<title>([^<]*)<\/title>/),
    description: tag(/<meta name="description" content="([^"]*)"/),
    robots: tag(/<meta name="robots" content="([^"]*)"/),
    canonical: tag(/<link rel="canonical" href="([^"]*)"/),
    og: (name: string) => tag(new RegExp(`<meta property="og:${name}" content="([^"]*)"`)),
    twitter: (name: string) => tag(new RegExp(`<meta name="twitter:${name}" content="([^"]*)"`)),
  }
}

/** The page's JSON-LD graph, parsed: a syntax error fails the test. */
function jsonLd(body: string): Record<string, any>[] {
  const blocks = [...body.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)]
  expect(blocks, 'one JSON-LD block').toHaveLength(1)
  return JSON.parse(blocks[0]![1]!)['@graph']
}

/** The visible text, without markup, for "the page says …" checks. */
const text = (body: string) => decode(body.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ')
const hrefs = (body: string) => [...body.matchAll(/href="([^"]*)"/g)].map(m => decode(m[1]!))
const campaignLinks = (body: string) => hrefs(body).filter(h => /^\/campaigns\/[a-z0-9-]+$/.test(h))

/** What a page ships besides its HTML and CSS: nothing but JSON-LD and the colour-scheme snippet. */
function expectNoAppScripts(body: string) {
  expect(body).not.toMatch(/<script[^>]+src=/)
  expect(body).not.toMatch(/rel="modulepreload"/)
  expect(body).not.toMatch(/\/_nuxt\/[^"]+\.js/)
  expect(body).not.toContain('__NUXT_DATA__')
  expect(body).not.toContain('__NUXT_SITE_CONFIG__')
  const inline = [...body.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)]
  expect(inline.map(m => m[1]!.includes('nuxt-color-mode'))).toEqual([true])
}

interface CampaignRow { id: number, slug: string, title: string, niche: string, budget: number, status: string, start_date: string, end_date: string, goals: string, company: string, website: string, updated_at: number }

async function campaignRow(slug: string): Promise<CampaignRow> {
  return (await testDatabase().row<CampaignRow>(`select c.*, s.company, s.website from campaigns c join sponsor_profiles s on s.user_id = c.sponsor_id where c.slug = ?`, slug))!
}

/** Slug → updated_at of every campaign a visitor may see, straight from the database. */
async function publicCampaignsInDatabase(): Promise<Map<string, number>> {
  const rows = await testDatabase().rows<{ slug: string, updated_at: number }>(`select slug, updated_at from campaigns where visibility = 'public' and flagged = false
    and status in ('scheduled', 'active', 'paused', 'completed')`)
  return new Map(rows.map(r => [r.slug, r.updated_at]))
}

const longDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' })
const day = (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`))

describe('the home page', () => {
  it('is complete without JavaScript: live public campaigns, both audiences, sign-up calls', async () => {
    // The newest live campaign of all, but flagged: public pages leave it out.
    const sponsor = await newUser('sponsor')
    const flagged = await liveCampaign(sponsor)
    expect((await (await loginAs('admin')).patch(`/api/admin/campaigns/${flagged.id}`, { flagged: true, reason: 'Claims under review' })).status).toBe(200)

    const { status, body } = await html('/')
    expect(status).toBe(200)
    expectNoAppScripts(body)
    const meta = head(body)
    expect(meta.title).toBe('Sponsorship deals between brands and creators · Influencia')
    expect(meta.description).toMatch(/marketplace for influencer sponsorships/)
    expect(meta.canonical).toBe(`${TEST_SITE_URL}/`)
    expect(meta.og('url')).toBe(`${TEST_SITE_URL}/`)
    expect(meta.og('title')).toBe(meta.title)
    expect(meta.twitter('card')).toBe('summary')

    const page = text(body)
    expect(page).toContain('Run campaigns and choose the right creators')
    expect(page).toContain('Find paid work that fits your audience')
    expect(hrefs(body)).toEqual(expect.arrayContaining(['/signup?role=sponsor', '/signup?role=influencer', '/campaigns']))
    // Featured: the newest public campaigns that take applications. Other test files add some
    // meanwhile, so the list is checked for what it must hold rather than for which ones.
    const featured = campaignLinks(body).map(link => link.slice('/campaigns/'.length))
    expect(featured).toHaveLength(6)
    expect(featured).not.toContain(flagged.slug)
    const rows = await Promise.all(featured.map(slug => testDatabase().row<Record<string, any>>('select visibility, flagged, status, created_at from campaigns where slug = ?', slug)))
    for (const row of rows) expect(row).toMatchObject({ visibility: 'public', flagged: 0, status: expect.stringMatching(/^(scheduled|active)$/) })
    expect(rows.map(r => r!.created_at)).toEqual(rows.map(r => r!.created_at).sort((a, b) => b - a))
    const site = jsonLd(body).find(node => node['@type'] === 'WebSite')
    expect(site).toMatchObject({ name: 'Influencia', url: `${TEST_SITE_URL}/` })
  })
})

describe('a campaign page', () => {
  it('shows the campaign\'s facts, its sponsor and an Apply link through login to the creator dashboard', async () => {
    const c = await campaignRow('summer-trail-gear-launch')
    const { status, body } = await html('/campaigns/summer-trail-gear-launch')
    expect(status).toBe(200)
    expectNoAppScripts(body)

    const meta = head(body)
    expect(meta.title).toBe(`${c.title} · ${c.company} · Influencia`)
    expect(meta.description).toContain(`${c.company} is looking for fitness creators`)
    expect(meta.description!.length).toBeLessThanOrEqual(160)
    const url = `${TEST_SITE_URL}/campaigns/${c.slug}`
    expect(meta.canonical).toBe(url)
    expect(meta.robots).toMatch(/^index/)
    expect([meta.og('url'), meta.og('title'), meta.og('description'), meta.og('type')]).toEqual([url, meta.title, meta.description, 'website'])
    expect([meta.twitter('card'), meta.twitter('title'), meta.twitter('description')]).toEqual(['summary', meta.title, meta.description])

    const graph = jsonLd(body)
    const posting = graph.find(node => node['@type'] === 'JobPosting')
    expect(posting).toMatchObject({
      title: c.title,
      hiringOrganization: { '@type': 'Organization', 'name': c.company, 'url': c.website },
      validThrough: `${c.end_date}T23:59:59Z`,
    })
    expect(posting!.description).toContain(c.goals)
    const trail = graph.find(node => node['@type'] === 'BreadcrumbList')
    expect(trail!.itemListElement.map((item: any) => [item.name, item.item])).toEqual([
      ['Home', TEST_SITE_URL], ['Campaigns', `${TEST_SITE_URL}/campaigns`], [c.title, url],
    ])

    const page = text(body)
    for (const fact of [c.title, c.company, c.goals, 'Fitness', 'Active', formatCents(c.budget), day(c.start_date), day(c.end_date)]) {
      expect(page, fact).toContain(fact)
    }
    expect(body).toMatch(/<dl[^>]*>\s*<div/)
    // Breadcrumbs as links: Home › Campaigns › this campaign.
    expect(hrefs(body)).toEqual(expect.arrayContaining(['/', '/campaigns']))

    // Apply: log in (or sign up as a creator) and come back to the campaign in the creator's dashboard.
    const links = hrefs(body).map(h => new URL(h, TEST_SITE_URL))
    const dashboard = `/influencer/campaigns/${c.id}`
    expect(links.some(l => l.pathname === '/login' && l.searchParams.get('redirect') === dashboard)).toBe(true)
    expect(links.some(l => l.pathname === '/signup' && l.searchParams.get('role') === 'influencer' && l.searchParams.get('redirect') === dashboard)).toBe(true)
    expect(hrefs(body)).toContain('/signup?role=sponsor')
  })

  it('stays public when paused or completed, with applications closed', async () => {
    for (const [slug, status] of [['clean-makeup-masterclass', 'Paused'], ['spring-hiking-collection', 'Completed']]) {
      const { status: code, body } = await html(`/campaigns/${slug}`)
      expect(code, slug).toBe(200)
      expect(text(body)).toContain(status)
      expect(text(body)).toContain('Applications closed')
      expect(hrefs(body).some(h => h.startsWith('/login?redirect='))).toBe(false)
    }
  })

  describe('that no visitor may see', () => {
    let sponsor: Client
    const hidden: Record<string, string> = {}

    beforeAll(async () => {
      sponsor = await newUser('sponsor')
      hidden.private = (await liveCampaign(sponsor, { visibility: 'private' })).slug
      hidden.draft = (await sponsor.post('/api/campaigns', campaignBody({ status: 'draft' }))).body.slug
      const cancelled = await liveCampaign(sponsor)
      expect((await sponsor.delete(`/api/campaigns/${cancelled.id}`)).status).toBe(200)
      hidden.cancelled = cancelled.slug
      const flagged = await liveCampaign(sponsor)
      const admin = await loginAs('admin')
      expect((await admin.patch(`/api/admin/campaigns/${flagged.id}`, { flagged: true, reason: 'Misleading claims' })).status).toBe(200)
      hidden.flagged = flagged.slug
      hidden.unknown = 'no-such-campaign-anywhere'
    })

    it('is a real 404, kept out of indexes, with a way on', async () => {
      for (const [kind, slug] of Object.entries(hidden)) {
        const { status, body, headers } = await html(`/campaigns/${slug}`)
        expect(status, kind).toBe(404)
        expect(head(body).robots, kind).toMatch(/noindex/)
        expect(headers.get('x-robots-tag') ?? '', kind).not.toMatch(/(^|[\s,])index/)
        expect(text(body), kind).toContain('Campaign not found')
        expect(hrefs(body), kind).toContain('/campaigns')
        expectNoAppScripts(body)
        expect((await anonymous().get(`/api/public/campaigns/${slug}`)).status, kind).toBe(404)
      }
    })

    it('is not found even for its owner: the public page knows nobody', async () => {
      expect((await html(`/campaigns/${hidden.private}`, sponsor)).status).toBe(404)
      expect((await sponsor.get(`/api/public/campaigns/${hidden.private}`)).status).toBe(404)
    })

    it('answers an address that cannot be a campaign as a missing page, and the API names the field', async () => {
      expect((await html('/campaigns/Not_A_Slug')).status).toBe(404)
      const res = await anonymous().get('/api/public/campaigns/Not_A_Slug')
      expect(res.status).toBe(400)
      expect(Object.keys(res.body.data.fields)).toEqual(['slug'])
    })
  })
})

describe('the campaign directory', () => {
  let sponsor: Client
  const tag = `dir${Math.random().toString(36).slice(2, 8)}`
  const budgets = Array.from({ length: 14 }, (_, i) => (i + 1) * 100_000)

  beforeAll(async () => {
    sponsor = await newUser('sponsor')
    for (const budget of budgets) await liveCampaign(sponsor, { title: `${tag} campaign ${budget / 100}`, budget, niche: 'food' })
    await liveCampaign(sponsor, { title: `${tag} private one`, visibility: 'private', niche: 'food' })
  })

  it('is a GET form whose fields come back filled in from the address', async () => {
    const { status, body } = await html(`/campaigns?q=${tag}&niche=food&min=3000&max=12000&sort=budget_asc`)
    expect(status).toBe(200)
    expectNoAppScripts(body)
    expect(body).toMatch(/<form[^>]*method="get"[^>]*action="\/campaigns"/)
    expect(body).toMatch(/<input[^>]*name="q"[^>]*value="dir[a-z0-9]+"|<input[^>]*value="dir[a-z0-9]+"[^>]*name="q"/)
    expect(body).toMatch(/<option value="food" selected/)
    expect(body).toMatch(/<option value="budget_asc" selected/)
    expect(body).toMatch(/name="min"[^>]*value="3000"|value="3000"[^>]*name="min"/)
    expect(body).toMatch(/name="max"[^>]*value="12000"|value="12000"[^>]*name="max"/)

    // $3,000 to $12,000 in cents, cheapest first, and never the private campaign.
    const expected = budgets.filter(b => b >= 300_000 && b <= 1_200_000)
    expect(campaignLinks(body)).toEqual(expected.map(b => `/campaigns/${tag}-campaign-${b / 100}`))
    expect(text(body)).toContain(`1–${expected.length} of ${expected.length} campaigns`)

    const meta = head(body)
    expect(meta.title).toBe(`Food sponsorship campaigns matching “${tag}” with budgets of $3,000–$12,000, lowest budget first · Influencia`)
    expect(meta.canonical).toBe(`${TEST_SITE_URL}/campaigns?q=${tag}&niche=food&min=3000&max=12000&sort=budget_asc`)
  })

  it('takes a form\'s empty fields as "any" and links its pages in the address', async () => {
    const { body } = await html(`/campaigns?q=${tag}&niche=&min=&max=&sort=budget_desc`)
    expect(campaignLinks(body)).toEqual(budgets.slice().reverse().slice(0, 12).map(b => `/campaigns/${tag}-campaign-${b / 100}`))
    expect(head(body).canonical).toBe(`${TEST_SITE_URL}/campaigns?q=${tag}&sort=budget_desc`)
    const next = `/campaigns?q=${tag}&sort=budget_desc&page=2`
    expect(hrefs(body)).toContain(next)

    const second = await html(next)
    expect(second.status).toBe(200)
    expect(campaignLinks(second.body)).toEqual([200_000, 100_000].map(b => `/campaigns/${tag}-campaign-${b / 100}`))
    expect(head(second.body).title).toMatch(/highest budget first, page 2 · Influencia$/)
    expect(hrefs(second.body)).toContain(`/campaigns?q=${tag}&sort=budget_desc`)

    const beyond = await html(`/campaigns?q=${tag}&sort=budget_desc&page=3`)
    expect(beyond.status).toBe(404)
    expect(head(beyond.body).robots).toMatch(/noindex/)
  })

  it('filters by niche with plain links between the pages', async () => {
    const { body } = await html('/campaigns?niche=beauty')
    const beauty = await testDatabase().rows<{ slug: string }>(`select slug from campaigns where niche = 'beauty' and visibility = 'public' and flagged = false
      and status in ('scheduled', 'active', 'paused', 'completed') order by created_at desc, id desc limit 12`)
    expect(campaignLinks(body)).toEqual(beauty.map(r => `/campaigns/${r.slug}`))
    expect(head(body).title).toBe('Beauty sponsorship campaigns · Influencia')
  })

  it('answers a mistyped filter with 400 and says which one', async () => {
    const bad = await html('/campaigns?min=lots&niche=crypto')
    expect(bad.status).toBe(400)
    expect(text(bad.body)).toContain('Minimum budget must be a number of dollars')
    expect(text(bad.body)).toContain('Choose a niche from the list')
    expect(head(bad.body).robots).toMatch(/noindex/)

    const backwards = await html('/campaigns?min=500&max=100')
    expect(backwards.status).toBe(400)
    expect(text(backwards.body)).toContain('Maximum budget must be at least the minimum')

    const api = await anonymous().get('/api/public/campaigns?minBudget=lots&sort=random')
    expect(api.status).toBe(400)
    expect(Object.keys(api.body.data.fields).sort()).toEqual(['minBudget', 'sort'])
  })
})

describe('public pages are the same for everyone', () => {
  it('carry nothing of a logged-in visitor, and set no cookie', async () => {
    const member = await newUser('influencer')
    const me = (await member.get('/api/auth/me')).body
    const campaignPath = '/campaigns/summer-trail-gear-launch'
    for (const path of ['/', '/campaigns?niche=travel', campaignPath]) {
      const page = await html(path, member)
      expect(page.status, path).toBe(200)
      for (const personal of [me.displayName, me.username, me.email, 'Log out', '/influencer/requests']) {
        expect(page.body, `${path}: ${personal}`).not.toContain(personal)
      }
      expect(page.headers.getSetCookie(), path).toEqual([])
    }
    // A page no other test changes: byte for byte what a visitor without a session gets.
    expect((await html(campaignPath, member)).body).toBe((await html(campaignPath)).body)
  })

  it('leave an expired session alone, where a dashboard page would refresh it', async () => {
    const mia = await loginAs('mia')
    mia.jar.delete('influencia_access')
    const page = await html('/campaigns/summer-trail-gear-launch', mia)
    expect(page.status).toBe(200)
    expect(page.headers.getSetCookie()).toEqual([])

    const dashboard = await html('/influencer', mia)
    expect(dashboard.headers.getSetCookie().some(c => c.startsWith('influencia_access='))).toBe(true)
  })
})

describe('public pages on the wire', () => {
  it('go compressed to browsers that take Brotli, the same page as the plain one, first answer and cached alike', async () => {
    // A search no one made before, so the first answer is rendered, not cached.
    const term = `wire${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
    const path = `/campaigns?niche=food&q=${term}`
    const compressed: string[] = []
    for (const [attempt, cache] of [['first', 'miss'], ['cached', 'hit']]) {
      const res = await fetch(inject('baseURL') + path, { headers: { 'accept': 'text/html', 'accept-encoding': 'br, gzip' } })
      expect(res.headers.get('x-cache'), attempt).toBe(cache)
      expect(res.headers.get('content-encoding'), attempt).toBe('br')
      expect(res.headers.get('vary'), attempt).toContain('accept-encoding')
      compressed.push(await res.text())
    }
    const plain = await html(path)
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.body).toContain(`value="${term}"`)
    expect(compressed).toEqual([plain.body, plain.body])
  })

  it('go plain to a client that takes no Brotli, on the first answer and from the cache', async () => {
    const term = `plain${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
    const path = `/campaigns?niche=food&q=${term}`
    const bodies: string[] = []
    for (const [attempt, cache] of [['first', 'miss'], ['cached', 'hit']]) {
      const res = await fetch(inject('baseURL') + path, { headers: { 'accept': 'text/html', 'accept-encoding': 'identity' } })
      expect(res.headers.get('x-cache'), attempt).toBe(cache)
      expect(res.headers.get('content-encoding'), attempt).toBeNull()
      bodies.push(await res.text())
    }
    expect(bodies[0]).toContain(`value="${term}"`)
    expect(bodies[1]).toBe(bodies[0])
  })
})

describe('sitemap.xml', () => {
  it('lists the public pages and exactly the public, unflagged, published campaigns, with their last change', async () => {
    // Other test files add campaigns meanwhile: what the database holds both before and after
    // the fetch must be listed, and nothing outside what it held at either time.
    const before = await publicCampaignsInDatabase()
    const res = await anonymous().get<string>('/sitemap.xml')
    const after = await publicCampaignsInDatabase()
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/xml/)

    const entries = [...String(res.body).matchAll(/<url>\s*<loc>([^<]+)<\/loc>(?:\s*<lastmod>([^<]+)<\/lastmod>)?/g)]
      .map(m => ({ loc: m[1]!, lastmod: m[2] }))
    const locs = entries.map(e => e.loc)
    expect(locs).toEqual(expect.arrayContaining([`${TEST_SITE_URL}/`, `${TEST_SITE_URL}/campaigns`]))
    expect(locs.filter(loc => !loc.startsWith(`${TEST_SITE_URL}/campaigns/`)).sort()).toEqual([`${TEST_SITE_URL}/`, `${TEST_SITE_URL}/campaigns`])

    const listed = new Map(entries.filter(e => e.loc.startsWith(`${TEST_SITE_URL}/campaigns/`))
      .map(e => [e.loc.slice(`${TEST_SITE_URL}/campaigns/`.length), e.lastmod]))
    for (const slug of before.keys()) {
      if (!after.has(slug)) continue
      expect(listed.has(slug), slug).toBe(true)
      expect(new Date(listed.get(slug)!).getTime(), slug).toBe(Math.floor(after.get(slug)! / 1000) * 1000)
    }
    for (const slug of listed.keys()) expect(before.has(slug) || after.has(slug), slug).toBe(true)
    for (const hidden of ['miracle-cream-giveaway', 'trail-running-ambassadors', 'family-campground-weekend', 'holiday-gift-sets']) {
      expect(listed.has(hidden), hidden).toBe(false)
    }
  })
})

describe('robots.txt', () => {
  it('lets crawlers into the public pages, keeps them out of dashboards and the API, and points at the sitemap', async () => {
    const res = await anonymous().get<string>('/robots.txt')
    expect(res.status).toBe(200)
    const lines = String(res.body).split('\n').map(l => l.trim())
    expect(lines).toContain('User-agent: *')
    const disallowed = lines.filter(l => l.startsWith('Disallow:')).map(l => l.slice('Disallow:'.length).trim())
    expect(disallowed.sort()).toEqual(['/admin', '/api/', '/influencer', '/sponsor'])
    for (const path of ['/', '/campaigns', '/campaigns/summer-trail-gear-launch', '/login', '/signup']) {
      expect(disallowed.some(rule => path.startsWith(rule)), path).toBe(false)
    }
    expect(lines).toContain(`Sitemap: ${TEST_SITE_URL}/sitemap.xml`)
  })
})
