import { isPublicPage } from '#shared/public-pages'

/**
 * Fills the auth store while the server renders, from the request's cookies, so a logged-in
 * reload arrives already logged in (no flash of the logged-out page). The browser then takes
 * the store from the page payload and never asks again on load.
 */
export default defineNuxtPlugin(async () => {
  if (import.meta.client) return
  // No cookie, no session: anonymous visitors are spared an internal request.
  if (!useRequestHeaders(['cookie']).cookie) return
  // Public pages render the same for everyone, so they never learn who is asking. The URL being
  // rendered, not the request's: an error page is rendered by an internal request of its own.
  if (isPublicPage(useNuxtApp().ssrContext?.url ?? useRequestURL().pathname)) return
  await useAuthStore().fetchMe()
})
