/**
 * Fills the auth store while the server renders, from the request's cookies, so a logged-in
 * reload arrives already logged in (no flash of the logged-out page). The browser then takes
 * the store from the page payload and never asks again on load.
 */
export default defineNuxtPlugin(async () => {
  if (import.meta.client) return
  // No cookie, no session: anonymous visitors are spared an internal request.
  if (!useRequestHeaders(['cookie']).cookie) return
  await useAuthStore().fetchMe()
})
