import { ROLE_HOME } from '#shared/constants'
import type { SessionEndReason } from '#shared/constants'
import type { SessionUser } from '~/types/session'

/**
 * A `?redirect=` value we may follow: a path on this site. Anything else (`//evil.example`,
 * `https://…`, `/\evil.example`) could send a freshly logged-in user to another site.
 */
export function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/')) return undefined
  if (value.startsWith('//') || value.startsWith('/\\')) return undefined
  return value
}

/** Where a user goes after logging in or signing up. */
export function landingPath(user: Pick<SessionUser, 'role'>, redirect: unknown): string {
  return safeRedirect(redirect) ?? ROLE_HOME[user.role]
}

/** The login page, asked to come back to `redirect` afterwards and to say why the session ended. */
export function loginLocation(redirect: string, reason?: SessionEndReason) {
  return { path: '/login', query: { reason, redirect } }
}
