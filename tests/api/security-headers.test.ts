import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { actorsOn, loginAs } from '../support/actors'
import { apiClient } from '../support/api-client'
import { databaseAt } from '../support/database'
import type { RunningServer } from '../support/built-server'
import { startBuiltServer } from '../support/built-server'

const html = { headers: { accept: 'text/html' } }

/** A Content-Security-Policy header as its directives: `{ 'script-src': ["'self'", …] }`. */
function policy(headers: Headers): Record<string, string[]> {
  const value = headers.get('content-security-policy')
  expect(value, 'a Content-Security-Policy header').toBeTruthy()
  return Object.fromEntries(value!.split(';').map(d => d.trim()).filter(Boolean).map((d) => {
    const [name, ...sources] = d.split(/\s+/)
    return [name!, sources]
  }))
}

/**
 * What every answer carries, whatever it is. An API error is sent by Nitro's error handler,
 * which sends no referrer at all: stricter still.
 */
function expectBaseHeaders(headers: Headers, referrer = 'strict-origin-when-cross-origin') {
  expect(headers.get('x-content-type-options')).toBe('nosniff')
  expect(headers.get('referrer-policy')).toBe(referrer)
  expect(headers.get('x-frame-options')).toBe('DENY')
  // The test servers run the production build.
  expect(headers.get('strict-transport-security')).toMatch(/^max-age=31536000; includeSubDomains/)
  expect(headers.get('x-powered-by')).toBeNull()
}

/** What every page's policy holds: nothing may embed, re-base or plug into the page. */
function expectPagePolicy(csp: Record<string, string[]>) {
  expect(csp['object-src']).toEqual(["'none'"])
  expect(csp['base-uri']).toEqual(["'none'"])
  expect(csp['frame-ancestors']).toEqual(["'none'"])
  expect(csp['script-src']).not.toContain("'unsafe-inline'")
  expect(csp['script-src']).not.toContain("'unsafe-eval'")
  expect(csp['script-src-attr']).toEqual(["'none'"])
}

