import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LEGACY_ROUTES } from '../../server/legacy-routes'
import { actorsOn, campaignBody } from '../support/actors'
import type { Client } from '../support/actors'
import type { ApiResponse, apiClient } from '../support/api-client'
import { newAccount } from '../support/api-client'
import { startBuiltServer } from '../support/built-server'
import type { RunningServer } from '../support/built-server'
import { databaseAt } from '../support/database'
import { settledExport } from '../support/exports'

// Who may call what, swept over every route the server has. The routes are read from the
// files under server/api and server/routes, so a new endpoint fails this file until it is added
// to the matrix below with who may call it. Each route with an id in its path is called by every
// other role and by another user of the owner's role, with the owner's ids: never a 2xx, and the
// database is left exactly as it was. This file runs its own server: the database must change
// only by what the file itself does.

const ACTORS = ['anonymous', 'owner', 'otherSponsor', 'pendingSponsor', 'party', 'otherInfluencer', 'admin'] as const
type Actor = (typeof ACTORS)[number]
type Caller = ReturnType<typeof apiClient>

/** The sweep's resources: all belong to `owner` (a sponsor) and its deal with `party` (an influencer). */
interface Ids {
  privateCampaign: { id: number, slug: string }
  draftCampaign: { id: number, slug: string }
  publicCampaign: { id: number, slug: string }
  request: number
  exportId: number
  owner: number
  party: number
  /** One of the party's notifications (the invitation). */
  notification: number
}

interface Case {
  name: string
  call: (as: Caller, ids: Ids) => Promise<ApiResponse>
  /**
   * One answer per actor, in the order of ACTORS: a status, `200n`/`200e` for a list answer with
   * some / no items, or `-` for a caller the sweep leaves out (the owner's own writes, tested
   * where the feature is). Every other call must leave the database unchanged.
   */
  expect: string
}

// Order:                anon  owner otherS pendS party otherI admin
const ADMIN_ONLY = /*  */ '401  403   403    403   403   403    200'
const ANY_USER = /*    */ '401  200   200    200   200   200    200'
const ANYONE = /*      */ '200  200   200    200   200   200    200'
const NOT_A_PARTY = /* */ '401  -     404    404   -     404    403'
const INVALID_FOR_ALL = '400  400   400    400   400   400    400'

const get = (path: (ids: Ids) => string) => (as: Caller, ids: Ids) => as.get(path(ids))
const post = (path: (ids: Ids) => string, body: (ids: Ids) => unknown = () => ({})) => (as: Caller, ids: Ids) => as.post(path(ids), body(ids))
const patch = (path: (ids: Ids) => string, body: (ids: Ids) => unknown) => (as: Caller, ids: Ids) => as.patch(path(ids), body(ids))
const one = (call: Case['call'], expected: string, name = ''): Case[] => [{ name, call, expect: expected }]

let server: RunningServer
beforeAll(async () => {
  server = await startBuiltServer()
})
afterAll(() => server?.stop())

/** The answer's status only: a live stream never ends, so its body is not read. */
async function streamStatus(as: Caller, path: string): Promise<ApiResponse> {
  const stop = new AbortController()
  const cookie = [...as.jar].map(([k, v]) => `${k}=${v}`).join('; ')
  const res = await fetch(server.url + path, { headers: { 'accept': 'text/event-stream', 'x-forwarded-for': as.ip, ...(cookie ? { cookie } : {}) }, signal: stop.signal })
  stop.abort()
  return { status: res.status, body: null, headers: res.headers, cookies: {} }
}

const inviteBody = (ids: Ids) => ({ campaignId: ids.privateCampaign.id, influencerId: ids.party, requirements: 'One more reel', paymentAmount: 5_000 })

