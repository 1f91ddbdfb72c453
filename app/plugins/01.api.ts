type ApiOptions = NonNullable<Parameters<typeof $fetch>[1]>

/** A 401 from these means wrong credentials or a finished session, never a stale access token. */
const CREDENTIAL_ENDPOINTS = new Set(['/api/auth/login', '/api/auth/signup', '/api/auth/refresh'])

/**
 * `$api`: $fetch for the app's own API. During SSR it forwards the visitor's cookies, so the
 * server renders what the browser would see. In the browser, a 401 means the short-lived access
 * cookie expired: it refreshes the session once and retries; when the session is over it forgets
 * the user and sends them to the login page.
 */
export default defineNuxtPlugin((nuxtApp) => {
  const request = useRequestFetch()
  // Parallel requests that all hit a 401 share one refresh: rotating the refresh token twice
  // would present an already used token, which revokes the whole session.
  let refreshing: Promise<boolean> | null = null

  function refreshOnce(): Promise<boolean> {
    refreshing ??= $fetch('/api/auth/refresh', { method: 'POST' })
      .then(() => true, () => false)
      .finally(() => { refreshing = null })
    return refreshing
  }

  async function endSession() {
    const redirect = nuxtApp.$router.currentRoute.value.fullPath
    await nuxtApp.runWithContext(async () => {
      useAuthStore().clear()
      await navigateTo({ path: '/login', query: { redirect } })
    })
  }

  async function api<T>(url: string, options?: ApiOptions): Promise<T> {
    try {
      return await request<T>(url, options)
    }
    catch (error) {
      if (import.meta.server || apiErrorStatus(error) !== 401 || CREDENTIAL_ENDPOINTS.has(url)) throw error
      if (!(await refreshOnce())) {
        await endSession()
        throw error
      }
      return await request<T>(url, options)
    }
  }

  return { provide: { api } }
})
