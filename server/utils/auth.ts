import type { H3Event } from 'h3'
import { isSessionEndReason } from '#shared/constants'
import type { Role, SessionEndReason } from '#shared/constants'
import type { TokenSettings } from './tokens'
import { prepareSessionLookup, rotateRefreshToken, sessionAlive, startSession } from '../domain/sessions'
import type { SessionEndedError } from '../domain/sessions'
import { getUserWithProfile, noteSeen, recordLogin } from '../domain/users'
import type { UserRow } from '../domain/users'
import type { SessionUser } from '#shared/types/session'

export const ACCESS_COOKIE = 'influencia_access'
export const REFRESH_COOKIE = 'influencia_refresh'
/**
 * Why this browser's session ended, when a request found out without showing it (a tab's
 * background check, say): the next page load says it, instead of a bare login page. Its value
 * is the reason, then the session's id when the refresh token was one of ours.
 */
const SESSION_END_COOKIE = 'influencia_session_end'
/**
 * The session whose end this browser has been told of. A background request sent before the page
 * load that told it can be answered after it, and keep why again: the same session's end is then
 * not told a second time.
 */
const SESSION_END_TOLD_COOKIE = 'influencia_session_end_told'
const SESSION_END_COOKIE_SECONDS = 600

export interface AuthUser {
  id: number
  username: string
  role: Role
  status: 'pending' | 'active' | 'suspended'
  displayName: string
  sessionId: string
}

/** The signing settings of this server, from runtime config. */
export function tokenSettings(): TokenSettings {
  const config = useRuntimeConfig()
  return {
    secret: config.jwtSecret || (import.meta.dev ? DEV_JWT_SECRET : ''),
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    ttlSeconds: config.accessTokenTtl,
  }
}

let lookupSession: ReturnType<typeof prepareSessionLookup> | undefined

function bearerOrCookie(event: H3Event): string | undefined {
  const header = getHeader(event, 'authorization')
  if (header?.startsWith('Bearer ')) return header.slice(7).trim()
  return getCookie(event, ACCESS_COOKIE)
}

/** Whether the request carries no access token at all: whoever sends it is a visitor, with no check to make. */
export function plainlyAnonymous(event: H3Event): boolean {
  return !bearerOrCookie(event)
}

/**
 * Who is asking (suspended users included, so guards can say why they refuse), checked against the database on every request: a suspended user, a logged-out
 * session or a bumped token version is refused at once, whatever tokens are still out there.
 */
export async function getAuthUser(event: H3Event): Promise<AuthUser | null> {
  if (event.context.authUser !== undefined) return event.context.authUser
  let user: AuthUser | null = null
  const token = bearerOrCookie(event)
  const claims = token ? await verifyAccessToken(token, tokenSettings()) : null
  if (claims) {
    lookupSession ??= prepareSessionLookup(useDb())
    const row = await lookupSession(claims.userId, claims.sessionId)
    if (sessionAlive(row) && row.tokenVersion === claims.tokenVersion) {
      user = { id: row.id, username: row.username, role: row.role, status: row.status, displayName: row.displayName, sessionId: claims.sessionId }
      // A busy database must not fail the request for it: the next request notes the visit.
      await noteSeen(useDb(), row.id, row.lastSeenAt).catch(error => console.warn('[auth] Could not note the visit:', error))
    }
  }
  event.context.authUser = user
  return user
}

/** The caller for endpoints open to everyone: a suspended user is treated as anonymous. */
export async function getViewer(event: H3Event): Promise<AuthUser | null> {
  const user = await getAuthUser(event)
  return user?.status === 'suspended' ? null : user
}

/** Guards a handler: 401 when nobody is logged in, 403 when the role is not among `roles`. */
export async function requireUser(event: H3Event, ...roles: Role[]): Promise<AuthUser> {
  const user = await getAuthUser(event)
  if (!user) throw createError({ status: 401, message: 'Log in to continue' })
  if (user.status === 'suspended') throw createError({ status: 403, message: 'This account is suspended' })
  if (roles.length && !roles.includes(user.role)) {
    throw createError({ status: 403, message: `Only ${roles.join(' or ')} accounts may do this` })
  }
  return user
}

