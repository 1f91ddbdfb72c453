import { ROLE_HOME } from './constants'
import type { Role } from './constants'

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
export function landingPath(user: { role: Role }, redirect: unknown): string {
  return safeRedirect(redirect) ?? ROLE_HOME[user.role]
}
