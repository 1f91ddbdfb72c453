import { brotliCompressSync, constants } from 'node:zlib'
import type { CachedPage } from '../utils/page-cache'

// Stores a public page the render made after a cache miss (server/middleware/00.page-cache.ts
// looked it up and left `storePage`), compressed once for every later visitor.
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:response', (response, { event }) => {
    const store = event.context.storePage as ((page: CachedPage) => void) | undefined
    if (!store) return
    const headers = { ...response.headers } as Record<string, string>
    const setsCookie = headers['set-cookie'] !== undefined || event.node.res.hasHeader('set-cookie')
    if ((response.statusCode ?? 200) !== 200 || typeof response.body !== 'string' || setsCookie) return
    const brotli = brotliCompressSync(response.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    const page: CachedPage = { body: response.body, brotli: brotli.toString('base64'), headers }
    store(page)
    const { body, encoding } = servedPage(event, page, brotli)
    response.body = body
    response.headers = { ...response.headers, ...encoding, vary: 'accept-encoding' }
  })
})
