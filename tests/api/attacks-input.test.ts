import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actorsOn, campaignBody } from '../support/actors'
import type { Client } from '../support/actors'
import type { apiClient } from '../support/api-client'
import { newAccount } from '../support/api-client'
import { startBuiltServer } from '../support/built-server'
import type { RunningServer } from '../support/built-server'
import { databaseAt } from '../support/database'
import { settledExport } from '../support/exports'

// Hostile input from outside: any body to every write, SQL and search-syntax characters in every
// search field, posts from other sites, and password guessing. This file runs its own server:
// "a refused request changed nothing" is checked on a database only this file writes to.

type Caller = ReturnType<typeof apiClient>

let server: RunningServer
let actors: ReturnType<typeof actorsOn>
let sponsor: Client
let influencer: Client
let admin: Client
let victim: Client
const ids = { campaign: 0, draft: 0, victimCampaign: 0, request: 0 }

/**
 * The login limiter's window, short so the test can see it end, and long enough to hold five
 * failed logins (each a full password check) on a busy machine.
 */
const LOGIN_WINDOW_SECONDS = 5

beforeAll(async () => {
  server = await startBuiltServer({ NUXT_LOGIN_WINDOW_SECONDS: String(LOGIN_WINDOW_SECONDS) })
  actors = actorsOn(server.url)
  sponsor = await actors.newUser('sponsor')
  influencer = await actors.newUser('influencer')
  victim = await actors.newUser('influencer')
  admin = await actors.loginAs('admin')
  const campaign = await sponsor.post('/api/campaigns', campaignBody())
  const draft = await sponsor.post('/api/campaigns', campaignBody({ status: 'draft' }))
  const victimCampaign = await sponsor.post('/api/campaigns', campaignBody())
  const invite = await sponsor.post('/api/ad-requests', { campaignId: campaign.body.id, influencerId: influencer.user.id, requirements: 'One reel', paymentAmount: 10_000 })
  expect([campaign.status, draft.status, victimCampaign.status, invite.status]).toEqual([201, 201, 201, 201])
  Object.assign(ids, { campaign: campaign.body.id, draft: draft.body.id, victimCampaign: victimCampaign.body.id, request: invite.body.id })
  // Each user's first request of the hour notes the visit: done before the database is watched.
  for (const client of [sponsor, influencer, victim, admin]) await client.get('/api/auth/me')
})
afterAll(() => server?.stop())

// --- property-based fuzzing of every write ------------------------------------------------------

/** Values of every JSON type and the edges where parsers and validators slip. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, -0, 1.5, 1e308, -1e308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, '', ' ', '0', '-1', '1e3', 'NaN', 'null', 'true',
    '2026-02-30', '9999-99-99', '0000-00-00', 'x'.repeat(5_000), 'é'.repeat(3_000), '\u0000', '\uD800', '\u202E', '𝕏🙂👩‍👩‍👧', '<script>alert(1)</script>',
    '\' OR 1=1 --', 'constructor', '__proto__', [], {}, [[[[[]]]]], { $gt: '' }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.jsonValue({ maxDepth: 3 }),
)

/** Keys a body might carry: the real ones, server-owned ones and odd ones. */
const oddKeys = ['id', 'role', 'status', '__proto__', 'constructor', '', ' ', 'profile', '0', 'a'.repeat(300)]

type Body = Record<string, any>

/**
 * A body near a valid one, where the bugs live: some of its fields (nested ones too, written
 * `profile.budget`) replaced by anything, removed, or joined by fields it does not have.
 */
function nearly(valid: () => Body): fc.Arbitrary<Body> {
  const paths = [...new Set([...pathsOf(valid()), ...oddKeys])]
  return fc.tuple(
    fc.dictionary(fc.constantFrom(...paths), nasty, { maxKeys: 3 }),
    fc.subarray(pathsOf(valid()), { maxLength: Math.min(2, pathsOf(valid()).length) }),
  ).map(([replaced, removed]) => {
    const body = structuredClone(valid())
    for (const path of removed) setPath(body, path, undefined)
    // A copy of each value: the same constant must not be written into by a later path.
    for (const [path, value] of Object.entries(replaced)) setPath(body, path, structuredClone(value))
    return body
  })
}

