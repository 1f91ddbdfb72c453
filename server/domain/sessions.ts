import { createHmac, randomUUID } from 'node:crypto'
import { and, eq, isNull, ne, sql } from 'drizzle-orm'
import type { SessionEndReason } from '#shared/constants'
import type { Db } from '../database/client'
import { writeTransaction } from '../database/client'
import { preparedOnce } from '../database/prepared'
import { authSessions, refreshTokens, users } from '../database/schema'
import { DomainError } from './errors'
import { newSecretToken, tokenDigest } from './secret-tokens'

/**
 * How long after its first use a refresh token may come back and get the same successor. Two
 * tabs opened at once, or a page load racing an API call, present the same cookie; the second
 * request can wait behind the first for seconds on a busy server (p99 of 6-8 s was measured
 * under load), so a few seconds would still log people out. Much longer would give a thief who
 * replays a stolen token a wide window before the replay revokes the session.
 */
export const REFRESH_REUSE_GRACE_MS = 15_000

/**
 * The token that replaces `token`, derived from it with a server secret rather than drawn at
 * random: a second presentation within the grace window can then be answered with the same
 * successor although only digests are stored, and only a holder of `token` can obtain it.
 */
const successorOf = (token: string, secret: string) =>
  createHmac('sha256', secret).update('refresh-successor:').update(token).digest('base64url')

// What the session's stored revocation reason tells the user; a suspension is told from the
// user's current status instead, since a reactivated user's old sessions stay revoked.
const REVOKED_BECAUSE: Record<string, SessionEndReason> = {
  'logout': 'logged-out',
  'refresh token reused': 'reused',
  'password changed': 'password-changed',
}

const SESSION_ENDED_MESSAGES: Record<SessionEndReason, string> = {
  'expired': 'Session has expired; log in again',
  'logged-out': 'This session was logged out; log in again',
  'reused': 'Refresh token was already used; the session has been ended for safety',
  'suspended': 'This account is suspended',
  'password-changed': 'The password of this account was changed; log in with the new one',
  'revoked': 'Session has ended; log in again',
}

/**
 * A refresh token cannot be exchanged any more; `reason` tells the user why. `sessionId` names
 * the session that ended, when the token was one of ours: the browser is told of it only once.
 */
export class SessionEndedError extends DomainError {
  constructor(readonly reason: SessionEndReason, readonly sessionId?: string) {
    super(reason === 'suspended' ? 'forbidden' : 'unauthenticated', SESSION_ENDED_MESSAGES[reason], { reason })
    this.name = 'SessionEndedError'
  }
}

/** Starts a login session and returns its first refresh token (only its digest is stored). */
export async function startSession(db: Db, userId: number, userAgent: string, ttlSeconds: number) {
  const sessionId = randomUUID()
  const refreshToken = newSecretToken()
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000)
  await writeTransaction(db, async (tx) => {
    await tx.insert(authSessions).values({ id: sessionId, userId, userAgent: userAgent.slice(0, 300), expiresAt })
    await tx.insert(refreshTokens).values({ sessionId, tokenHash: tokenDigest(refreshToken), expiresAt })
  })
  return { sessionId, refreshToken, expiresAt }
}

export interface RotationSettings {
  /** Lifetime of a newly issued refresh token. */
  ttlSeconds: number
  /** Server secret the successor of a token is derived with. */
  secret: string
  now?: Date
}

/**
 * Exchanges a refresh token for the next one of its session. Presented again within
 * REFRESH_REUSE_GRACE_MS of its first use (two tabs refreshing at once), it answers with the
 * same successor, or that successor's own live successor when it has already been rotated in
 * the meantime. Presented later, it means the token leaked: the whole session (every token
 * descended from the same login) is revoked.
 */