const MATRIX: Record<string, Case[]> = {
  'GET /api/health': one(get(() => '/api/health'), ANYONE),
  'GET /api/health/live': one(get(() => '/api/health/live'), ANYONE),
  'ALL /api/__sitemap__/campaigns': one(get(() => '/api/__sitemap__/campaigns'), ANYONE),

  'POST /api/auth/signup': one(post(() => '/api/auth/signup'), INVALID_FOR_ALL),
  'POST /api/auth/login': one(post(() => '/api/auth/login'), INVALID_FOR_ALL),
  'POST /auth/login': one(post(() => '/auth/login'), INVALID_FOR_ALL),
  // The no-JavaScript login form goes back to itself saying what is missing.
  'POST /login': one(post(() => '/login'), '303 303 303 303 303 303 303'),
  'POST /api/auth/logout': one(post(() => '/api/auth/logout'), '401 - - - - - -'),
  'POST /api/auth/logout-all': one(post(() => '/api/auth/logout-all'), '401 - - - - - -'),
  'GET /api/auth/me': one(get(() => '/api/auth/me'), ANY_USER),
  // Without its token (the cookie left out), whoever asks.
  'POST /api/auth/refresh': one(as => as.post('/api/auth/refresh', {}, { cookies: false }), '401 401 401 401 401 401 401'),
  'POST /api/auth/password-reset': one(post(() => '/api/auth/password-reset'), INVALID_FOR_ALL),
  'POST /api/auth/password-reset/confirm': one(post(() => '/api/auth/password-reset/confirm'), INVALID_FOR_ALL),

  'GET /api/campaigns': [
    { name: 'all', call: get(() => '/api/campaigns'), expect: ANYONE },
    { name: 'the owner\'s private ones by sponsorId', call: get(ids => `/api/campaigns?sponsorId=${ids.owner}&visibility=private`), expect: '200e 200n 200e 200e 200n 200e 200n' },
  ],
  'GET /api/campaigns-list': one(get(ids => `/api/campaigns-list?sponsorId=${ids.owner}&visibility=private`), '200e 200n 200e 200e 200n 200e 200n'),
  'POST /api/campaigns': one(post(() => '/api/campaigns', () => campaignBody({ status: 'active' })), '401 - - 403 403 403 403', 'a published campaign'),
  'GET /api/campaigns/[id]': [
    { name: 'private', call: get(ids => `/api/campaigns/${ids.privateCampaign.id}`), expect: '404 200 404 404 200 404 200' },
    { name: 'draft', call: get(ids => `/api/campaigns/${ids.draftCampaign.id}`), expect: '404 200 404 404 404 404 200' },
  ],
  'PATCH /api/campaigns/[id]': [
    { name: 'private', call: patch(ids => `/api/campaigns/${ids.privateCampaign.id}`, () => ({ goals: 'Taken over' })), expect: '401 - 404 404 403 403 403' },
    { name: 'draft, published by another', call: patch(ids => `/api/campaigns/${ids.draftCampaign.id}`, () => ({ status: 'active' })), expect: '401 - 404 404 403 403 403' },
  ],
  'DELETE /api/campaigns/[id]': one((as, ids) => as.delete(`/api/campaigns/${ids.privateCampaign.id}`), '401 - 404 404 403 403 403'),
  'GET /api/campaigns/[id]/recommendations': one(get(ids => `/api/campaigns/${ids.privateCampaign.id}/recommendations`), '401 200 404 404 403 403 200'),
  'GET /api/campaigns/recommended': one(get(() => '/api/campaigns/recommended'), '401 403 403 403 200 200 403'),

  'GET /api/ad-requests': [
    { name: 'own', call: get(() => '/api/ad-requests'), expect: ANY_USER },
    { name: 'of the owner\'s campaign', call: get(ids => `/api/ad-requests?campaignId=${ids.privateCampaign.id}`), expect: '401 200n 200e 200e 200n 200e 200n' },
  ],
  'GET /api/requests': one(get(ids => `/api/requests?campaignId=${ids.privateCampaign.id}`), '401 200n 200e 200e 200n 200e 200n'),
  'POST /api/ad-requests': [
    { name: 'an invitation on the owner\'s campaign', call: post(() => '/api/ad-requests', inviteBody), expect: '401 - 404 403 403 400 403' },
    { name: 'an application to the owner\'s private campaign', call: post(() => '/api/ad-requests', ids => ({ ...inviteBody(ids), influencerId: undefined })), expect: '401 - 404 403 403 404 403' },
  ],
  'POST /sponsor/add_adRequest_data': one(post(() => '/sponsor/add_adRequest_data', inviteBody), '401 - 404 403 403 400 403'),
  'GET /api/ad-requests/[id]': one(get(ids => `/api/ad-requests/${ids.request}`), '401 200 404 404 200 404 200'),
  'POST /api/ad-requests/[id]/[action]': ['accept', 'reject', 'counter', 'withdraw', 'complete'].map(action => ({
    name: action,
    call: post(ids => `/api/ad-requests/${ids.request}/${action}`, () => (action === 'counter' ? { paymentAmount: 1_000_000 } : {})),
    expect: NOT_A_PARTY,
  })),

  'GET /api/influencers': one(get(() => '/api/influencers'), '401 200 200 200 403 403 200'),
  'GET /api/creators': one(get(() => '/api/creators'), '401 200 200 200 403 403 200'),
  'GET /api/influencers/[id]': [
    { name: 'an influencer', call: get(ids => `/api/influencers/${ids.party}`), expect: ANY_USER },
    { name: 'a sponsor is no influencer', call: get(ids => `/api/influencers/${ids.owner}`), expect: '401 404 404 404 404 404 404' },
  ],

  'PATCH /api/me/profile': one(patch(() => '/api/me/profile', () => ({ bio: 'Mine' })), '401 - - - - - -'),
  // Only ever one's own password, and only with it: without the current one nothing changes.
  'POST /api/me/password': one(post(() => '/api/me/password', () => ({ newPassword: 'a-brand-new-passphrase' })), '401 400 400 400 400 400 400'),
  'GET /api/me/summary': one(get(() => '/api/me/summary'), '401 200 200 200 200 200 403'),
  'GET /api/notifications': one(get(() => '/api/notifications'), ANY_USER),
  // Marking another's notification read is a no-op: 200, nothing marked, nothing changed.
  'POST /api/notifications/read': one(post(() => '/api/notifications/read', ids => ({ ids: [ids.notification] })), '401 200 200 200 - 200 200'),
  'GET /api/events': one(as => streamStatus(as, '/api/events'), ANY_USER),

  'GET /api/exports': one(get(() => '/api/exports'), '401 200 200 200 403 403 403'),
  'POST /api/exports': one(post(() => '/api/exports', () => ({ kind: 'campaigns' })), '401 - - - 403 403 403'),
  'GET /api/exports/[id]': one(get(ids => `/api/exports/${ids.exportId}`), '401 200 404 404 403 403 403'),
  'GET /api/exports/[id]/download': one(get(ids => `/api/exports/${ids.exportId}/download`), '401 200 404 404 403 403 403'),
  'GET /api/reports/monthly': one(get(() => '/api/reports/monthly'), '401 200 200 200 403 403 403'),

  'GET /api/public/campaigns': one(get(() => '/api/public/campaigns'), ANYONE),
  'GET /api/public/featured-campaigns': one(get(() => '/api/public/featured-campaigns'), ANYONE),
  'GET /api/public/campaigns/[slug]': [
    { name: 'public', call: get(ids => `/api/public/campaigns/${ids.publicCampaign.slug}`), expect: ANYONE },
    { name: 'private', call: get(ids => `/api/public/campaigns/${ids.privateCampaign.slug}`), expect: '404 404 404 404 404 404 404' },
    { name: 'draft', call: get(ids => `/api/public/campaigns/${ids.draftCampaign.slug}`), expect: '404 404 404 404 404 404 404' },
  ],

  'GET /api/admin/stats': one(get(() => '/api/admin/stats'), ADMIN_ONLY),
  'GET /api/admin/users': one(get(() => '/api/admin/users'), ADMIN_ONLY),
  'GET /api/admin/outbox': one(get(() => '/api/admin/outbox'), ADMIN_ONLY),
  'GET /api/admin/jobs': one(get(() => '/api/admin/jobs'), ADMIN_ONLY),
  'POST /api/admin/jobs/[name]/run': one(post(() => `/api/admin/jobs/${encodeURIComponent('campaigns:lifecycle')}/run`), '401 403 403 403 403 403 -'),
  // An admin's unflag of what is not flagged changes nothing: the admin is swept too.
  'PATCH /api/admin/users/[id]': [
    { name: 'flag the party', call: patch(ids => `/api/admin/users/${ids.party}`, () => ({ flagged: true, reason: 'Taken over' })), expect: '401 403 403 403 403 403 -' },
    { name: 'suspend the owner', call: patch(ids => `/api/admin/users/${ids.owner}`, () => ({ status: 'suspended' })), expect: '401 403 403 403 403 403 -' },
    { name: 'a no-op', call: patch(ids => `/api/admin/users/${ids.party}`, () => ({ flagged: false })), expect: ADMIN_ONLY },
  ],
  'PATCH /api/admin/campaigns/[id]': [
    { name: 'flag', call: patch(ids => `/api/admin/campaigns/${ids.privateCampaign.id}`, () => ({ flagged: true, reason: 'Taken over' })), expect: '401 403 403 403 403 403 -' },
    { name: 'a no-op', call: patch(ids => `/api/admin/campaigns/${ids.privateCampaign.id}`, () => ({ flagged: false })), expect: ADMIN_ONLY },
  ],
}