function pathsOf(body: Body, prefix = ''): string[] {
  return Object.entries(body).flatMap(([k, v]) => v && typeof v === 'object' && !Array.isArray(v) ? [prefix + k, ...pathsOf(v, `${prefix}${k}.`)] : [prefix + k])
}

function setPath(body: Body, path: string, value: unknown) {
  const keys = path.split('.')
  let target = body
  for (const key of keys.slice(0, -1)) {
    if (!target[key] || typeof target[key] !== 'object') target[key] = {}
    target = target[key]
  }
  if (value === undefined) Reflect.deleteProperty(target, keys.at(-1)!)
  else Object.defineProperty(target, keys.at(-1)!, { value, enumerable: true, writable: true, configurable: true })
}

/** Any body: some JSON, a near-valid body, or text that is not JSON at all. */
function anyBody(valid: () => Body): fc.Arbitrary<{ body?: unknown, rawBody?: string }> {
  return fc.oneof(
    { weight: 5, arbitrary: nearly(valid).map(body => ({ body })) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(body => ({ body })) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map(rawBody => ({ rawBody })) },
    { weight: 1, arbitrary: fc.constantFrom('{', '{"a":', '[1,2', '{"__proto__":{"role":"admin"}}', '{"constructor":{"prototype":{"role":"admin"}}}', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'null', '""').map(rawBody => ({ rawBody })) },
  )
}

/** A path id: mostly the real one, else what a path should never hold. */
const pathId = (real: () => number) => fc.oneof(
  { weight: 3, arbitrary: fc.constant(null).map(() => String(real())) },
  { weight: 1, arbitrary: fc.constantFrom('0', '-1', 'abc', '1.5', '1e3', '99999999999999999999', '1\' OR \'1\'=\'1', '%00', '%2e%2e', ' ') },
)

interface Write {
  route: string
  who: () => Caller
  path: fc.Arbitrary<string>
  method: 'POST' | 'PATCH' | 'DELETE'
  valid: () => Body
  /** Cookies left out (a refresh token in the cookie would be rotated by any body). */
  cookies?: boolean
  runs?: number
}

const fixed = (path: string) => fc.constant(path)
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