export async function rotateRefreshToken(db: Db, refreshToken: string, { ttlSeconds, secret, now = new Date() }: RotationSettings) {
  const outcome = await writeTransaction(db, async (tx) => {
    const [row] = await tx.select({
      tokenId: refreshTokens.id,
      usedAt: refreshTokens.usedAt,
      expiresAt: refreshTokens.expiresAt,
      sessionId: authSessions.id,
      revokedAt: authSessions.revokedAt,
      revokedReason: authSessions.revokedReason,
      userId: users.id,
      role: users.role,
      status: users.status,
      tokenVersion: users.tokenVersion,
    }).from(refreshTokens)
      .innerJoin(authSessions, eq(authSessions.id, refreshTokens.sessionId))
      .innerJoin(users, eq(users.id, authSessions.userId))
      .where(eq(refreshTokens.tokenHash, tokenDigest(refreshToken)))

    const ended = (reason: SessionEndReason) => ({ ok: false, reason, sessionId: row?.sessionId } as const)
    if (!row) return ended('revoked')
    if (row.status === 'suspended') {
      await revoke(tx, row.sessionId, 'user suspended', now)
      return ended('suspended')
    }
    if (row.revokedAt) return ended(REVOKED_BECAUSE[row.revokedReason ?? ''] ?? 'revoked')
    const session = { sessionId: row.sessionId, userId: row.userId, role: row.role, tokenVersion: row.tokenVersion }

    if (row.usedAt) {
      const live = row.usedAt.getTime() + REFRESH_REUSE_GRACE_MS >= now.getTime()
        ? await liveDescendant(tx, row.sessionId, refreshToken, secret)
        : undefined
      if (!live) {
        await revoke(tx, row.sessionId, 'refresh token reused', now)
        return ended('reused')
      }
      if (live.expiresAt.getTime() <= now.getTime()) return ended('expired')
      return { ok: true as const, ...session, ...live }
    }
    if (row.expiresAt.getTime() <= now.getTime()) return ended('expired')

    const next = successorOf(refreshToken, secret)
    const expiresAt = new Date(now.getTime() + ttlSeconds * 1000)
    await tx.update(refreshTokens).set({ usedAt: now }).where(eq(refreshTokens.id, row.tokenId))
    await tx.insert(refreshTokens).values({ sessionId: row.sessionId, tokenHash: tokenDigest(next), expiresAt })
    await tx.update(authSessions).set({ expiresAt }).where(eq(authSessions.id, row.sessionId))
    return { ok: true as const, ...session, refreshToken: next, expiresAt }
  })
  // Thrown after the transaction so a detected reuse stays revoked instead of rolling back.
  if (!outcome.ok) throw new SessionEndedError(outcome.reason, outcome.sessionId)
  return outcome
}

/**
 * The first not yet used token down the chain of successors of a used `token`: what its holder
 * gets when it presents the token again within the grace window.
 */
async function liveDescendant(db: Db, sessionId: string, token: string, secret: string) {
  for (let candidate = successorOf(token, secret); ; candidate = successorOf(candidate, secret)) {
    const [row] = await db.select({ usedAt: refreshTokens.usedAt, expiresAt: refreshTokens.expiresAt }).from(refreshTokens)
      .where(and(eq(refreshTokens.tokenHash, tokenDigest(candidate)), eq(refreshTokens.sessionId, sessionId)))
    if (!row) return undefined
    if (!row.usedAt) return { refreshToken: candidate, expiresAt: row.expiresAt }
  }
}

async function revoke(db: Db, sessionId: string, reason: string, now = new Date()) {
  await writeTransaction(db, tx => tx.update(authSessions).set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt))))
}

export async function endSession(db: Db, sessionId: string) {
  await revoke(db, sessionId, 'logout')
}

/** Why every session of a user is ended at once; each is told to the user as its own reason. */
export type EndAllReason = 'user suspended' | 'password changed' | 'logout'

/**
 * Ends every live session of a user (call it inside the write's transaction). Every request
 * checks its session, so the user is logged out everywhere at once, whatever access tokens are
 * still out there.
 */
export async function endAllSessions(db: Db, userId: number, reason: EndAllReason, now = new Date()) {
  await writeTransaction(db, tx => tx.update(authSessions).set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt))))
}

/** Ends every live session of a user but `keepSessionId`, the one the user is acting in. */
export async function endOtherSessions(db: Db, userId: number, keepSessionId: string, reason: EndAllReason, now = new Date()) {
  await writeTransaction(db, tx => tx.update(authSessions).set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt), ne(authSessions.id, keepSessionId))))
}

/**
 * Everything needed to trust an access token's claims, in one indexed read: the user's current
 * role, status and token version, and whether the login session is still alive.
 */
export function prepareSessionLookup(db: Db) {
  // Prepared on first use rather than here: callers set this up while the server starts, before
  // the migrations have run.
  const statement = () => preparedOnce(db, 'sessions:lookup', name => db.select({
    id: users.id,
    username: users.username,
    role: users.role,
    status: users.status,
    displayName: users.displayName,
    tokenVersion: users.tokenVersion,
    lastSeenAt: users.lastSeenAt,
    sessionRevokedAt: authSessions.revokedAt,
    sessionExpiresAt: authSessions.expiresAt,
  }).from(users)
    .innerJoin(authSessions, eq(authSessions.userId, users.id))
    .where(and(eq(users.id, sql.placeholder('userId')), eq(authSessions.id, sql.placeholder('sessionId'))))
    .prepare(name))
  return async (userId: number, sessionId: string) => (await statement().execute({ userId, sessionId }))[0]
}

type SessionRow = NonNullable<Awaited<ReturnType<ReturnType<typeof prepareSessionLookup>>>>

/** Whether a looked-up session still stands: not ended, not expired. */
export function sessionAlive(row: SessionRow | undefined, now = Date.now()): row is SessionRow {
  return !!row && !row.sessionRevokedAt && row.sessionExpiresAt.getTime() > now
}

/**
 * For connections that outlive the request that opened them (live streams): whether the login
 * session they were opened in still stands and its user may still be served.
 */
export function prepareSessionCheck(db: Db) {
  const lookup = prepareSessionLookup(db)
  return async (userId: number, sessionId: string) => {
    const row = await lookup(userId, sessionId)
    return sessionAlive(row) && row.status !== 'suspended'
  }
}
