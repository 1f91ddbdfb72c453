import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { formatCents } from '../../shared/money'
import { actorsOn, campaignBody, liveCampaign } from '../support/actors'
import type { Client } from '../support/actors'
import { apiClient } from '../support/api-client'
import { databaseAt } from '../support/database'
import { freePort, startBuiltServer } from '../support/built-server'
import type { RunningServer } from '../support/built-server'
import { ownRedis, redisAvailable, sharedInstances } from '../support/redis'
import { suiteDialect } from '../support/scratch-database'

// Cached reads are never stale: after each kind of write, every cached read that shows the
// change shows it on the very next request, on every instance. Each setup runs its own servers.

const withRedis = await redisAvailable()

interface Setup {
  /** The instance that takes the writes, and every instance whose reads must be fresh. */
  writer: RunningServer
  readers: RunningServer[]
  cleanUp: () => Promise<void>
}

async function memorySetup(): Promise<Setup> {
  const server = await startBuiltServer()
  return { writer: server, readers: [server], cleanUp: () => server.stop() }
}

/** Two instances behind one load balancer: one database file, one Redis. */
async function redisSetup(): Promise<Setup> {
  const { servers: [a, b], stop } = await sharedInstances(2)
  return { writer: a!, readers: [a!, b!], cleanUp: stop }
}

const setups: [string, () => Promise<Setup>][] = [['memory', memorySetup], ...(withRedis ? [['Redis, two instances', redisSetup] as [string, () => Promise<Setup>]] : [])]

/** The HTML a browser without JavaScript gets. */
async function page(server: RunningServer, path: string) {
  const res = await apiClient({ baseURL: server.url }).get<string>(path, { headers: { accept: 'text/html' } })
  return { status: res.status, body: String(res.body), cache: res.headers.get('x-cache') }
}