/** The executable inline scripts of a page (JSON-LD and JSON payloads are data). */
function inlineScripts(body: string) {
  return [...body.matchAll(/<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/type="application\/(ld\+)?json"/.test(attributes!))
    .map(([, attributes, code]) => ({ attributes: attributes!, code: code! }))
}

const sha256 = (code: string) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`

describe('security headers', () => {
  it('a hydrated dashboard page runs only scripts that carry this answer\'s own nonce', async () => {
    const sponsor = await loginAs('acme')
    const first = await sponsor.get('/sponsor', html)
    expect(first.status).toBe(200)
    expectBaseHeaders(first.headers)
    const csp = policy(first.headers)
    expectPagePolicy(csp)
    const nonce = csp['script-src']!.find(source => source.startsWith("'nonce-"))?.slice(7, -1)
    expect(nonce).toBeTruthy()
    expect(csp['script-src']).toEqual(["'self'", `'nonce-${nonce}'`])

    const scripts = [...(first.body as string).matchAll(/<script\b([^>]*)>/gi)].map(([, attributes]) => attributes!)
    expect(scripts.length).toBeGreaterThan(2)
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`)
    // A page that runs scripts with someone's data is isolated from other sites' windows.
    expect(first.headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(first.headers.get('cross-origin-embedder-policy')).toBe('credentialless')

    // A nonce is good for one answer only.
    const second = await sponsor.get('/sponsor', html)
    expect(policy(second.headers)['script-src']).not.toContain(`'nonce-${nonce}'`)
  })

  it('a public page allows no script file and its inline scripts by hash, the same on a cache miss and a hit', async () => {
    // A search nobody made before: its page is rendered now (a miss), then served from the cache.
    const path = `/campaigns?q=headers-${Date.now().toString(36)}`
    const miss = await apiClient().get(path, html)
    const hit = await apiClient().get(path, html)
    expect([miss.status, hit.status]).toEqual([200, 200])
    expect(miss.headers.get('x-cache')).toBe('miss')
    expect(hit.headers.get('x-cache')).toBe('hit')
    expect(hit.body).toBe(miss.body)

    for (const answer of [miss, hit]) {
      expectBaseHeaders(answer.headers)
      const csp = policy(answer.headers)
      expectPagePolicy(csp)
      // Exactly the page's inline scripts (the colour-mode switch), nothing by address or nonce.
      const scripts = inlineScripts(answer.body)
      expect(scripts.length).toBeGreaterThan(0)
      expect(csp['script-src']!.toSorted()).toEqual([...new Set(scripts.map(s => sha256(s.code)))].toSorted())
      expect(answer.body).not.toMatch(/<script\b[^>]*\bsrc=/)
      expect(answer.body).not.toContain('nonce=')
      // No script state to guard, so no isolation and no process swap on every visit.
      expect(answer.headers.get('cross-origin-opener-policy')).toBeNull()
      expect(answer.headers.get('cross-origin-embedder-policy')).toBeNull()
    }
    expect(hit.headers.get('content-security-policy')).toBe(miss.headers.get('content-security-policy'))
  })

  it('an API answer carries the same protections and no CORS permission', async () => {
    const res = await apiClient().get('/api/health', { headers: { origin: 'https://elsewhere.example' } })
    expect(res.status).toBe(200)
    expectBaseHeaders(res.headers)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()

    const preflight = await apiClient().request('OPTIONS', '/api/campaigns', {
      headers: { 'origin': 'https://elsewhere.example', 'access-control-request-method': 'POST' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull()
  })

  it('a missing page or endpoint is a plain 404, as JSON and as a page, with no internals', async () => {
    const api = await apiClient().get('/api/no-such-endpoint')
    expect(api.status).toBe(404)
    expectBaseHeaders(api.headers, 'no-referrer')
    expect(api.body).toMatchObject({ statusCode: 404 })
    expect(JSON.stringify(api.body)).not.toMatch(/stack|\.mjs|node_modules|\/server\//)

    const page = await apiClient().get('/campaigns/no-such-campaign', html)
    expect(page.status).toBe(404)
    expectBaseHeaders(page.headers)
    expectPagePolicy(policy(page.headers))
    expect(page.body).toContain('<html')
    expect(page.body).not.toMatch(/at \S+ \(|\.mjs|node_modules/)
  })
})

describe('a server with a CORS allow-list', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await startBuiltServer({ NUXT_CORS_ORIGINS: 'https://partner.example, https://other.example/' })
  })
  afterAll(() => server?.stop())

  it('lets the listed origins call the API with a bearer token, and no other', async () => {
    const client = apiClient({ baseURL: server.url })
    const preflight = await client.request('OPTIONS', '/api/campaigns', {
      headers: { 'origin': 'https://partner.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://partner.example')
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST')
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization')
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull()

    const listed = await client.get('/api/health', { headers: { origin: 'https://other.example' } })
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://other.example')

    // A visitor's list, read by a listed site's page: the cached answer says so too.
    const path = `/api/campaigns?pageSize=7&minBudget=${1 + Math.floor(Math.random() * 98)}`
    for (const cache of ['miss', 'hit']) {
      const res = await client.get(path, { headers: { origin: 'https://partner.example' } })
      expect(res.headers.get('x-cache')).toBe(cache)
      expect(res.headers.get('access-control-allow-origin'), cache).toBe('https://partner.example')
    }
    // Read from the same site, the same answer comes from the cache too, with no permission for others.
    const sameSite = await client.get(path)
    expect(sameSite.headers.get('x-cache')).toBe('hit')
    expect(sameSite.headers.get('access-control-allow-origin')).toBeNull()

    const unlisted = await client.request('OPTIONS', '/api/campaigns', { headers: { 'origin': 'https://evil.example', 'access-control-request-method': 'POST' } })
    expect(unlisted.headers.get('access-control-allow-origin')).toBeNull()
    expect((await client.get('/api/health', { headers: { origin: 'https://evil.example' } })).headers.get('access-control-allow-origin')).toBeNull()

    // Pages are not opened to anyone.
    expect((await client.get('/login', { headers: { ...html.headers, origin: 'https://partner.example' } })).headers.get('access-control-allow-origin')).toBeNull()
  })

  it('still refuses a cookie-authenticated write from a listed origin', async () => {
    const mia = await actorsOn(server.url).loginAs('mia')
    const res = await mia.post('/api/auth/logout', undefined, { headers: { 'origin': 'https://partner.example', 'sec-fetch-site': 'cross-site' } })
    expect(res.status).toBe(403)
    expect((await mia.get('/api/auth/me')).status).toBe(200)
  })

  it('answers an internal failure with a bare 500, as JSON and as a page: no stack, no SQL, no paths', async () => {
    const mia = await actorsOn(server.url).loginAs('mia')
    // The sessions table goes away for a moment: every logged-in request fails inside the server.
    const db = databaseAt(server.database)
    await db.change('alter table auth_sessions rename to auth_sessions_away')
    try {
      const api = await mia.get('/api/auth/me')
      expect(api.status).toBe(500)
      expectBaseHeaders(api.headers, 'no-referrer')
      expect(api.body).toMatchObject({ statusCode: 500 })
      expect(JSON.stringify(api.body)).not.toMatch(/stack|auth_sessions|sqlite|no such table|does not exist|\.mjs|node_modules|\/server\//i)

      const page = await mia.get('/influencer', html)
      expect(page.status).toBe(500)
      expect(page.body).toContain('<html')
      expect(page.body).not.toMatch(/auth_sessions|no such table|does not exist|sqlite|at \S+ \(|\.mjs|node_modules/i)
    }
    finally {
      await db.change('alter table auth_sessions_away rename to auth_sessions')
    }
    // Back in place, the same session works again: the failure left nothing behind.
    expect((await mia.get('/api/auth/me')).status).toBe(200)
  })
})
