import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '../database/client'
import { writeTransaction } from '../database/client'
import { authSessions, refreshTokens, users } from '../database/schema'
import { DomainError } from './errors'

const digest = (token: string) => createHash('sha256').update(token).digest('hex')
const newToken = () => randomBytes(32).toString('base64url')

/** Starts a login session and returns its first refresh token (only its digest is stored). */
export function startSession(db: Db, userId: number, userAgent: string, ttlSeconds: number) {
  const sessionId = randomUUID()
  const refreshToken = newToken()
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000)
  writeTransaction(db, (tx) => {
    tx.insert(authSessions).values({ id: sessionId, userId, userAgent: userAgent.slice(0, 300), expiresAt }).run()
    tx.insert(refreshTokens).values({ sessionId, tokenHash: digest(refreshToken), expiresAt }).run()
  })
  return { sessionId, refreshToken, expiresAt }
}

/**
 * Exchanges a refresh token for the next one of its session. A token that was already used
 * means it leaked: the whole session (every token descended from the same login) is revoked.
 */
export function rotateRefreshToken(db: Db, refreshToken: string, ttlSeconds: number) {
  const outcome = writeTransaction(db, (tx) => {
    const row = tx.select({
      tokenId: refreshTokens.id,
      usedAt: refreshTokens.usedAt,
      expiresAt: refreshTokens.expiresAt,
      sessionId: authSessions.id,
      revokedAt: authSessions.revokedAt,
      userId: users.id,
      role: users.role,
      status: users.status,
      tokenVersion: users.tokenVersion,
    }).from(refreshTokens)
      .innerJoin(authSessions, eq(authSessions.id, refreshTokens.sessionId))
      .innerJoin(users, eq(users.id, authSessions.userId))
      .where(eq(refreshTokens.tokenHash, digest(refreshToken)))
      .get()

    if (!row || row.revokedAt) return { ok: false, error: 'Session has ended; log in again', kind: 'unauthenticated' } as const
    if (row.usedAt) {
      revoke(tx, row.sessionId, 'refresh token reused')
      return { ok: false, error: 'Refresh token was already used; the session has been ended for safety', kind: 'unauthenticated' } as const
    }
    if (row.expiresAt.getTime() <= Date.now()) return { ok: false, error: 'Session has expired; log in again', kind: 'unauthenticated' } as const
    if (row.status === 'suspended') {
      revoke(tx, row.sessionId, 'user suspended')
      return { ok: false, error: 'This account is suspended', kind: 'forbidden' } as const
    }

    const next = newToken()
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000)
    tx.update(refreshTokens).set({ usedAt: new Date() }).where(eq(refreshTokens.id, row.tokenId)).run()
    tx.insert(refreshTokens).values({ sessionId: row.sessionId, tokenHash: digest(next), expiresAt }).run()
    tx.update(authSessions).set({ expiresAt }).where(eq(authSessions.id, row.sessionId)).run()
    return { ok: true as const, refreshToken: next, expiresAt, sessionId: row.sessionId, userId: row.userId, role: row.role, tokenVersion: row.tokenVersion }
  })
  // Thrown after the transaction so a detected reuse stays revoked instead of rolling back.
  if (!outcome.ok) throw new DomainError(outcome.kind, outcome.error)
  return outcome
}

function revoke(db: Db, sessionId: string, reason: string) {
  db.update(authSessions).set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt))).run()
}

export function endSession(db: Db, sessionId: string) {
  revoke(db, sessionId, 'logout')
}

/**
 * Everything needed to trust an access token's claims, in one indexed read: the user's current
 * role, status and token version, and whether the login session is still alive.
 */
export function prepareSessionLookup(db: Db) {
  const statement = db.select({
    id: users.id,
    username: users.username,
    role: users.role,
    status: users.status,
    displayName: users.displayName,
    tokenVersion: users.tokenVersion,
    sessionRevokedAt: authSessions.revokedAt,
    sessionExpiresAt: authSessions.expiresAt,
  }).from(users)
    .innerJoin(authSessions, eq(authSessions.userId, users.id))
    .where(and(eq(users.id, sql.placeholder('userId')), eq(authSessions.id, sql.placeholder('sessionId'))))
    .prepare()
  return (userId: number, sessionId: string) => statement.get({ userId, sessionId })
}
