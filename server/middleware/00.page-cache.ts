import type { CachedPage } from '../utils/page-cache'

// A public page in the render cache is answered here, first: nothing else (site config, robots
// rules, the renderer) has anything to add to a page that is already made. See utils/page-cache.ts.
export default defineEventHandler(async (event) => {
  const spec = publicPageSpec(event)
  if (!spec) return
  const found = await cacheLookup<CachedPage>(spec)
  if (found.state === 'hit') {
    const { body, encoding } = servedPage(event, found.value)
    setResponseHeaders(event, { ...found.value.headers, ...encoding, 'vary': 'accept-encoding', 'x-cache': 'hit' })
    return body
  }
  // The render stores what it makes (plugins/04.page-cache.ts); Redis not answering stores nothing.
  event.context.storePage = found.state === 'miss' ? found.store : undefined
  setResponseHeader(event, 'x-cache', found.state)
})