const WRITES: Write[] = [
  // Hashing a password takes a good part of a second on a busy machine: fewer runs where a body may get that far.
  { route: 'POST /api/auth/signup', who: () => actors.anonymous(), path: fixed('/api/auth/signup'), method: 'POST', valid: () => newAccount('sponsor', { profile: { company: 'Fuzz', sector: 'Tests', website: 'https://fuzz.example', budget: 1_000 } }), runs: 25 },
  { route: 'POST /api/auth/login', who: () => actors.anonymous(), path: fixed('/api/auth/login'), method: 'POST', valid: () => ({ login: 'mia', password: 'not-her-password' }), runs: 20 },
  { route: 'POST /auth/login', who: () => actors.anonymous(), path: fixed('/auth/login'), method: 'POST', valid: () => ({ login: 'leo', password: 'not-his-password' }), runs: 10 },
  { route: 'POST /login', who: () => actors.anonymous(), path: fixed('/login'), method: 'POST', valid: () => ({ login: 'kai', password: 'not-his-password', redirect: '/influencer' }), runs: 10 },
  { route: 'POST /api/auth/refresh', who: () => influencer, path: fixed('/api/auth/refresh'), method: 'POST', valid: () => ({ refreshToken: 'x'.repeat(43) }), cookies: false },
  { route: 'POST /api/auth/password-reset', who: () => actors.anonymous(), path: fixed('/api/auth/password-reset'), method: 'POST', valid: () => ({ email: 'nobody@example.test' }) },
  { route: 'POST /api/auth/password-reset/confirm', who: () => actors.anonymous(), path: fixed('/api/auth/password-reset/confirm'), method: 'POST', valid: () => ({ token: 'y'.repeat(43), newPassword: 'a new password' }), runs: 20 },
  { route: 'POST /api/campaigns', who: () => sponsor, path: fixed('/api/campaigns'), method: 'POST', valid: () => campaignBody({ startDate: day(1), endDate: day(20) }) },
  { route: 'PATCH /api/campaigns/[id]', who: () => sponsor, path: pathId(() => ids.draft).map(id => `/api/campaigns/${id}`), method: 'PATCH', valid: () => ({ title: 'Renamed', goals: 'More', budget: 50_000, endDate: day(40), status: 'draft' }) },
  { route: 'DELETE /api/campaigns/[id]', who: () => sponsor, path: pathId(() => ids.draft).map(id => `/api/campaigns/${id}`), method: 'DELETE', valid: () => ({}), runs: 10 },
  { route: 'POST /api/ad-requests (invitation)', who: () => sponsor, path: fixed('/api/ad-requests'), method: 'POST', valid: () => ({ campaignId: ids.campaign, influencerId: victim.user.id, requirements: 'Two stories', paymentAmount: 5_000, message: 'Hi' }) },
  { route: 'POST /api/ad-requests (application)', who: () => victim, path: fixed('/api/ad-requests'), method: 'POST', valid: () => ({ campaignId: ids.victimCampaign, requirements: 'A reel', paymentAmount: 5_000 }) },
  { route: 'POST /sponsor/add_adRequest_data', who: () => sponsor, path: fixed('/sponsor/add_adRequest_data'), method: 'POST', valid: () => ({ campaignId: ids.victimCampaign, influencerId: influencer.user.id, requirements: 'A post', paymentAmount: 5_000 }), runs: 15 },
  {
    route: 'POST /api/ad-requests/[id]/[action]',
    who: () => influencer,
    path: fc.tuple(pathId(() => ids.request), fc.oneof(fc.constantFrom('accept', 'reject', 'counter', 'withdraw', 'complete'), fc.string({ maxLength: 12 }).map(encodeURIComponent))).map(([id, action]) => `/api/ad-requests/${id}/${action}`),
    method: 'POST',
    valid: () => ({ paymentAmount: 11_000, message: 'How about this' }),
  },
  { route: 'PATCH /api/me/profile (sponsor)', who: () => sponsor, path: fixed('/api/me/profile'), method: 'PATCH', valid: () => ({ displayName: 'Brand', bio: 'We sell', profile: { company: 'Co', sector: 'Retail', website: 'https://co.example', budget: 900_000 } }) },
  { route: 'PATCH /api/me/profile (influencer)', who: () => influencer, path: fixed('/api/me/profile'), method: 'PATCH', valid: () => ({ bio: 'Hi', profile: { niche: 'travel', specialization: 'Trains', platforms: [{ platform: 'instagram', handle: '@me' }], audienceSize: 5_000, engagementRate: 2.5, location: 'Oslo', minimumRate: 1_000 } }) },
  { route: 'PATCH /api/me/profile (admin)', who: () => admin, path: fixed('/api/me/profile'), method: 'PATCH', valid: () => ({ displayName: 'Admin', bio: 'Moderator' }), runs: 15 },
  // Never with the right current password, so no run changes it (logging out everywhere takes no body).
  { route: 'POST /api/me/password', who: () => victim, path: fixed('/api/me/password'), method: 'POST', valid: () => ({ currentPassword: 'not-the-password', newPassword: 'a-brand-new-passphrase' }), runs: 15 },
  { route: 'POST /api/notifications/read', who: () => influencer, path: fixed('/api/notifications/read'), method: 'POST', valid: () => ({ ids: [1, 2, 3] }), runs: 20 },
  { route: 'POST /api/exports', who: () => sponsor, path: fixed('/api/exports'), method: 'POST', valid: () => ({ kind: 'campaigns' }), runs: 15 },
  { route: 'PATCH /api/admin/users/[id]', who: () => admin, path: pathId(() => victim.user.id).map(id => `/api/admin/users/${id}`), method: 'PATCH', valid: () => ({ flagged: true, reason: 'Looks fake', status: 'active' }) },
  { route: 'PATCH /api/admin/campaigns/[id]', who: () => admin, path: pathId(() => ids.victimCampaign).map(id => `/api/admin/campaigns/${id}`), method: 'PATCH', valid: () => ({ flagged: false, reason: 'Fine' }) },
  // Only names no task has: a real task would run and write its own records.
  { route: 'POST /api/admin/jobs/[name]/run', who: () => admin, path: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('campaigns', 'campaigns:lifecycle:x', '..%2f..', '__proto__', 'constructor')).map(name => `/api/admin/jobs/${encodeURIComponent(name)}/run`), method: 'POST', valid: () => ({}), runs: 15 },
]

