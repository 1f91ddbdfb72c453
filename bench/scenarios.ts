import type { LoadOptions } from './load'

export interface Fixtures {
  baseURL: string
  sponsor: string
  influencer: string
  /** An active campaign of the sponsor, for its recommendations. */
  campaignId: number
  /** Public campaigns' slugs, for the campaign page cold (a different page each request). */
  slugs: string[]
  /** Words from campaign titles, for text searches. */
  words: string[]
  tokens: { sponsor: string, influencer: string, admin: string }
}

export interface Scenario {
  group: 'baseline' | 'anonymous' | 'sponsor' | 'influencer' | 'admin'
  name: string
  request: (f: Fixtures) => Pick<LoadOptions, 'path' | 'headers'>
}

/** Each call gives the next item, round and round: spreads requests over many distinct reads. */
function cycle<T>(items: T[]): () => T {
  let i = 0
  return () => items[i++ % items.length]!
}

const pages = (path: string, from: number, to: number) => cycle(Array.from({ length: to - from + 1 }, (_, i) => `${path}${path.includes('?') ? '&' : '?'}page=${from + i}`))
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const html = { accept: 'text/html' }

/**
 * What the marketplace serves most, by who asks. "warm" repeats one read (a cache, when there
 * is one, answers it); "cold" spreads reads over pages nobody asked for yet in this run.
 */
export const scenarios: Scenario[] = [
  { group: 'baseline', name: 'baseline', request: () => ({ path: '/api/health/live' }) },

  { group: 'anonymous', name: 'GET /api/campaigns warm', request: () => ({ path: '/api/campaigns' }) },
  { group: 'anonymous', name: 'GET /api/campaigns cold pages', request: () => ({ path: pages('/api/campaigns', 2, 250) }) },
  { group: 'anonymous', name: 'GET /api/campaigns deep page', request: () => ({ path: '/api/campaigns?page=240' }) },
  { group: 'anonymous', name: 'GET /api/campaigns text search', request: f => ({ path: cycle(f.words.map(w => `/api/campaigns?q=${encodeURIComponent(w)}`)) }) },
  { group: 'anonymous', name: 'GET /api/campaigns niche', request: () => ({ path: '/api/campaigns?niche=fitness' }) },
  { group: 'anonymous', name: 'directory page warm', request: () => ({ path: '/campaigns', headers: html }) },
  { group: 'anonymous', name: 'directory page cold', request: () => ({ path: pages('/campaigns', 2, 250), headers: html }) },
  { group: 'anonymous', name: 'campaign page warm', request: f => ({ path: `/campaigns/${f.slugs[0]}`, headers: html }) },
  { group: 'anonymous', name: 'campaign page cold', request: f => ({ path: cycle(f.slugs.map(s => `/campaigns/${s}`)), headers: html }) },
  { group: 'anonymous', name: 'home page', request: () => ({ path: '/', headers: html }) },

  { group: 'sponsor', name: 'influencer search', request: f => ({ path: cycle(['fitness', 'beauty', 'tech', 'food', 'travel'].map((niche, i) => `/api/influencers?niche=${niche}&q=${encodeURIComponent(f.words[i % f.words.length]!)}&minAudience=1000`)), headers: bearer(f.tokens.sponsor) }) },
  { group: 'sponsor', name: 'recommendations', request: f => ({ path: `/api/campaigns/${f.campaignId}/recommendations`, headers: bearer(f.tokens.sponsor) }) },
  { group: 'sponsor', name: 'dashboard summary', request: f => ({ path: '/api/me/summary', headers: bearer(f.tokens.sponsor) }) },
  { group: 'sponsor', name: 'request inbox', request: f => ({ path: '/api/ad-requests', headers: bearer(f.tokens.sponsor) }) },

  { group: 'influencer', name: 'recommended campaigns', request: f => ({ path: '/api/campaigns/recommended', headers: bearer(f.tokens.influencer) }) },
  { group: 'influencer', name: 'request inbox', request: f => ({ path: '/api/ad-requests', headers: bearer(f.tokens.influencer) }) },
  { group: 'influencer', name: 'dashboard summary', request: f => ({ path: '/api/me/summary', headers: bearer(f.tokens.influencer) }) },

  { group: 'admin', name: 'stats', request: f => ({ path: '/api/admin/stats', headers: bearer(f.tokens.admin) }) },
  { group: 'admin', name: 'user search', request: f => ({ path: cycle(f.words.map(w => `/api/admin/users?q=${encodeURIComponent(w)}`)), headers: bearer(f.tokens.admin) }) },
  { group: 'admin', name: 'requests deep page', request: f => ({ path: pages('/api/ad-requests', 5000, 5050), headers: bearer(f.tokens.admin) }) },
]
