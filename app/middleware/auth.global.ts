import { ROLE_HOME, ROLES } from '#shared/constants'
import type { Role, SessionEndReason } from '#shared/constants'

/** Pages a logged-in user has no use for. */
const GUEST_ONLY = new Set(['/login', '/signup'])

/** The role whose area holds a path: each role's home is also the prefix of its pages. */
function areaOf(path: string): Role | undefined {
  return ROLES.find(role => path === ROLE_HOME[role] || path.startsWith(`${ROLE_HOME[role]}/`))
}

/** Why the session ended, when the server found out while refreshing it for this page load (server/middleware/02.session-refresh.ts). */
function sessionEndReason(): SessionEndReason | undefined {
  return import.meta.server ? useRequestEvent()?.context.sessionEndReason : undefined
}

export default defineNuxtRouteMiddleware((to) => {
  const { user } = useAuthStore()
  const area = areaOf(to.path)
  if (area && !user) return navigateTo(loginLocation(to.fullPath, sessionEndReason()))
  if (!user) return
  if (area && area !== user.role) return navigateTo(ROLE_HOME[user.role])
  if (GUEST_ONLY.has(to.path)) return navigateTo(landingPath(user, to.query.redirect))
})