/**
 * Every route the server has: `GET /api/campaigns/[id]` for server/api/campaigns/[id].get.ts
 * (`ALL` when the file names no method), and the original service's paths (server/legacy-routes.ts).
 */
function routesOnDisk(): string[] {
  const routes: string[] = []
  for (const [folder, prefix] of [['server/api', '/api'], ['server/routes', '']] as const) {
    for (const file of readdirSync(folder, { recursive: true, withFileTypes: true })) {
      if (!file.isFile() || !file.name.endsWith('.ts')) continue
      let path = relative(folder, join(file.parentPath, file.name)).replace(/\.ts$/, '')
      const method = path.match(/\.(get|post|put|patch|delete)$/)?.[1]
      if (method) path = path.slice(0, -method.length - 1)
      path = `${prefix}/${path}`.replace(/(^|\/)index$/, '')
      routes.push(`${method?.toUpperCase() ?? 'ALL'} ${path || '/'}`)
    }
  }
  for (const { route, method } of LEGACY_ROUTES) routes.push(`${method?.toUpperCase() ?? 'ALL'} ${route}`)
  return routes.sort()
}

function answerOf(res: ApiResponse): string {
  const items = res.status === 200 && Array.isArray(res.body?.items) ? res.body.items : null
  return items ? `${res.status}${items.length ? 'n' : 'e'}` : String(res.status)
}