describe('any body to any write', () => {
  for (const write of WRITES) {
    it(`${write.route}: 2xx or 4xx, never 5xx, and a 4xx changes nothing`, async () => {
      await fc.assert(fc.asyncProperty(write.path, anyBody(write.valid), async (path, payload) => {
        const before = await databaseAt(server.database).digest()
        const res = await write.who().request(write.method, path, { ...payload, cookies: write.cookies })
        const context = `${write.method} ${path} ${JSON.stringify(payload).slice(0, 500)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`
        expect(res.status, context).toBeLessThan(500)
        expect(res.status, context).toBeGreaterThanOrEqual(200)
        if (res.status >= 400) expect(await databaseAt(server.database).digest(), context).toEqual(before)
        // An export goes on writing in the background: it must be done before the next run looks.
        if (write.route === 'POST /api/exports' && res.status === 202) await settledExport(sponsor, res.body.id)
      }), { numRuns: write.runs ?? 30 })
    })
  }
})

// --- SQL and search syntax in every search field -------------------------------------------------

const METACHARACTERS = ['\'', '"', '--', ';', '%', '_', '\\', '%%', '_%', '\' OR 1=1 --', '" OR ""="', '1; DROP TABLE users; --', '\' UNION SELECT password_hash FROM users --',
  'NEAR(', 'NEAR(a b)', '"*', '*', 'AND OR', 'a AND b', 'NOT', '^', '(', ')', '{', ':', 'title:x', '\u0000', '%\u0000', '\\%', '[', ']']

/** The words a search keeps of what was typed: the metacharacters around them must change nothing. */
const wordsOf = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.join(' ') ?? ''

interface Search { path: string, field: string, as: string, who: () => Caller, kind: 'words' | 'literal', textOf?: (item: any) => string }

const SEARCHES: Search[] = [
  { path: '/api/campaigns', field: 'q', as: 'visitor', who: () => actors.anonymous(), kind: 'words' },
  { path: '/api/campaigns', field: 'q', as: 'sponsor', who: () => sponsor, kind: 'words' },
  { path: '/api/campaigns-list', field: 'q', as: 'influencer', who: () => influencer, kind: 'words' },
  { path: '/api/public/campaigns', field: 'q', as: 'visitor', who: () => actors.anonymous(), kind: 'words' },
  { path: '/api/influencers', field: 'q', as: 'sponsor', who: () => sponsor, kind: 'words' },
  { path: '/api/creators', field: 'q', as: 'admin', who: () => admin, kind: 'words' },
  { path: '/api/influencers', field: 'location', as: 'sponsor', who: () => sponsor, kind: 'literal', textOf: i => i.location },
  { path: '/api/admin/users', field: 'q', as: 'admin', who: () => admin, kind: 'words' },
  { path: '/api/admin/outbox', field: 'q', as: 'admin', who: () => admin, kind: 'literal', textOf: m => `${m.to} ${m.subject}` },
]

const searchFor = (search: Search, text: string) => search.who().get(`${search.path}?pageSize=100&${search.field}=${encodeURIComponent(text)}`)

