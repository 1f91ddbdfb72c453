import { promisify } from 'node:util'
import { brotliCompress, constants } from 'node:zlib'
import type { H3Event } from 'h3'
import type { CachedPage } from '../utils/page-cache'

/**
 * Compressed on the thread pool: a page takes milliseconds to compress, which on the main thread
 * every other request would wait for.
 */
const compress = promisify(brotliCompress)

/** What a cached copy must not replay: said anew for each answer. */
const PER_ANSWER = new Set(['x-cache', 'set-cookie', 'content-length', 'content-encoding', 'vary', 'date', 'connection', 'keep-alive', 'transfer-encoding'])

// Stores a public page the render made after a cache miss (server/middleware/00.page-cache.ts
// looked it up and left `storePage`), compressed once for every later visitor. The page is stored
// with the headers it was finally sent with (its security policy included, which names the hashes
// of its inline scripts), since a hit is answered before any module could add them again.
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:response', async (response, { event }) => {
    if (!event.context.storePage) return
    const setsCookie = (response.headers as Record<string, unknown>)['set-cookie'] !== undefined || event.node.res.hasHeader('set-cookie')
    if ((response.statusCode ?? 200) !== 200 || typeof response.body !== 'string' || setsCookie) return
    const brotli = await compress(response.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    event.context.renderedPage = { brotli: brotli.toString('base64'), headers: {} } satisfies CachedPage
    // This visitor gets the copy later ones will get: the compressed one if the browser takes it.
    const compressed = acceptsBrotli(event)
    if (compressed) response.body = brotli
    response.headers = { ...response.headers, ...(compressed ? { 'content-encoding': 'br' } : {}), vary: 'accept-encoding' }
  })

  // Every header is set by now, the modules' included.
  nitroApp.hooks.hook('beforeResponse', (event) => {
    const page = event.context.renderedPage as CachedPage | undefined
    const store = event.context.storePage as ((page: CachedPage) => void) | undefined
    if (!page || !store || event.node.res.hasHeader('set-cookie')) return
    store({ ...page, headers: replayableHeaders(event) })
  })
})

/**
 * The headers a hit must set itself: not those the route rules set on every answer of this
 * address before the cache answers (the base security headers), which set again cost a
 * validated header each, a twentieth of what a hit costs.
 */
function replayableHeaders(event: H3Event): Record<string, string> {
  const setByRouteRules = new Map(Object.entries(getRouteRules(event).headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]))
  const headers: Record<string, string> = {}
  for (const [name, sent] of Object.entries(event.node.res.getHeaders())) {
    if (PER_ANSWER.has(name) || sent === undefined) continue
    const value = Array.isArray(sent) ? sent.join(', ') : String(sent)
    if (setByRouteRules.get(name) !== value) headers[name] = value
  }
  return headers
}
