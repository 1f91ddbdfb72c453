import { NICHES } from '../shared/constants'
import { CAMPAIGN_SORTS } from '../shared/schemas/campaign'
import { INFLUENCER_SORTS } from '../shared/schemas/influencer'
import type { Data } from './fixtures'
import { OFFER_CENTS, shuffled } from './fixtures'
import type { Call, NextCall } from './load'

export interface Fixtures extends Data {
  /** Access tokens by username (`admin` included). */
  tokens: Record<string, string>
}

export type Group = 'baseline' | 'anonymous' | 'sponsor' | 'influencer' | 'admin' | 'logins' | 'writes'

/**
 * - throughput: 50 connections as fast as the server answers (warm caches): requests/s, compared
 *   with the baseline;
 * - latency: a fixed rate over 50 connections, so that p99 is the time one request takes;
 * - logins: the campaign list at a fixed rate, quiet and then while accounts log in at a steady rate.
 */
export type Kind = 'throughput' | 'latency' | 'logins'

export interface Scenario {
  group: Group
  name: string
  kind: Kind
  /**
   * Each request asks for something nobody asked for before in the run (a cold page, an uncached
   * read) or writes to a target of its own: no warm-up, and the scenario ends early if they run out.
   */
  fresh?: boolean
  /** The p99 a latency scenario must stay under, ms (writes have none: errors and loop delay only). */
  p99Limit?: number
  calls: (f: Fixtures, asked: Asked) => NextCall
}

/**
 * The reads asked for so far on one server. Cold scenarios take only reads not in it, so that
 * no cache (of the data or of the rendered page) can have them, whatever ran before.
 */
export class Asked {
  private seen = new Set<string>()

  private key(call: Call) {
    return `${call.headers?.authorization ?? ''} ${call.path}`
  }

  /** The same request again and again (a warm cache answers it after the first). */
  repeat(call: Call): NextCall {
    this.seen.add(this.key(call))
    return () => call
  }

  /** The given requests round and round (many distinct reads, each asked many times). */
  cycle(calls: Call[]): NextCall {
    for (const call of calls) this.seen.add(this.key(call))
    let i = 0
    return () => calls[i++ % calls.length]!
  }

  /** Each request once, skipping any asked before; null when none is left. */
  fresh(calls: Iterable<Call>): NextCall {
    const iterator = calls[Symbol.iterator]()
    return () => {
      for (let next = iterator.next(); !next.done; next = iterator.next()) {
        const key = this.key(next.value)
        if (this.seen.has(key)) continue
        this.seen.add(key)
        return next.value
      }
      return null
    }
  }
}

const bearer = (f: Fixtures, username: string) => {
  const token = f.tokens[username]
  if (!token) throw new Error(`No token for ${username}: not logged in before the scenarios`)
  return { authorization: `Bearer ${token}` }
}
// A browser asks for a page, or fetches from the API, this way: compressed where the server can
// (a page is 10–80 KB of HTML, a list 10–30 KB of JSON).
const browserEncodings = { 'accept-encoding': 'gzip, deflate, br' }
const html = { accept: 'text/html', ...browserEncodings }
const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString()
const lastPage = (rows: number, pageSize: number) => Math.max(1, Math.ceil(rows / pageSize))
/** Every combination of the given lists, in a fixed shuffled order (a mix of all kinds in any stretch). */
function combinations<T extends Record<string, readonly unknown[]>>(lists: T): { [K in keyof T]: T[K][number] }[] {
  let out: Record<string, unknown>[] = [{}]
  for (const [name, values] of Object.entries(lists)) out = out.flatMap(o => values.map(v => ({ ...o, [name]: v })))
  return shuffled(out) as { [K in keyof T]: T[K][number] }[]
}
/** Orders that need no search text. */
const SORTS = CAMPAIGN_SORTS.filter(s => s !== 'relevance')
const ANY_NICHE = [undefined, ...NICHES]
const PAGE_SIZES = [20, 25, 15, 30, 10, 40]
/** Page sizes a search's first page fills on either data size. */
const FULL_PAGE_SIZES = [12, 10, 8]

const list = (params: Record<string, string | number | undefined>): Call => ({ path: `/api/campaigns?${query(params)}`, headers: browserEncodings })
/** The directory's own address for a query (its fields in the order its links use). */
const directory = (p: { niche?: string, sort?: string, page: number }): Call =>
  ({ path: `/campaigns${p.niche || p.sort || p.page > 1 ? '?' : ''}${query({ niche: p.niche, sort: p.sort, page: p.page > 1 ? p.page : undefined })}`, headers: html })

/** Deep pages of the anonymous list: the back half of every order and page size. */
function deepPages(f: Fixtures): Call[] {
  return combinations({ sort: SORTS, pageSize: PAGE_SIZES, depth: Array.from({ length: 50 }, (_, i) => 0.5 + i / 100) })
    .map(c => list({ sort: c.sort, page: Math.ceil(lastPage(f.publicCampaigns, c.pageSize) * c.depth), pageSize: c.pageSize }))
}

