import { brotliCompressSync, constants } from 'node:zlib'
import type { H3Event } from 'h3'
import { isPublicPage } from '../../shared/public-pages'
import { campaignOfSlug } from '../domain/campaigns'

interface CachedPage {
  body: string
  /** The body compressed once with Brotli (base64), for the browsers that accept it: a fifth of the bytes. */
  brotli: string
  headers: Record<string, string>
  /** The CSP hashes of its inline scripts: a hit is served under the policy its body needs. */
  scriptHashes?: string[]
}

const acceptsBrotli = (event: H3Event) => /\bbr\b/.test(getRequestHeader(event, 'accept-encoding') ?? '')

/** What goes on the wire: the compressed copy when the browser takes it. */
function served(event: H3Event, page: { body: string, brotli: Buffer | string }) {
  if (!acceptsBrotli(event)) return { body: page.body, encoding: {} as Record<string, string> }
  const brotli = typeof page.brotli === 'string' ? Buffer.from(page.brotli, 'base64') : page.brotli
  return { body: brotli, encoding: { 'content-encoding': 'br' } as Record<string, string> }
}

/**
 * The public pages' HTML, shared by every instance through the same tag-stamped cache as the data
 * they show: an edited, flagged or cancelled campaign is right on the next request everywhere.
 * Safe to share because these pages are the same for everyone (shared/public-pages.ts): no
 * session is read for them, and an answer that sets a cookie or is not a 200 is never stored.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:before', async (ctx) => {
    const spec = pageSpec(ctx.event)
    if (!spec) return
    const found = await cacheLookup<CachedPage>(spec)
    if (found.state === 'hit') {
      allowScriptHashes(ctx.event, found.value.scriptHashes ?? [])
      const { body, encoding } = served(ctx.event, found.value)
      ctx.response = { body, statusCode: 200, headers: { ...found.value.headers, ...encoding, 'vary': 'accept-encoding', 'x-cache': 'hit' } }
      return
    }
    ctx.event.context.storePage = found.state === 'miss' ? found.store : undefined
    setResponseHeader(ctx.event, 'x-cache', found.state)
  })

  nitroApp.hooks.hook('render:response', (response, { event }) => {
    const store = event.context.storePage as ((page: CachedPage) => void) | undefined
    if (!store) return
    const headers = { ...response.headers } as Record<string, string>
    const setsCookie = headers['set-cookie'] !== undefined || event.node.res.hasHeader('set-cookie')
    if ((response.statusCode ?? 200) !== 200 || typeof response.body !== 'string' || setsCookie) return
    const page = { body: response.body, brotli: brotliCompressSync(response.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) }
    store({ body: page.body, brotli: page.brotli.toString('base64'), headers, scriptHashes: allowedScriptHashes(event) })
    const { body, encoding } = served(event, page)
    response.body = body
    response.headers = { ...response.headers, ...encoding, vary: 'accept-encoding' }
  })
})

/** What a GET of a public page is cached under: its path and sorted query, and the data it shows. */
function pageSpec(event: H3Event) {
  if (event.method !== 'GET' || !isPublicPage(event.path)) return null
  const url = new URL(event.path, 'http://page')
  url.searchParams.sort()
  const address = `${url.pathname}${url.search}`
  const slug = url.pathname.match(/^\/campaigns\/([^/]+)$/)?.[1]
  if (!slug) return cached.publicPage(address, [CacheTag.publicCampaigns])
  const campaign = campaignOfSlug(useDb(), decodeURIComponent(slug))
  // An unknown address is a 404, never stored: nothing to depend on.
  return campaign ? cached.publicPage(address, campaignPageTags(campaign)) : null
}
