import type { LoginInput, SignupInput } from '#shared/schemas/auth'
import type { SessionUser } from '#shared/types/session'

export const useAuthStore = defineStore('auth', () => {
  const { $api } = useNuxtApp()
  const user = ref<SessionUser | null>(null)
  const isLoggedIn = computed(() => user.value !== null)
  const role = computed(() => user.value?.role ?? null)

  /** Asks the API who is logged in; no session (or a suspended account) means nobody. */
  async function fetchMe(): Promise<SessionUser | null> {
    try {
      user.value = await $api('/api/auth/me')
    }
    catch (error) {
      const status = apiErrorStatus(error)
      if (status !== 401 && status !== 403) throw error
      user.value = null
    }
    return user.value
  }

  async function login(input: LoginInput): Promise<SessionUser> {
    const response = await $api('/api/auth/login', { method: 'POST', body: input })
    user.value = response.user
    return response.user
  }

  async function signup(input: SignupInput): Promise<SessionUser> {
    const response = await $api('/api/auth/signup', { method: 'POST', body: input })
    user.value = response.user
    return response.user
  }

  /** Ends the session on the server; the user is forgotten here even when that call fails. */
  async function logout(): Promise<void> {
    try {
      await $api('/api/auth/logout', { method: 'POST' })
    }
    finally {
      user.value = null
    }
  }

  /** Ends every session of the account, on every device, this one included. */
  async function logoutEverywhere(): Promise<void> {
    await $api('/api/auth/logout-all', { method: 'POST' })
    user.value = null
  }

  function clear() {
    user.value = null
  }

  return { user, isLoggedIn, role, fetchMe, login, signup, logout, logoutEverywhere, clear }
})