/** Every page of one niche's list, by order and page size. */
function nichePages(f: Fixtures): Call[] {
  return combinations({ niche: NICHES, sort: SORTS, pageSize: PAGE_SIZES }).flatMap(c =>
    Array.from({ length: lastPage(f.publicByNiche[c.niche] ?? 0, c.pageSize) }, (_, i) => list({ niche: c.niche, sort: c.sort, page: i + 1, pageSize: c.pageSize })))
}

/** Each of the accounts logs in once (bulk accounts share the demo password). */
export function* loginCalls(f: Fixtures): Generator<Call> {
  for (const login of f.loginNames) {
    yield { path: '/api/auth/login', method: 'POST', body: JSON.stringify({ login, password: 'demo-password' }) }
  }
}

const post = (f: Fixtures, actor: string, path: string, body: object): Call =>
  ({ path, method: 'POST', headers: bearer(f, actor), body: JSON.stringify(body) })

/** The bare JSON handler: what this machine serves when a request does no work. */
export const BASELINE_CALL: Call = { path: '/api/health/live' }

/**
 * What the marketplace serves most, by who asks. Warm scenarios repeat one read; cold ones
 * spread reads over pages nobody asked for yet in this run; writes each act on a target of their own.
 */
export const scenarios: Scenario[] = [
  { group: 'baseline', name: 'baseline', kind: 'throughput', calls: (_, a) => a.repeat(BASELINE_CALL) },

  { group: 'anonymous', name: 'GET /api/campaigns first page warm', kind: 'throughput', calls: (_, a) => a.repeat(list({ page: 1, pageSize: 20 })) },
  { group: 'anonymous', name: 'GET /api/campaigns deep page warm', kind: 'throughput', calls: (f, a) => a.repeat(list({ page: Math.ceil(lastPage(f.publicCampaigns, 20) * 0.95), pageSize: 20 })) },
  { group: 'anonymous', name: 'GET /api/campaigns text search warm', kind: 'throughput', calls: (f, a) => a.repeat(list({ q: f.words[0], page: 1, pageSize: 20 })) },
  { group: 'anonymous', name: 'GET /api/campaigns niche warm', kind: 'throughput', calls: (_, a) => a.repeat(list({ niche: 'fitness', page: 1, pageSize: 20 })) },
  { group: 'anonymous', name: 'directory page warm', kind: 'throughput', calls: (_, a) => a.repeat(directory({ page: 1 })) },
  { group: 'anonymous', name: 'campaign page warm', kind: 'throughput', calls: (f, a) => a.repeat({ path: `/campaigns/${f.slugs[0]}`, headers: html }) },
  { group: 'anonymous', name: 'home page warm', kind: 'throughput', calls: (_, a) => a.repeat({ path: '/', headers: html }) },

  { group: 'anonymous', name: 'GET /api/campaigns first page cold', kind: 'latency', fresh: true, p99Limit: 100,
    calls: (_, a) => a.fresh(combinations({ niche: ANY_NICHE, sort: SORTS, minBudget: [undefined, 100_000, 500_000, 1_000_000, 2_000_000] })
      .map(c => list({ niche: c.niche, sort: c.sort, minBudget: c.minBudget, page: 1, pageSize: 20 }))) },
  { group: 'anonymous', name: 'GET /api/campaigns deep page cold', kind: 'latency', fresh: true, p99Limit: 100, calls: (f, a) => a.fresh(deepPages(f)) },
  { group: 'anonymous', name: 'GET /api/campaigns text search cold', kind: 'latency', fresh: true, p99Limit: 100,
    calls: (f, a) => a.fresh(combinations({ q: f.words, sort: CAMPAIGN_SORTS, pageSize: [20, 10] }).map(c => list({ q: c.q, sort: c.sort, page: 1, pageSize: c.pageSize }))) },
  { group: 'anonymous', name: 'GET /api/campaigns niche cold', kind: 'latency', fresh: true, p99Limit: 100, calls: (f, a) => a.fresh(nichePages(f)) },
  { group: 'anonymous', name: 'directory page cold', kind: 'latency', fresh: true, p99Limit: 100,
    calls: (f, a) => a.fresh(combinations({ niche: ANY_NICHE, sort: SORTS }).flatMap(c =>
      Array.from({ length: lastPage(c.niche ? f.publicByNiche[c.niche] ?? 0 : f.publicCampaigns, 12) }, (_, i) => directory({ ...c, page: i + 1 })))) },
  { group: 'anonymous', name: 'campaign page cold', kind: 'latency', fresh: true, p99Limit: 150, calls: (f, a) => a.fresh(f.slugs.map(s => ({ path: `/campaigns/${s}`, headers: html }))) },

  { group: 'sponsor', name: 'influencer search warm', kind: 'latency', p99Limit: 100,
    calls: (f, a) => a.repeat({ path: `/api/influencers?${query({ niche: 'fitness', q: f.words[0], minAudience: 1000 })}`, headers: bearer(f, f.sponsor) }) },
  { group: 'sponsor', name: 'influencer search cold', kind: 'latency', fresh: true, p99Limit: 100,
    calls: (f, a) => a.fresh(combinations({ niche: ANY_NICHE, sort: INFLUENCER_SORTS, minAudience: [undefined, 1_000, 10_000, 100_000], q: [undefined, ...f.words.slice(0, 5)] })
      .map(c => ({ path: `/api/influencers?${query({ ...c, sort: c.sort === 'relevance' && !c.q ? undefined : c.sort })}`, headers: bearer(f, f.sponsor) }))) },
  { group: 'sponsor', name: 'recommendations warm', kind: 'latency', p99Limit: 100,
    calls: (f, a) => a.repeat({ path: `/api/campaigns/${f.campaignId}/recommendations`, headers: bearer(f, f.sponsor) }) },
  { group: 'sponsor', name: 'recommendations cold', kind: 'latency', fresh: true, p99Limit: 100,
    calls: (f, a) => a.fresh(f.sponsorCampaigns.map(c => ({ path: `/api/campaigns/${c.id}/recommendations`, headers: bearer(f, c.sponsor) }))) },
  { group: 'sponsor', name: 'dashboard summary', kind: 'latency', p99Limit: 100, calls: (f, a) => a.repeat({ path: '/api/me/summary', headers: bearer(f, f.sponsor) }) },
  { group: 'sponsor', name: 'request inbox', kind: 'latency', p99Limit: 100,
    calls: (f, a) => a.cycle(Array.from({ length: 10 }, (_, i) => ({ path: `/api/ad-requests?page=${i + 1}`, headers: bearer(f, f.sponsor) }))) },

  { group: 'influencer', name: 'recommended campaigns', kind: 'latency', p99Limit: 100, calls: (f, a) => a.repeat({ path: '/api/campaigns/recommended', headers: bearer(f, f.influencer) }) },
  { group: 'influencer', name: 'request inbox', kind: 'latency', p99Limit: 100, calls: (f, a) => a.repeat({ path: '/api/ad-requests', headers: bearer(f, f.influencer) }) },
  { group: 'influencer', name: 'dashboard summary', kind: 'latency', p99Limit: 100, calls: (f, a) => a.repeat({ path: '/api/me/summary', headers: bearer(f, f.influencer) }) },

  { group: 'admin', name: 'stats', kind: 'latency', p99Limit: 100, calls: (f, a) => a.repeat({ path: '/api/admin/stats', headers: bearer(f, 'admin') }) },
  { group: 'admin', name: 'user search', kind: 'latency', p99Limit: 100,
    calls: (f, a) => a.cycle(f.words.map(w => ({ path: `/api/admin/users?q=${encodeURIComponent(w)}`, headers: bearer(f, 'admin') }))) },
  { group: 'admin', name: 'requests deep page', kind: 'latency', p99Limit: 100,
    calls: (f, a) => a.cycle(Array.from({ length: 50 }, (_, i) => ({ path: `/api/ad-requests?page=${Math.ceil(lastPage(f.adRequests, 20) * (0.5 + i / 100))}`, headers: bearer(f, 'admin') }))) },

  // Reads of the list nobody asked for before: the list's own work, not a cache, meets the hashing.
  // Text searches whose first page is as full on both data sizes: most words are in 12 to 33
  // public campaigns of the smaller data (the rest in one or two on both). Within a niche, the
  // smaller data's pages held 3 or 4, and the growth check compared a page of 20 with one of 4.
  { group: 'logins', name: 'campaign list during logins', kind: 'logins', fresh: true, p99Limit: 100,
    calls: (f, a) => a.fresh(combinations({ q: f.words, sort: CAMPAIGN_SORTS, pageSize: FULL_PAGE_SIZES }).map(c => list({ ...c, page: 1 }))) },

  // Writes last: accepting bumps the public lists' cache, which warm scenarios must not meet.
  { group: 'writes', name: 'counter-offers', kind: 'latency', fresh: true,
    calls: f => targets(f.counters, w => post(f, w.actor, `/api/ad-requests/${w.id}/counter`, { paymentAmount: w.amount, message: 'Could you do it for this?' })) },
  { group: 'writes', name: 'accepts', kind: 'latency', fresh: true,
    calls: f => targets(f.accepts, w => post(f, w.actor, `/api/ad-requests/${w.id}/accept`, {})) },
  { group: 'writes', name: 'invitations', kind: 'latency', fresh: true,
    calls: f => targets(f.invites, r => post(f, r.actor, '/api/ad-requests', { campaignId: r.campaignId, influencerId: r.influencerId, requirements: 'Two posts and a story', paymentAmount: OFFER_CENTS })) },
  { group: 'writes', name: 'applications', kind: 'latency', fresh: true,
    calls: f => targets(f.applications, r => post(f, r.actor, '/api/ad-requests', { campaignId: r.campaignId, requirements: 'One video review', paymentAmount: OFFER_CENTS })) },
]

/** Each target once: a write consumes it (an accepted request cannot be accepted again). */
function targets<T>(items: T[], call: (item: T) => Call): NextCall {
  let i = 0
  return () => (i < items.length ? call(items[i++]!) : null)
}
