import { brotliDecompressSync } from 'node:zlib'
import type { H3Event } from 'h3'
import type { CacheSpec } from './cache'
import { RecentlyUsed } from './recently-used'
import { isPublicPage } from '#shared/public-pages'
import { campaignOfSlug } from '../domain/campaigns'

/**
 * The public pages' HTML, shared by every instance through the same tag-stamped cache as the data
 * they show: an edited, flagged or cancelled campaign is right on the next request everywhere.
 * Safe to share because these pages are the same for everyone (shared/public-pages.ts): no
 * session is read for them, and an answer that sets a cookie or is not a 200 is never stored.
 * A hit is answered by the first middleware (server/middleware/00.page-cache.ts), before the
 * render machinery; a miss is rendered and stored by server/plugins/04.page-cache.ts.
 */
export interface CachedPage {
  /**
   * The page compressed once with Brotli (base64): a fifth of the bytes, sent as they are to the
   * browsers that accept them. Only these are kept: a process holds up to thousands of pages, and
   * the HTML beside them cost about 60 KB each.
   */
  brotli: string
  headers: Record<string, string>
}

/** Whether the client takes Brotli (every browser does): public pages and cached API answers go compressed then. */
export const acceptsBrotli = (event: H3Event) => /\bbr\b/.test(getRequestHeader(event, 'accept-encoding') ?? '')

/** Decoded once per cached page object (the memory cache hands out the same object on every hit). */
const decodedBrotli = new WeakMap<CachedPage, Buffer>()

/**
 * What goes on the wire: the compressed copy when the browser takes it, the HTML otherwise
 * (decompressed for the rare client that takes no Brotli: a fraction of a millisecond).
 */
function servedPage(event: H3Event, page: CachedPage) {
  let bytes = decodedBrotli.get(page)
  if (!bytes) decodedBrotli.set(page, bytes = Buffer.from(page.brotli, 'base64'))
  if (!acceptsBrotli(event)) return { body: brotliDecompressSync(bytes) as string | Buffer, encoding: {} as Record<string, string> }
  return { body: bytes as string | Buffer, encoding: { 'content-encoding': 'br' } as Record<string, string> }
}

/** What a GET of a public page is cached under: its path and sorted query, and the data it shows. */
export async function publicPageSpec(event: H3Event): Promise<CacheSpec | null> {
  if (event.method !== 'GET' || !isPublicPage(event.path)) return null
  const known = specsOfAddresses.get(event.path)
  if (known) return known
  const spec = await specOfAddress(event.path)
  if (!spec) return null
  specsOfAddresses.set(event.path, spec)
  return spec
}

/**
 * Page specs by the address asked, remembered: an address always names the same data (a slug is
 * given once, when its campaign is created, and never changes or passes to another campaign, and
 * campaigns are never deleted), so a page in the cache is found without parsing its address or
 * asking the database for its campaign. An address that names nothing is worked out again each
 * time: its campaign may be created later.
 */
const REMEMBERED_ADDRESSES = 20_000
const specsOfAddresses = new RecentlyUsed<string, CacheSpec>(REMEMBERED_ADDRESSES)

async function specOfAddress(path: string): Promise<CacheSpec | null> {
  const url = new URL(path, 'http://page')
  url.searchParams.sort()
  const address = `${url.pathname}${url.search}`
  const slug = url.pathname.match(/^\/campaigns\/([^/]+)$/)?.[1]
  if (!slug) return cached.publicPage(address, [CacheTag.publicCampaigns])
  let decoded: string
  try {
    decoded = decodeURIComponent(slug)
  }
  catch {
    return null
  }
  const campaign = await campaignOfSlug(useDb(), decoded)
  // An unknown address is a 404, never stored: nothing to depend on.
  return campaign ? cached.publicPage(address, campaignPageTags(campaign)) : null
}

/** A page someone else's request rendered, as the answer to this one. */
export function answerWithPage(event: H3Event, page: CachedPage) {
  const { body, encoding } = servedPage(event, page)
  setResponseHeaders(event, answerHeaders(page, encoding))
  return body
}

/**
 * A cached page's headers as answered, made once per page object and encoding (the memory cache
 * hands out the same object on every hit): a hit then sets them without building them again.
 */
const headersOfAnswers = new WeakMap<CachedPage, Map<string | undefined, Record<string, string>>>()

function answerHeaders(page: CachedPage, encoding: Record<string, string>): Record<string, string> {
  let byEncoding = headersOfAnswers.get(page)
  if (!byEncoding) headersOfAnswers.set(page, byEncoding = new Map())
  let headers = byEncoding.get(encoding['content-encoding'])
  if (!headers) byEncoding.set(encoding['content-encoding'], headers = { ...page.headers, ...encoding, 'vary': 'accept-encoding', 'x-cache': 'hit' })
  return headers
}

/**
 * Renders of a page under way in this process, by the version they will be stored under. An entry
 * stays until the page is stored: a request that missed the store is answered by the render too.
 */
const rendering = new Map<string, Promise<CachedPage | null>>()

/** The page a render under way will make (null when it makes none to share), or undefined when none is. */
export function renderInFlight(version: string): Promise<CachedPage | null> | undefined {
  return rendering.get(version)
}

/** Registers this request's render of `version` for others to wait on, and says how it ends. */
export function startRender(version: string) {
  let settle!: (page: CachedPage | null) => void
  const promise = new Promise<CachedPage | null>((resolve) => { settle = resolve })
  rendering.set(version, promise)
  let finished = false
  const forget = () => {
    if (rendering.get(version) === promise) rendering.delete(version)
  }
  return {
    /** The render made a page to share: whoever waits gets it, and so does a miss until `stored` settles. */
    shared(page: CachedPage, stored: Promise<void>) {
      if (finished) return
      finished = true
      settle(page)
      void stored.finally(forget)
    },
    /** The answer went out with nothing to share (an error, a 404, a cookie): each waiter renders its own. */
    ended() {
      if (finished) return
      finished = true
      settle(null)
      forget()
    },
  }
}
