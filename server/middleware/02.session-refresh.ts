import { isPublicPage } from '#shared/public-pages'
import { SessionEndedError } from '../domain/sessions'

// A page load whose access cookie has expired but whose refresh cookie is still good gets
// fresh tokens here, before the page renders: the server-side render then sees the user as
// logged in (no flash of the logged-out page), and the browser receives the new cookies
// with the page. API calls refresh explicitly instead (POST /api/auth/refresh).
// When the session has ended, `event.context.sessionEndReason` tells the render why, so the
// redirect to the login page can explain it.
export default defineEventHandler(async (event) => {
  if (event.method !== 'GET') return
  const path = event.path
  if (path.startsWith('/api/') || path.startsWith('/_nuxt/') || path.startsWith('/__nuxt') || /\.[a-z0-9]+(\?|$)/i.test(path)) return
  if (!(getHeader(event, 'accept') ?? '').includes('text/html')) return
  // Public pages are the same for everyone: no session work, and no cookie set in their answer.
  if (isPublicPage(path)) return

  const refreshToken = getCookie(event, REFRESH_COOKIE)
  if (!refreshToken) {
    // Another request of this browser (a tab's background check) found the session ended first.
    event.context.sessionEndReason = takeSessionEndReason(event)
    return
  }
  if (await getAuthUser(event)) return

  event.context.authUser = undefined
  try {
    const { accessToken, refreshToken: next } = await refreshSession(event, refreshToken)
    replaceRequestCookies(event, { [ACCESS_COOKIE]: accessToken, [REFRESH_COOKIE]: next })
  }
  catch (error) {
    if (error instanceof SessionEndedError) event.context.sessionEndReason = tellSessionEnd(event, error)
    clearAuthCookies(event)
    replaceRequestCookies(event, { [ACCESS_COOKIE]: '', [REFRESH_COOKIE]: '' })
  }
})

/** Makes the rest of this request (and the render's internal API calls) see the new cookies. */
function replaceRequestCookies(event: Parameters<typeof getCookie>[0], values: Record<string, string>) {
  const cookies = { ...parseCookies(event), ...values }
  event.node.req.headers.cookie = Object.entries(cookies)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('; ')
}