/** The expected answer as the call will be read: `200` stands for any 200. */
function expectedAnswers(expected: string): string[] {
  const answers = expected.trim().split(/\s+/)
  expect(answers, `one answer per actor: ${expected}`).toHaveLength(ACTORS.length)
  return answers
}

describe('access sweep over every route', () => {
  const as = {} as Record<Actor, Caller & Partial<Client>>
  let ids: Ids

  beforeAll(async () => {
    const { loginAs, newUser, anonymous } = actorsOn(server.url)
    const owner = await newUser('sponsor')
    const party = await newUser('influencer')
    Object.assign(as, {
      anonymous: anonymous(), owner, otherSponsor: await newUser('sponsor'), pendingSponsor: await newUser('sponsor', { pending: true }),
      party, otherInfluencer: await newUser('influencer'), admin: await loginAs('admin'),
    })
    const created = async (body: Record<string, unknown>) => {
      const res = await owner.post('/api/campaigns', campaignBody(body))
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return { id: res.body.id as number, slug: res.body.slug as string }
    }
    const privateCampaign = await created({ visibility: 'private' })
    const invite = await owner.post('/api/ad-requests', { campaignId: privateCampaign.id, influencerId: party.user.id, requirements: 'One reel', paymentAmount: 10_000 })
    expect(invite.status).toBe(201)
    const started = await owner.post('/api/exports', { kind: 'campaigns' })
    expect(started.status).toBe(202)
    const notifications = await party.get('/api/notifications')
    ids = {
      privateCampaign,
      draftCampaign: await created({ status: 'draft' }),
      publicCampaign: await created({}),
      request: invite.body.id,
      exportId: (await settledExport(owner, started.body.id)).id,
      owner: owner.user.id,
      party: party.user.id,
      notification: notifications.body.items[0].id,
    }
    // Every user's first request of the hour notes the visit: done here, before the sweep watches the database.
    for (const actor of ACTORS) await as[actor].get('/api/auth/me')
  })

  it('every route on disk is in the matrix, and the matrix names no route that is gone', () => {
    const onDisk = routesOnDisk()
    expect(onDisk.length).toBeGreaterThan(40)
    expect(onDisk.filter(r => !MATRIX[r]), 'routes missing from the matrix').toEqual([])
    expect(Object.keys(MATRIX).filter(r => !onDisk.includes(r)), 'matrix routes not on disk').toEqual([])
  })

  for (const route of routesOnDisk()) {
    it(route, async () => {
      const cases = MATRIX[route]
      expect(cases, `${route} is not in the access matrix: add who may call it`).toBeDefined()
      const before = await databaseAt(server.database).digest()
      for (const { name, call, expect: expected } of cases!) {
        const wanted = expectedAnswers(expected)
        // Someone else's ids are tried by every actor but the owner, its party and the admin.
        if (route.includes('[')) {
          ACTORS.forEach((actor, i) => expect(wanted[i] !== '-' || ['owner', 'party', 'admin'].includes(actor), `${route} ${name}: ${actor} must be swept`).toBe(true))
        }
        const got: string[] = []
        for (const [i, actor] of ACTORS.entries()) {
          if (wanted[i] === '-') {
            got.push('-')
            continue
          }
          const answer = answerOf(await call(as[actor], ids))
          got.push(wanted[i] === '200' && answer.startsWith('200') ? '200' : answer)
        }
        expect(Object.fromEntries(ACTORS.map((a, i) => [a, got[i]])), `${route} ${name}`)
          .toEqual(Object.fromEntries(ACTORS.map((a, i) => [a, wanted[i]])))
      }
      expect(await databaseAt(server.database).digest(), `${route} changed the database`).toEqual(before)
    })
  }
})