function cookieOptions(maxAge: number) {
  const secure = configFlag(useRuntimeConfig().cookieSecure, !import.meta.dev)
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', maxAge }
}

async function issueTokens(event: H3Event, session: { userId: number, role: Role, sessionId: string, tokenVersion: number, refreshToken: string }) {
  const config = useRuntimeConfig()
  const accessToken = await signAccessToken(session, tokenSettings())
  setCookie(event, ACCESS_COOKIE, accessToken, cookieOptions(config.accessTokenTtl))
  setCookie(event, REFRESH_COOKIE, session.refreshToken, cookieOptions(config.refreshTokenTtl))
  for (const name of [SESSION_END_COOKIE, SESSION_END_TOLD_COOKIE]) {
    if (getCookie(event, name) !== undefined) deleteCookie(event, name, cookieOptions(0))
  }
  return { accessToken, refreshToken: session.refreshToken, tokenType: 'Bearer' as const, expiresIn: config.accessTokenTtl }
}

/** Opens a session for a user who has just proven who they are; sets the cookies. */
export async function logIn(event: H3Event, user: UserRow): Promise<Awaited<ReturnType<typeof issueTokens>> & { user: SessionUser }> {
  const db = useDb()
  const { sessionId, refreshToken } = await startSession(db, user.id, getHeader(event, 'user-agent') ?? '', useRuntimeConfig().refreshTokenTtl)
  await recordLogin(db, user.id)
  const tokens = await issueTokens(event, { userId: user.id, role: user.role, sessionId, tokenVersion: user.tokenVersion, refreshToken })
  return { ...tokens, user: (await getUserWithProfile(db, user.id))! }
}

/**
 * Trades a refresh token for fresh tokens (and cookies); throws a SessionEndedError (401, or 403
 * for a suspended account) that says why when it cannot.
 */
export async function refreshSession(event: H3Event, refreshToken: string) {
  const rotated = await rotateRefreshToken(useDb(), refreshToken, { ttlSeconds: useRuntimeConfig().refreshTokenTtl, secret: tokenSettings().secret })
  return issueTokens(event, rotated)
}

export function clearAuthCookies(event: H3Event) {
  deleteCookie(event, ACCESS_COOKIE, cookieOptions(0))
  deleteCookie(event, REFRESH_COOKIE, cookieOptions(0))
}

/** Ends this browser's session cookies, keeping why for its next page load (see SESSION_END_COOKIE). */
export function clearEndedSessionCookies(event: H3Event, ended: SessionEndedError) {
  clearAuthCookies(event)
  const value = ended.sessionId ? `${ended.reason}.${ended.sessionId}` : ended.reason
  setCookie(event, SESSION_END_COOKIE, value, cookieOptions(SESSION_END_COOKIE_SECONDS))
}

interface SessionEnd {
  reason: SessionEndReason
  sessionId?: string
}

function keptSessionEnd(event: H3Event): SessionEnd | undefined {
  const [reason, sessionId] = (getCookie(event, SESSION_END_COOKIE) ?? '').split('.', 2)
  return isSessionEndReason(reason) ? { reason, sessionId: sessionId || undefined } : undefined
}

/** Why this browser's session ended, if a request found out and kept it. */
export function sessionEndReasonOf(event: H3Event): SessionEndReason | undefined {
  return keptSessionEnd(event)?.reason
}

/** The same, for a page load, which tells it: the cookie goes, and a session's end is told once. */
export function takeSessionEndReason(event: H3Event): SessionEndReason | undefined {
  if (getCookie(event, SESSION_END_COOKIE) === undefined) return undefined
  deleteCookie(event, SESSION_END_COOKIE, cookieOptions(0))
  const ended = keptSessionEnd(event)
  return ended && tellSessionEnd(event, ended)
}

/** The reason a page load shows for a session's end, unless this browser has been told of it already. */
export function tellSessionEnd(event: H3Event, ended: SessionEnd): SessionEndReason | undefined {
  if (!ended.sessionId) return ended.reason
  if (getCookie(event, SESSION_END_TOLD_COOKIE) === ended.sessionId) return undefined
  setCookie(event, SESSION_END_TOLD_COOKIE, ended.sessionId, cookieOptions(SESSION_END_COOKIE_SECONDS))
  return ended.reason
}