describe('SQL and search syntax in every search field', () => {
  beforeAll(async () => {
    // Rows that hold the very characters searched for, so a literal search has something to find.
    const odd = await actors.newUser('influencer', { profile: { location: 'Port 100%_real\\ "Quay" O\'Neil; --' } })
    expect((await odd.patch('/api/me/profile', { displayName: 'Zed 50% O\'Brien_x "q" \\ back', bio: 'NEAR( AND OR "*' })).status).toBe(200)
    expect((await sponsor.post('/api/campaigns', campaignBody({ title: 'Say "hi" -- 50% off; O\'Reilly_test', description: 'NEAR(a b) AND OR "* the campaign' }))).status).toBe(201)
  })

  for (const search of SEARCHES) {
    const name = `GET ${search.path}?${search.field} (${search.as})`
    it(`${name}: no 5xx, and metacharacters are plain text`, async () => {
      const everything = await searchFor(search, '')
      expect(everything.status).toBe(200)
      for (const typed of METACHARACTERS) {
        const res = await searchFor(search, typed)
        const context = `${name} ${JSON.stringify(typed)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`
        // A control character is no search: a NUL would end SQLite's LIKE pattern and match everything.
        if (/\p{Cc}/u.test(typed)) {
          expect(res.status, context).toBe(400)
          expect(Object.keys(res.body.data.fields), context).toEqual([search.field])
          continue
        }
        expect(res.status, context).toBe(200)
        if (search.kind === 'words') {
          // The search is the words typed, and nothing else: with no word, nothing matches.
          const plain = await searchFor(search, wordsOf(typed))
          const expected = wordsOf(typed) ? plain.body : { ...plain.body, items: [], total: 0 }
          expect({ total: res.body.total, ids: res.body.items.map((i: any) => i.id) }, context).toEqual({ total: expected.total, ids: expected.items.map((i: any) => i.id) })
        }
        else {
          // Found is what holds the typed text as it is: `%` and `_` are no wildcards.
          const needle = typed.trim().toLowerCase()
          for (const item of res.body.items) expect(search.textOf!(item).toLowerCase(), context).toContain(needle)
          expect(res.body.total, context).toBeLessThan(everything.body.total)
        }
      }
    })
  }

  it('a literal search finds the row that holds the characters, and only such rows', async () => {
    const byLocation = await sponsor.get(`/api/influencers?location=${encodeURIComponent('100%_real\\')}`)
    expect(byLocation.body.items.map((i: any) => i.location)).toEqual(['Port 100%_real\\ "Quay" O\'Neil; --'])
    const users = await admin.get(`/api/admin/users?q=${encodeURIComponent('50% O\'Brien_x')}`)
    expect(users.body.items.map((u: any) => u.displayName)).toEqual(['Zed 50% O\'Brien_x "q" \\ back'])
    const campaigns = await actors.anonymous().get(`/api/public/campaigns?q=${encodeURIComponent('O\'Reilly_test "hi"')}`)
    expect(campaigns.body.items.map((c: any) => c.title)).toEqual(['Say "hi" -- 50% off; O\'Reilly_test'])
  })

  it('the directory page takes them too, and the database is intact', async () => {
    for (const typed of METACHARACTERS) {
      const page = await actors.anonymous().get(`/campaigns?q=${encodeURIComponent(typed)}`, { headers: { accept: 'text/html' } })
      expect(page.status, typed).toBeLessThan(500)
    }
    expect(await databaseAt(server.database).row('select count(*) as n from users where role = \'admin\'')).toEqual({ n: 1 })
  })
})

// --- URLs that are not web addresses ------------------------------------------------------------

describe('a website field', () => {
  it('takes web addresses only: a script URL is refused by name and nothing is stored', async () => {
    const before = await databaseAt(server.database).digest()
    for (const website of ['javascript:alert(document.cookie)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd']) {
      const profile = await sponsor.patch('/api/me/profile', { profile: { website } })
      expect(profile.status, website).toBe(400)
      expect(Object.keys(profile.body.data.fields), website).toEqual(['profile.website'])
      const signup = await actors.anonymous().post('/api/auth/signup', newAccount('sponsor', { profile: { company: 'Co', sector: 'Retail', budget: 1_000, website } }))
      expect(signup.status, website).toBe(400)
      expect(Object.keys(signup.body.data.fields), website).toEqual(['profile.website'])
    }
    expect(await databaseAt(server.database).digest()).toEqual(before)
    expect((await sponsor.patch('/api/me/profile', { profile: { website: 'https://brand.example/about' } })).status).toBe(200)
  })
})