describe('mass assignment and a pending sponsor', () => {
  let actors: ReturnType<typeof actorsOn>
  let owner: Client
  let party: Client
  let otherInfluencer: Client
  let admin: Client

  beforeAll(async () => {
    actors = actorsOn(server.url)
    owner = await actors.newUser('sponsor')
    party = await actors.newUser('influencer')
    otherInfluencer = await actors.newUser('influencer')
    admin = await actors.loginAs('admin')
    ids = { publicCampaign: await newCampaign(), draftCampaign: await newCampaign({ status: 'draft', visibility: 'private' }) }
    for (const client of [owner, party, otherInfluencer, admin]) await client.get('/api/auth/me')
  })

  const row = (sql: string, ...params: unknown[]) => databaseAt(server.database).row(sql, ...params)

  // Fields a client might slip into a body to set what only the server decides.
  const SMUGGLED: Record<string, unknown> = {
    id: 1, role: 'admin', status: 'active', sponsorId: 1, influencerId: 1, userId: 1, ownerId: 1, flagged: false,
    committed: 0, budget: 1, slug: 'taken-over', createdAt: '2000-01-01T00:00:00Z', updatedAt: '2000-01-01T00:00:00Z',
    tokenVersion: 0, passwordHash: '$2a$10$abcdefghijklmnopqrstuv', initiatedBy: 'sponsor', lastOfferBy: 'influencer',
    paymentAmount: 1, readAt: null, isAdmin: true,
  }

  interface Write {
    who: () => Client | Caller
    method: 'POST' | 'PATCH'
    path: () => string
    body: () => Record<string, any>
    /** The fields of `body` a caller may set: not smuggled. */
    own?: string[]
    /** Smuggled inside a nested object of the body, e.g. `profile`. */
    nested?: string
    /** Makes what this write works on afresh, so that the test can run again. */
    prepare?: () => Promise<void>
    /** The answer to the valid body, and what the database then holds, by the server's choice. */
    success: number
    stored?: (res: ApiResponse) => [string, unknown[], Record<string, unknown>]
  }

  let ids: { publicCampaign: number, draftCampaign: number }
  const fresh = { campaign: 0, request: 0, influencer: 0 }

  async function newCampaign(overrides: Record<string, unknown> = {}) {
    const res = await owner.post('/api/campaigns', campaignBody(overrides))
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body.id as number
  }

  /** An invitation of the party to a new campaign, countered by the party when asked. */
  async function newDeal(countered: boolean) {
    fresh.campaign = await newCampaign({ visibility: 'private' })
    const invite = await owner.post('/api/ad-requests', { campaignId: fresh.campaign, influencerId: party.user.id, requirements: 'One reel', paymentAmount: 10_000 })
    expect(invite.status).toBe(201)
    fresh.request = invite.body.id
    if (countered) expect((await party.post(`/api/ad-requests/${fresh.request}/counter`, { paymentAmount: 12_000 })).status).toBe(200)
  }
  const writes: [string, Write][] = [
    ['POST /api/campaigns', {
      who: () => owner, method: 'POST', path: () => '/api/campaigns', body: () => campaignBody({ status: 'draft' }), own: ['status', 'budget'], success: 201,
      stored: res => ['select sponsor_id as "sponsorId", status, flagged, slug != \'taken-over\' as "ownSlug" from campaigns where id = ?', [res.body.id], { sponsorId: owner.user.id, status: 'draft', flagged: 0, ownSlug: 1 }],
    }],
    ['PATCH /api/campaigns/:id', {
      who: () => owner, method: 'PATCH', path: () => `/api/campaigns/${ids.draftCampaign}`, body: () => ({ goals: 'New goals' }), own: ['status', 'budget'], success: 200,
      stored: () => ['select sponsor_id as "sponsorId", flagged, goals from campaigns where id = ?', [ids.draftCampaign], { sponsorId: owner.user.id, flagged: 0, goals: 'New goals' }],
    }],
    ['POST /api/ad-requests (invitation)', {
      who: () => owner, method: 'POST', path: () => '/api/ad-requests', own: ['influencerId', 'paymentAmount'], success: 201,
      prepare: async () => {
        fresh.influencer = (await actors.newUser('influencer')).user.id
      },
      body: () => ({ campaignId: ids.publicCampaign, influencerId: fresh.influencer, requirements: 'Two stories', paymentAmount: 20_000 }),
      stored: res => ['select influencer_id as "influencerId", status, initiated_by as "initiatedBy", last_offer_by as "lastOfferBy" from ad_requests where id = ?', [res.body.id], { influencerId: fresh.influencer, status: 'pending', initiatedBy: 'sponsor', lastOfferBy: 'sponsor' }],
    }],
    ['POST /api/ad-requests (application)', {
      who: () => party, method: 'POST', path: () => '/api/ad-requests', own: ['influencerId', 'paymentAmount'], success: 201,
      prepare: async () => {
        fresh.campaign = await newCampaign()
      },
      body: () => ({ campaignId: fresh.campaign, requirements: 'A reel', paymentAmount: 30_000 }),
      stored: res => ['select influencer_id as "influencerId", status, initiated_by as "initiatedBy" from ad_requests where id = ?', [res.body.id], { influencerId: party.user.id, status: 'pending', initiatedBy: 'influencer' }],
    }],
    ['POST /api/ad-requests/:id/counter', {
      who: () => party, method: 'POST', path: () => `/api/ad-requests/${fresh.request}/counter`, body: () => ({ paymentAmount: 12_000, message: 'A bit more' }), own: ['paymentAmount'], success: 200,
      prepare: () => newDeal(false),
      stored: () => ['select status, payment_amount as "paymentAmount", last_offer_by as "lastOfferBy" from ad_requests where id = ?', [fresh.request], { status: 'negotiating', paymentAmount: 12_000, lastOfferBy: 'influencer' }],
    }],
    ['POST /api/ad-requests/:id/accept', {
      who: () => owner, method: 'POST', path: () => `/api/ad-requests/${fresh.request}/accept`, body: () => ({ message: 'Deal' }), success: 200,
      prepare: () => newDeal(true),
      stored: () => ['select status, payment_amount as "paymentAmount" from ad_requests where id = ?', [fresh.request], { status: 'accepted', paymentAmount: 12_000 }],
    }],
    ['PATCH /api/me/profile (sponsor)', {
      who: () => owner, method: 'PATCH', path: () => '/api/me/profile', body: () => ({ bio: 'We make tents', profile: { company: 'Tents Inc' } }), own: ['budget'], nested: 'profile', success: 200,
      stored: () => ['select role, status, flagged, token_version as "tokenVersion", company from users join sponsor_profiles on user_id = id where id = ?', [owner.user.id], { role: 'sponsor', status: 'active', flagged: 0, tokenVersion: 0, company: 'Tents Inc' }],
    }],
    ['PATCH /api/me/profile (influencer)', {
      who: () => party, method: 'PATCH', path: () => '/api/me/profile', body: () => ({ bio: 'I climb', profile: { location: 'Lyon, FR' } }), nested: 'profile', success: 200,
      stored: () => ['select role, status, flagged, location from users join influencer_profiles on user_id = id where id = ?', [party.user.id], { role: 'influencer', status: 'active', flagged: 0, location: 'Lyon, FR' }],
    }],
    ['PATCH /api/me/profile (influencer, account fields)', {
      who: () => otherInfluencer, method: 'PATCH', path: () => '/api/me/profile', body: () => ({ displayName: 'Other one' }), success: 200,
      stored: () => ['select role, status, display_name as "displayName" from users where id = ?', [otherInfluencer.user.id], { role: 'influencer', status: 'active', displayName: 'Other one' }],
    }],
    ['PATCH /api/me/profile (admin)', {
      who: () => admin, method: 'PATCH', path: () => '/api/me/profile', body: () => ({ bio: 'Moderator' }), success: 200,
      stored: () => ['select role, status, bio from users where id = ?', [admin.user.id], { role: 'admin', status: 'active', bio: 'Moderator' }],
    }],
    ['PATCH /api/admin/users/:id', {
      who: () => admin, method: 'PATCH', path: () => `/api/admin/users/${otherInfluencer.user.id}`, body: () => ({ flagged: true, reason: 'Spam links' }), own: ['status'], success: 200,
      stored: () => ['select role, status, flagged from users where id = ?', [otherInfluencer.user.id], { role: 'influencer', status: 'active', flagged: 1 }],
    }],
    ['PATCH /api/admin/campaigns/:id', {
      who: () => admin, method: 'PATCH', path: () => `/api/admin/campaigns/${ids.draftCampaign}`, body: () => ({ flagged: true, reason: 'Misleading' }), success: 200,
      stored: () => ['select sponsor_id as "sponsorId", status, flagged from campaigns where id = ?', [ids.draftCampaign], { sponsorId: owner.user.id, status: 'draft', flagged: 1 }],
    }],
    ['POST /api/notifications/read', { who: () => party, method: 'POST', path: () => '/api/notifications/read', body: () => ({ all: true }), success: 200 }],
    ['POST /api/auth/signup', {
      who: () => actors.anonymous(), method: 'POST', path: () => '/api/auth/signup', body: () => newAccount('sponsor'), own: ['role'], nested: 'profile', success: 201,
      stored: res => ['select role, status, flagged, token_version as "tokenVersion" from users where id = ?', [res.body.user.id], { role: 'sponsor', status: 'pending', flagged: 0, tokenVersion: 0 }],
    }],
    ['POST /api/auth/login', { who: () => actors.anonymous(), method: 'POST', path: () => '/api/auth/login', body: () => ({ login: 'mia', password: 'demo-password' }), success: 200 }],
    ['POST /api/auth/password-reset', { who: () => actors.anonymous(), method: 'POST', path: () => '/api/auth/password-reset', body: () => ({ email: 'mia@creators.example' }), success: 202 }],
    // Last: the export then writes in the background, and is waited for.
    ['POST /api/exports', { who: () => owner, method: 'POST', path: () => '/api/exports', body: () => ({ kind: 'ad_requests' }), success: 202 }],
  ]

  for (const [name, write] of writes) {
    it(`${name}: every smuggled field is refused by name and changes nothing; the honest body works`, async () => {
      await write.prepare?.()
      const before = await databaseAt(server.database).digest()
      for (const [field, value] of Object.entries(SMUGGLED)) {
        if (write.own?.includes(field)) continue
        for (const inside of write.nested ? [undefined, write.nested] : [undefined]) {
          const body = write.body()
          const target = inside ? body[inside] : body
          if (field in target) continue
          target[field] = value
          const res = await write.who().request(write.method, write.path(), { body })
          const named = inside ? `${inside}.${field}` : field
          expect(res.status, `${named}: ${JSON.stringify(res.body)}`).toBe(400)
          const fields = Object.entries<string>(res.body.data?.fields ?? {})
          expect(fields.some(([path, message]) => path.split('.').includes(field) || message.includes(`"${field}"`)), `${named} named in ${JSON.stringify(fields)}`).toBe(true)
        }
      }
      expect(await databaseAt(server.database).digest()).toEqual(before)

      const res = await write.who().request(write.method, write.path(), { body: write.body() })
      expect(res.status, JSON.stringify(res.body)).toBe(write.success)
      if (write.stored) {
        const [sql, params, expected] = write.stored(res)
        expect(await row(sql, ...params)).toEqual(expected)
      }
      if (name === 'POST /api/exports') await settledExport(owner as Client, res.body.id)
    })
  }

  it('a sponsor awaiting approval saves drafts but can neither publish nor invite, and nothing of it is stored', async () => {
    const pending = await actors.newUser('sponsor', { pending: true })
    await pending.get('/api/auth/me')
    for (const published of [{ status: 'active' }, { status: 'scheduled', startDate: '2099-01-01', endDate: '2099-02-01' }]) {
      const status = published.status
      const res = await pending.post('/api/campaigns', campaignBody(published))
      expect(res.status, status).toBe(403)
      expect(res.body.message).toMatch(/awaiting approval/)
    }
    const draft = await pending.post('/api/campaigns', campaignBody({ status: 'draft' }))
    expect(draft.status).toBe(201)

    const before = await databaseAt(server.database).digest()
    const publish = await pending.patch(`/api/campaigns/${draft.body.id}`, { status: 'active' })
    expect(publish.status).toBe(403)
    const invite = await pending.post('/api/ad-requests', { campaignId: draft.body.id, influencerId: party.user.id, requirements: 'A post', paymentAmount: 5_000 })
    expect(invite.status).toBe(403)
    expect(invite.body.message).toMatch(/awaiting approval/)
    const onAnother = await pending.post('/api/ad-requests', { campaignId: ids.publicCampaign, influencerId: party.user.id, requirements: 'A post', paymentAmount: 5_000 })
    expect(onAnother.status).toBe(403)
    expect(await databaseAt(server.database).digest()).toEqual(before)
    expect(await row('select count(*) as n from campaigns where sponsor_id = ? and status != \'draft\'', pending.user.id)).toEqual({ n: 0 })

    // Once approved, the same publish goes through: the refusals above were for the pending status.
    expect((await admin.patch(`/api/admin/users/${pending.user.id}`, { status: 'active' })).status).toBe(200)
    expect((await pending.patch(`/api/campaigns/${draft.body.id}`, { status: 'active' })).status).toBe(200)
  })
})
