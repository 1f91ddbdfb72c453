import { ROLE_HOME, ROLES } from '#shared/constants'
import type { Role } from '#shared/constants'

/** Pages a logged-in user has no use for. */
const GUEST_ONLY = new Set(['/login', '/signup'])

/** The role whose area holds a path: each role's home is also the prefix of its pages. */
function areaOf(path: string): Role | undefined {
  return ROLES.find(role => path === ROLE_HOME[role] || path.startsWith(`${ROLE_HOME[role]}/`))
}

export default defineNuxtRouteMiddleware((to) => {
  const { user } = useAuthStore()
  const area = areaOf(to.path)
  if (area && !user) return navigateTo({ path: '/login', query: { redirect: to.fullPath } })
  if (!user) return
  if (area && area !== user.role) return navigateTo(ROLE_HOME[user.role])
  if (GUEST_ONLY.has(to.path)) return navigateTo(landingPath(user, to.query.redirect))
})