// --- cross-site requests -------------------------------------------------------------------------

describe('a cookie-authenticated POST from another site', () => {
  const CROSS_SITE: [string, Record<string, string>][] = [
    ['Origin of another site', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site', 'origin': 'https://evil.example' }],
    ['Origin null (a sandboxed frame)', { origin: 'null' }],
    ['Origin of a look-alike host', { origin: 'http://127.0.0.1.evil.example' }],
    ['a form post of another site', { 'origin': 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }],
    ['JSON as text/plain, to skip the preflight', { 'origin': 'https://evil.example', 'content-type': 'text/plain' }],
  ]

  it('is refused with 403 on every kind of write, and nothing is written', async () => {
    const writes: [string, string, () => unknown][] = [
      ['POST', '/api/campaigns', () => campaignBody()],
      ['PATCH', `/api/campaigns/${ids.campaign}`, () => ({ goals: 'Cross-site' })],
      ['DELETE', `/api/campaigns/${ids.campaign}`, () => undefined],
      ['PATCH', '/api/me/profile', () => ({ bio: 'Cross-site' })],
      ['POST', '/api/ad-requests', () => ({ campaignId: ids.campaign, influencerId: victim.user.id, requirements: 'Cross-site', paymentAmount: 1_000 })],
      ['POST', '/api/exports', () => ({ kind: 'campaigns' })],
      ['POST', '/api/auth/logout', () => undefined],
      ['POST', '/api/auth/refresh', () => undefined],
    ]
    const before = await databaseAt(server.database).digest()
    for (const [name, headers] of CROSS_SITE) {
      for (const [method, path, body] of writes) {
        const res = await sponsor.request(method, path, { body: body(), headers })
        expect(res.status, `${name}: ${method} ${path}`).toBe(403)
      }
      const adminWrite = await admin.patch(`/api/admin/users/${victim.user.id}`, { status: 'suspended' }, { headers })
      expect(adminWrite.status, name).toBe(403)
      const action = await influencer.post(`/api/ad-requests/${ids.request}/reject`, {}, { headers })
      expect(action.status, name).toBe(403)
    }
    expect(await databaseAt(server.database).digest()).toEqual(before)
    // The session is untouched, and the same write from the site itself goes through.
    expect((await sponsor.get('/api/auth/me')).status).toBe(200)
    expect((await sponsor.patch('/api/me/profile', { bio: 'Same site' }, { headers: { 'sec-fetch-site': 'same-origin', 'origin': server.url } })).status).toBe(200)
  })

  it('a login from another site\'s form is refused too (login CSRF)', async () => {
    for (const [name, headers] of CROSS_SITE) {
      expect((await actors.anonymous().post('/api/auth/login', { login: 'mia', password: 'demo-password' }, { headers })).status, name).toBe(403)
      expect((await actors.anonymous().post('/login', { login: 'mia', password: 'demo-password' }, { headers })).status, name).toBe(403)
    }
  })
})

// --- the login limiter ---------------------------------------------------------------------------

describe('the login limiter', () => {
  // Tripping it is tests/api/rate-limit.test.ts's; here it also ends, on this server's short window.
  it('trips after five failures, says when to come back, and lets the right password in after that', async () => {
    const account = newAccount('influencer')
    expect((await actors.anonymous().post('/api/auth/signup', account)).status).toBe(201)
    for (let i = 0; i < 5; i++) {
      expect((await actors.anonymous().post('/api/auth/login', { login: account.username, password: `guess-${i}-wrong` })).status).toBe(401)
    }
    const locked = await actors.anonymous().post('/api/auth/login', { login: account.username, password: account.password })
    expect(locked.status).toBe(429)
    const retryAfter = Number(locked.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_WINDOW_SECONDS)

    await new Promise(resolve => setTimeout(resolve, retryAfter * 1000))
    const back = await actors.anonymous().post('/api/auth/login', { login: account.username, password: account.password })
    expect(back.status).toBe(200)
    expect(back.body.user.username).toBe(account.username)
  })
})