const titleOf = (html: string) => html.match(/<title>([^<]*)<\/title>/)?.[1]?.replace(/&#39;/g, '\'').replace(/&amp;/g, '&')

/** Everything a visitor can see of one campaign on one instance, through every cached read. */
async function publicView(server: RunningServer, slug: string) {
  const visitor = apiClient({ baseURL: server.url })
  const [list, data, home, directory, campaignPage, sitemap] = await Promise.all([
    visitor.get('/api/public/campaigns'),
    visitor.get(`/api/public/campaigns/${slug}`),
    page(server, '/'),
    page(server, '/campaigns'),
    page(server, `/campaigns/${slug}`),
    visitor.get<string>('/sitemap.xml'),
  ])
  const listed = list.body.items.find((c: { slug: string }) => c.slug === slug)
  return {
    listed: listed ? { title: listed.title, remaining: listed.remaining } : null,
    data: data.status === 200 ? { title: data.body.title, status: data.body.status, remaining: data.body.remaining } : data.status,
    featured: home.body.includes(`href="/campaigns/${slug}"`),
    inDirectory: directory.body.includes(`href="/campaigns/${slug}"`),
    page: campaignPage.status === 200 ? titleOf(campaignPage.body) : campaignPage.status,
    inSitemap: String(sitemap.body).includes(`/campaigns/${slug}</loc>`),
  }
}

/** How many requests a user's list holds, as one instance answers it. */
async function requestTotal(server: RunningServer, client: Client, filters = '') {
  const cookie = [...client.jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const res = await fetch(`${server.url}/api/ad-requests?pageSize=1${filters}`, { headers: { cookie } })
  expect(res.status).toBe(200)
  return (await res.json()).total as number
}

/** Reads the cached views twice on every reader, so that the next read would be a hit. */
async function warm(setup: Setup, slug: string) {
  for (const server of setup.readers) {
    await publicView(server, slug)
    const again = await apiClient({ baseURL: server.url }).get('/api/public/campaigns')
    expect(again.headers.get('x-cache'), 'the list is served from the cache before the write').toBe('hit')
    expect((await page(server, '/campaigns')).cache, 'so is the directory page').toBe('hit')
  }
}

/** What each reader must show: each entry is matched in part, as `toMatchObject` does. */
type Seen = { [K in keyof Awaited<ReturnType<typeof publicView>>]?: unknown }

async function everyReaderSees(setup: Setup, slug: string, expected: Seen) {
  for (const server of setup.readers) {
    expect(await publicView(server, slug), server === setup.writer ? 'the writing instance' : 'the other instance').toMatchObject(expected)
  }
}

describe.each(setups)('cached reads after each kind of write, %s', (_name, makeSetup) => {
  let setup: Setup
  let sponsor: Client
  let influencer: Client
  let admin: Client

  beforeAll(async () => {
    setup = await makeSetup()
    const actors = actorsOn(setup.writer.url)
    ;[sponsor, influencer, admin] = await Promise.all([actors.newUser('sponsor'), actors.newUser('influencer'), actors.loginAs('admin')])
  })
  afterAll(() => setup?.cleanUp())

  it('create, edit, pause, flag, unflag and cancel show at once in the list, the pages and the sitemap', async () => {
    await warm(setup, 'none-yet')
    const campaign = await liveCampaign(sponsor, { title: 'Trail running autumn' })
    await everyReaderSees(setup, campaign.slug, {
      listed: { title: 'Trail running autumn', remaining: 100_000 },
      featured: true, inDirectory: true, inSitemap: true,
      page: expect.stringContaining('Trail running autumn'),
    })

    await warm(setup, campaign.slug)
    expect((await sponsor.patch(`/api/campaigns/${campaign.id}`, { title: 'Trail running winter' })).status).toBe(200)
    await everyReaderSees(setup, campaign.slug, {
      listed: { title: 'Trail running winter', remaining: 100_000 },
      data: { title: 'Trail running winter', status: 'active', remaining: 100_000 },
      page: expect.stringContaining('Trail running winter'),
    })

    await warm(setup, campaign.slug)
    expect((await sponsor.patch(`/api/campaigns/${campaign.id}`, { status: 'paused' })).status).toBe(200)
    await everyReaderSees(setup, campaign.slug, { data: { status: 'paused' }, featured: false, inDirectory: true })

    await warm(setup, campaign.slug)
    expect((await admin.patch(`/api/admin/campaigns/${campaign.id}`, { flagged: true, reason: 'Checking the claims' })).status).toBe(200)
    await everyReaderSees(setup, campaign.slug, { listed: null, data: 404, page: 404, inDirectory: false, inSitemap: false })

    await warm(setup, campaign.slug)
    expect((await admin.patch(`/api/admin/campaigns/${campaign.id}`, { flagged: false })).status).toBe(200)
    await everyReaderSees(setup, campaign.slug, { listed: { title: 'Trail running winter' }, data: { status: 'paused' }, inDirectory: true, inSitemap: true })

    await warm(setup, campaign.slug)
    expect((await sponsor.delete(`/api/campaigns/${campaign.id}`)).status).toBe(200)
    await everyReaderSees(setup, campaign.slug, { listed: null, data: 404, page: 404, featured: false, inDirectory: false, inSitemap: false })
  })

  it('publishing a draft puts it on every public page at once', async () => {
    const draft = await sponsor.post('/api/campaigns', campaignBody({ status: 'draft', title: 'Draft for the cache' }))
    expect(draft.status).toBe(201)
    await warm(setup, draft.body.slug)
    await everyReaderSees(setup, draft.body.slug, { listed: null, data: 404, page: 404, inSitemap: false })

    expect((await sponsor.patch(`/api/campaigns/${draft.body.id}`, { status: 'active' })).status).toBe(200)
    await everyReaderSees(setup, draft.body.slug, {
      listed: { title: 'Draft for the cache' }, featured: true, inDirectory: true, inSitemap: true,
      page: expect.stringContaining('Draft for the cache'),
    })
  })

  it('an accepted deal shows in the remaining budget, both dashboards and the admin figures at once', async () => {
    const campaign = await liveCampaign(sponsor, { budget: 200_000 })
    const application = await influencer.post('/api/ad-requests', { campaignId: campaign.id, requirements: 'One reel', paymentAmount: 30_000 })
    expect(application.status).toBe(201)

    const figures = async () => {
      const [brand, creator, stats] = await Promise.all([sponsor.get('/api/me/summary'), influencer.get('/api/me/summary'), admin.get('/api/admin/stats')])
      return { brand, creator, stats }
    }
    await figures()
    const before = await figures()
    expect([before.brand, before.creator, before.stats].map(r => r.headers.get('x-cache'))).toEqual(['hit', 'hit', 'hit'])
    await warm(setup, campaign.slug)

    expect((await sponsor.post(`/api/ad-requests/${application.body.id}/accept`, {})).status).toBe(200)
    await everyReaderSees(setup, campaign.slug, { listed: { remaining: 170_000 }, data: { remaining: 170_000 } })
    for (const server of setup.readers) {
      expect((await page(server, `/campaigns/${campaign.slug}`)).body).toContain(formatCents(170_000))
    }
    const after = await figures()
    expect(after.brand.body.budget.committed).toBe(before.brand.body.budget.committed + 30_000)
    expect(after.brand.body.deals.byStatus.accepted.count).toBe(before.brand.body.deals.byStatus.accepted.count + 1)
    expect(after.creator.body.earnings.agreed).toBe(before.creator.body.earnings.agreed + 30_000)
    expect(after.stats.body.money.committed).toBe(before.stats.body.money.committed + 30_000)
  })

  it('a new request and an answer show in the admin\'s and both parties\' request totals at once', async () => {
    const campaign = await liveCampaign(sponsor)
    const first = await influencer.post('/api/ad-requests', { campaignId: campaign.id, requirements: 'One reel', paymentAmount: 10_000 })
    expect(first.status).toBe(201)
    const totals = () => Promise.all(setup.readers.map(async server => ({
      admin: await requestTotal(server, admin),
      brand: await requestTotal(server, sponsor),
      brandPending: await requestTotal(server, sponsor, '&status=pending'),
      creator: await requestTotal(server, influencer),
    })))
    await totals()
    const [before] = await totals()

    // Changed behind the app's back, as no request can: the totals are kept, not counted again.
    await databaseAt(setup.writer.database).change(`update ad_requests set status = 'rejected' where id = ?`, first.body.id)
    expect(await totals(), 'the totals are read from the cache').toEqual(setup.readers.map(() => before))

    const second = await influencer.post('/api/ad-requests', { campaignId: campaign.id, requirements: 'Two reels', paymentAmount: 20_000 })
    expect(second.status).toBe(201)
    const grown = { admin: before!.admin + 1, brand: before!.brand + 1, brandPending: before!.brandPending, creator: before!.creator + 1 }
    expect(await totals(), 'every reader counts the new request').toEqual(setup.readers.map(() => grown))

    expect((await sponsor.post(`/api/ad-requests/${second.body.id}/reject`, {})).status).toBe(200)
    expect(await totals(), 'every reader counts the answer').toEqual(setup.readers.map(() => ({ ...grown, brandPending: before!.brandPending - 1 })))
  })

  it('a profile edit shows in the influencer directory and on the sponsor\'s campaign pages at once', async () => {
    const campaign = await liveCampaign(sponsor)
    const town = `Lisbon ${randomUUID().slice(0, 8)}`
    const search = () => sponsor.get(`/api/influencers?location=${encodeURIComponent(town)}`)
    expect((await search()).body.items).toEqual([])
    expect((await search()).headers.get('x-cache')).toBe('hit')
    await warm(setup, campaign.slug)

    expect((await influencer.patch('/api/me/profile', { profile: { location: town } })).status).toBe(200)
    expect((await search()).body.items.map((i: { id: number }) => i.id)).toEqual([influencer.user.id])
    expect((await sponsor.patch('/api/me/profile', { profile: { company: 'Renamed Outdoor Co' } })).status).toBe(200)
    for (const server of setup.readers) {
      expect((await page(server, `/campaigns/${campaign.slug}`)).body).toContain('Renamed Outdoor Co')
    }
  })

  it('never stores a page that is not a 200 for everyone', async () => {
    for (const server of setup.readers) {
      const missing = await page(server, '/campaigns/no-such-campaign-here')
      expect(missing.status).toBe(404)
      expect((await page(server, '/campaigns/no-such-campaign-here')).cache).toBeNull()
      const home = await page(server, '/')
      expect(home.status).toBe(200)
      const again = await apiClient({ baseURL: server.url }).get<string>('/', { headers: { accept: 'text/html' } })
      expect(again.headers.get('x-cache')).toBe('hit')
      expect(again.headers.get('set-cookie')).toBeNull()
    }
  })

  it('sends a cached API answer compressed to a client that takes Brotli and plain to one that does not, the same on every instance', async () => {
    // A filter nobody asked for before, which every campaign passes: a long list, first a miss.
    const path = `/api/campaigns?pageSize=50&minBudget=${1 + Math.floor(Math.random() * 98)}`
    const get = (server: RunningServer, encoding: string) => fetch(server.url + path, { headers: { 'accept-encoding': encoding } })
    const first = await get(setup.writer, 'gzip, deflate, br')
    expect(first.headers.get('x-cache')).toBe('miss')
    const expected = await first.json()
    expect(expected.items.length).toBeGreaterThan(5)
    expect(first.headers.get('content-encoding')).toBe('br')
    for (const server of setup.readers) {
      for (const encoding of ['gzip, deflate, br', 'identity']) {
        const res = await get(server, encoding)
        expect(res.headers.get('x-cache'), encoding).toBe('hit')
        expect(res.headers.get('content-encoding'), encoding).toBe(encoding === 'identity' ? null : 'br')
        expect(res.headers.get('vary'), encoding).toContain('accept-encoding')
        expect(await res.json(), encoding).toEqual(expected)
      }
    }
  })

  it('renders a page just made stale once for all the visitors asking at the same moment', async () => {
    const campaign = await liveCampaign(sponsor, { title: 'Before the rush' })
    for (const server of setup.readers) await page(server, `/campaigns/${campaign.slug}`)
    expect((await sponsor.patch(`/api/campaigns/${campaign.id}`, { title: 'During the rush' })).status).toBe(200)

    const rush = await Promise.all(Array.from({ length: 20 }, () => page(setup.writer, `/campaigns/${campaign.slug}`)))
    expect(rush.map(r => r.status)).toEqual(Array(20).fill(200))
    expect(rush.map(r => titleOf(r.body))).toEqual(Array(20).fill(expect.stringContaining('During the rush')))
    expect(rush.filter(r => r.cache === 'miss')).toHaveLength(1)
    expect(rush.filter(r => r.cache === 'hit')).toHaveLength(19)

    // A page that is not shared (a 404) is still answered to everyone who waited for it.
    const missing = await Promise.all(Array.from({ length: 5 }, () => page(setup.writer, '/campaigns?page=99999')))
    expect(missing.map(r => r.status)).toEqual(Array(5).fill(404))
  })
})

describe.runIf(withRedis)('a Redis outage', () => {
  let port: number
  let redis: Awaited<ReturnType<typeof ownRedis>>
  let server: RunningServer
  const prefix = `influencia-outage-${randomUUID()}`

  beforeAll(async () => {
    port = await freePort()
    redis = await ownRedis(port)
    server = await startBuiltServer({ NUXT_REDIS_URL: `redis://127.0.0.1:${port}`, NUXT_REDIS_PREFIX: prefix })
  })
  afterAll(async () => {
    await server?.stop()
    redis?.client.disconnect()
    await redis?.stop()
  })

  const health = async () => (await apiClient({ baseURL: server.url }).get('/api/health')).body
  const cacheComesBack = () => vi.waitFor(async () => expect(await health()).toEqual({ status: 'ok', db: 'ok', database: suiteDialect, cache: 'redis' }), { timeout: 15_000, interval: 100 })

  /** A visitor's, a sponsor's and a login's requests, each answered right, and how long each took. */
  async function traffic(sponsor: Client, slug: string, title: string) {
    const visitor = apiClient({ baseURL: server.url })
    const timings: number[] = []
    const timed = async <T>(work: Promise<T>) => {
      const start = performance.now()
      const result = await work
      timings.push(performance.now() - start)
      return result
    }
    for (let round = 0; round < 5; round++) {
      const list = await timed(visitor.get('/api/public/campaigns'))
      expect(list.status).toBe(200)
      expect(list.body.items.find((c: { slug: string }) => c.slug === slug)?.title).toBe(title)
      const html = await timed(page(server, `/campaigns/${slug}`))
      expect(html.status).toBe(200)
      expect(titleOf(html.body)).toContain(title)
      expect((await timed(sponsor.get('/api/me/summary'))).status).toBe(200)
      expect((await timed(visitor.post('/api/auth/login', { login: `nobody-${randomUUID()}`, password: 'wrong-password' }))).status).toBe(401)
    }
    return { max: Math.max(...timings), headers: (await visitor.get('/api/public/campaigns')).headers }
  }

  it('serves every request from the database while Redis is frozen or gone, and caches again when it is back', async () => {
    await cacheComesBack()
    const epoch = async () => Number(await redis.client.get(`${prefix}:cache:epoch`))
    const sponsor = await actorsOn(server.url).newUser('sponsor')
    const campaign = await liveCampaign(sponsor, { title: 'Before the outage' })
    const warmUp = await traffic(sponsor, campaign.slug, 'Before the outage')
    expect(warmUp.headers.get('x-cache')).toBe('hit')

    // Frozen: the connection stays open but nothing answers, the case a timeout must catch.
    const epochBefore = await epoch()
    redis.process.kill('SIGSTOP')
    try {
      const frozen = await traffic(sponsor, campaign.slug, 'Before the outage')
      console.info(`[cache test] slowest request while Redis was frozen: ${frozen.max.toFixed(0)} ms`)
      expect(frozen.max).toBeLessThan(1000)
      expect(frozen.headers.get('x-cache')).toBe('bypass')
      expect(await health()).toEqual({ status: 'ok', db: 'ok', database: suiteDialect, cache: 'unavailable' })
      // A write while invalidations cannot reach Redis: its answer is not held up either.
      const edit = await sponsor.patch(`/api/campaigns/${campaign.id}`, { title: 'During the freeze' })
      expect(edit.status).toBe(200)
      expect((await traffic(sponsor, campaign.slug, 'During the freeze')).max).toBeLessThan(1000)
    }
    finally {
      redis.process.kill('SIGCONT')
    }
    // Back with the entries of before the freeze still in it: a new epoch, so none of them is served.
    await cacheComesBack()
    expect(await epoch()).toBeGreaterThan(epochBefore)
    expect((await traffic(sponsor, campaign.slug, 'During the freeze')).headers.get('x-cache')).toBe('hit')

    // Gone: connections refused.
    await redis.stop()
    const gone = await traffic(sponsor, campaign.slug, 'During the freeze')
    console.info(`[cache test] slowest request while Redis was gone: ${gone.max.toFixed(0)} ms`)
    expect(gone.max).toBeLessThan(1000)
    expect(gone.headers.get('x-cache')).toBe('bypass')
    expect(await health()).toEqual({ status: 'ok', db: 'ok', database: suiteDialect, cache: 'unavailable' })
    expect((await sponsor.patch(`/api/campaigns/${campaign.id}`, { title: 'While Redis was gone' })).status).toBe(200)
    await traffic(sponsor, campaign.slug, 'While Redis was gone')

    redis.client.disconnect()
    redis = await ownRedis(port)
    await cacheComesBack()
    const back = await traffic(sponsor, campaign.slug, 'While Redis was gone')
    expect(back.headers.get('x-cache')).toBe('hit')
    expect(await redis.client.keys(`${prefix}:cache:entry:*`)).not.toHaveLength(0)
  })
})
