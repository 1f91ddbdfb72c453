import type { NitroFetchOptions, NitroFetchRequest } from 'nitropack/types'
import type { SessionEndReason } from '#shared/constants'
import type { ApiFetch } from '~/types/api'

type RefreshOutcome = { ok: true } | { ok: false, reason: SessionEndReason | undefined }

/** A 401 from these means wrong credentials or a finished session, never a stale access token. */
const CREDENTIAL_ENDPOINTS = new Set(['/api/auth/login', '/api/auth/signup', '/api/auth/refresh'])

/**
 * `$api`: $fetch for the app's own API. During SSR it forwards the visitor's cookies, so the
 * server renders what the browser would see. In the browser, a 401 means the short-lived access
 * cookie expired: it refreshes the session once and retries; when the session is over it forgets
 * the user and sends them to the login page, which says why (the refresh's `data.reason`).
 */
export default defineNuxtPlugin((nuxtApp) => {
  const request = useRequestFetch()
  // Parallel requests that all hit a 401 share one refresh: the server answers a refresh token
  // presented twice only within a few seconds (meant for separate tabs), and a request slowed
  // beyond that would revoke the whole session. `refreshes` counts
  // completed refreshes, so a 401 that arrives after another request already refreshed the
  // session retries at once instead of refreshing again.
  let refreshing: Promise<RefreshOutcome> | null = null
  let refreshes = 0

  function refreshOnce(): Promise<RefreshOutcome> {
    refreshing ??= $fetch('/api/auth/refresh', { method: 'POST' })
      .then((): RefreshOutcome => {
        refreshes++
        return { ok: true }
      }, (error: unknown): RefreshOutcome => ({ ok: false, reason: sessionEndReasonOf(error) }))
      .finally(() => { refreshing = null })
    return refreshing
  }

  const loggedIn = () => nuxtApp.runWithContext(() => useAuthStore().user !== null)

  async function endSession(reason: SessionEndReason | undefined) {
    const redirect = nuxtApp.$router.currentRoute.value.fullPath
    await nuxtApp.runWithContext(async () => {
      useAuthStore().clear()
      await navigateTo(loginLocation(redirect, reason))
    })
  }

  async function send(url: NitroFetchRequest, options?: NitroFetchOptions<NitroFetchRequest>): Promise<unknown> {
    const refreshesBefore = refreshes
    try {
      return await request(url, options)
    }
    catch (error) {
      if (import.meta.server || apiErrorStatus(error) !== 401 || (typeof url === 'string' && CREDENTIAL_ENDPOINTS.has(url))) throw error
      // Once a session is found over, the user is on the way to the login page with the reason
      // the server gave: a later 401 must not refresh again (the cookie is gone, which reads as
      // "expired") and send them there a second time with the wrong reason.
      if (!loggedIn()) throw error
      if (refreshes === refreshesBefore) {
        const refresh = await refreshOnce()
        if (!refresh.ok) {
          if (loggedIn()) await endSession(refresh.reason)
          throw error
        }
      }
      return await request(url, options)
    }
  }

  // Each call's answer is the type its route's handler returns.
  const api = send as ApiFetch
  return { provide: { api } }
})
