import type { H3Event } from 'h3'
import { isPublicPage } from '../../shared/public-pages'
import { campaignOfSlug } from '../domain/campaigns'

interface CachedPage {
  body: string
  headers: Record<string, string>
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
      ctx.response = { body: found.value.body, statusCode: 200, headers: { ...found.value.headers, 'x-cache': 'hit' } }
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
    store({ body: response.body, headers })
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
