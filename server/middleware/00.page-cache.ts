import type { CachedPage } from '../utils/page-cache'

// A public page in the render cache is answered here, first: nothing else (site config, robots
// rules, the renderer) has anything to add to a page that is already made. See utils/page-cache.ts.
export default defineEventHandler(async (event) => {
  const spec = await publicPageSpec(event)
  if (!spec) return
  const found = await cacheLookup<CachedPage>(spec)
  if (found.state === 'hit') return answerWithPage(event, found.value)
  setResponseHeader(event, 'x-cache', found.state)
  if (found.state !== 'miss') return

  // Visitors who ask for a page while it is being rendered wait for that render (a popular page
  // just made stale must not be rendered once per visitor). When it made nothing to share (an
  // error), each renders its own answer.
  const inFlight = renderInFlight(found.version)
  if (inFlight) {
    const page = await inFlight
    if (page) return answerWithPage(event, page)
    return
  }
  const render = startRender(found.version)
  // The render stores what it makes (plugins/04.page-cache.ts); an answer it does not store
  // (an error, a cookie) releases whoever waits when it is sent.
  event.context.storePage = (page: CachedPage) => render.shared(page, found.store(page))
  event.node.res.once('close', () => render.ended())
})
