import type { SessionEndReason } from '#shared/constants'

export { landingPath, safeRedirect } from '#shared/redirect'

/** The login page, asked to come back to `redirect` afterwards and to say why the session ended. */
export function loginLocation(redirect: string, reason?: SessionEndReason) {
  return { path: '/login', query: { reason, redirect } }
}
