import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../server/database/client'
import { authSessions, refreshTokens, users } from '../../server/database/schema'
import { endSession, prepareSessionLookup, REFRESH_REUSE_GRACE_MS, rotateRefreshToken, SessionEndedError, startSession } from '../../server/domain/sessions'
import type { SessionEndReason } from '../../shared/constants'
import { openTestDomainDb } from '../support/domain-db'
import type { TestDomainDb } from '../support/domain-db'

let database: TestDomainDb
let db: Db
let userId: number

const SECRET = 'unit-test-secret-0123456789abcdefghijklmnop'
const rotate = (token: string, now?: Date) => rotateRefreshToken(db, token, { ttlSeconds: 3600, secret: SECRET, now })
const secondsAfter = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000)

/** The reason a refresh fails with (and fails the test when it succeeds). */
async function refusal(token: string, now?: Date): Promise<SessionEndReason> {
  try {
    await rotate(token, now)
  }
  catch (error) {
    if (error instanceof SessionEndedError) return error.reason
    throw error
  }
  throw new Error('the refresh token was accepted')
}

const revokedReason = async () => (await db.select().from(authSessions))[0]!.revokedReason

beforeEach(async () => {
  database = await openTestDomainDb()
  db = database.db
  const [user] = await db.insert(users).values({ username: 'u', email: 'u@x.test', passwordHash: 'h', role: 'influencer', displayName: 'U', status: 'active' })
    .returning({ id: users.id })
  userId = user!.id
})

afterEach(() => database.close())

describe('login sessions', () => {
  it('store only a digest of the refresh token', async () => {
    const { refreshToken } = await startSession(db, userId, 'test', 3600)
    const stored = await db.select({ tokenHash: refreshTokens.tokenHash }).from(refreshTokens)
    expect(stored).toHaveLength(1)
    expect(stored[0]!.tokenHash).not.toContain(refreshToken)
    expect(stored[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('rotate a refresh token into a new one of the same session', async () => {
    const started = await startSession(db, userId, 'test', 3600)
    const next = await rotate(started.refreshToken)
    expect(next.sessionId).toBe(started.sessionId)
    expect(next.refreshToken).not.toBe(started.refreshToken)
    expect((await rotate(next.refreshToken)).userId).toBe(userId)
  })

  it('answer a token presented again within the grace window with the same successor, which still works', async () => {
    const start = new Date()
    const started = await startSession(db, userId, 'test', 3600)
    const first = await rotate(started.refreshToken, start)
    const again = await rotate(started.refreshToken, secondsAfter(start, REFRESH_REUSE_GRACE_MS / 1000 - 1))
    expect(again.refreshToken).toBe(first.refreshToken)
    expect(again.expiresAt).toEqual(first.expiresAt)
    expect(again.sessionId).toBe(started.sessionId)

    const later = secondsAfter(start, 3000)
    expect((await rotate(first.refreshToken, later)).refreshToken).not.toBe(first.refreshToken)
    expect(await revokedReason()).toBeNull()
  })

  it('follow the chain when the successor was itself rotated within the window', async () => {
    const start = new Date()
    const started = await startSession(db, userId, 'test', 3600)
    const first = await rotate(started.refreshToken, start)
    const second = await rotate(first.refreshToken, secondsAfter(start, 2))
    expect((await rotate(started.refreshToken, secondsAfter(start, 4))).refreshToken).toBe(second.refreshToken)
    expect((await rotate(first.refreshToken, secondsAfter(start, 5))).refreshToken).toBe(second.refreshToken)
    expect(await revokedReason()).toBeNull()
  })

  it('revoke the whole session when a used token comes back after the window, and the revocation sticks', async () => {
    const start = new Date()
    const started = await startSession(db, userId, 'test', 3600)
    const next = await rotate(started.refreshToken, start)
    expect(await refusal(started.refreshToken, secondsAfter(start, REFRESH_REUSE_GRACE_MS / 1000 + 1))).toBe('reused')
    expect(await revokedReason()).toBe('refresh token reused')
    expect(await refusal(next.refreshToken, secondsAfter(start, REFRESH_REUSE_GRACE_MS / 1000 + 2))).toBe('reused')
    // Within the window too: a revoked session gives nothing to anyone.
    expect(await refusal(started.refreshToken, start)).toBe('reused')
  })

  it('refuse a token presented within the window once its session was logged out', async () => {
    const start = new Date()
    const started = await startSession(db, userId, 'test', 3600)
    await rotate(started.refreshToken, start)
    await endSession(db, started.sessionId)
    expect(await refusal(started.refreshToken, secondsAfter(start, 1))).toBe('logged-out')
  })

  it('refuse a token presented within the window once its successor expired', async () => {
    const start = new Date()
    const started = await startSession(db, userId, 'test', 3600)
    await rotateRefreshToken(db, started.refreshToken, { ttlSeconds: 1, secret: SECRET, now: start })
    expect(await refusal(started.refreshToken, secondsAfter(start, 2))).toBe('expired')
  })

  it('refuse a token presented again with another secret, as a reuse', async () => {
    const start = new Date()
    const started = await startSession(db, userId, 'test', 3600)
    await rotate(started.refreshToken, start)
    await expect(rotateRefreshToken(db, started.refreshToken, { ttlSeconds: 3600, secret: `${SECRET}-rotated`, now: start })).rejects.toThrow(/already used/)
    expect(await revokedReason()).toBe('refresh token reused')
  })

  it('say why a refresh is refused: expired, logged out, suspended or unknown', async () => {
    const expired = await startSession(db, userId, 'test', -1)
    expect(await refusal(expired.refreshToken)).toBe('expired')

    const live = await startSession(db, userId, 'test', 3600)
    const lookup = prepareSessionLookup(db)
    expect((await lookup(userId, live.sessionId))?.sessionRevokedAt).toBeNull()
    await endSession(db, live.sessionId)
    expect((await lookup(userId, live.sessionId))?.sessionRevokedAt).toBeInstanceOf(Date)
    expect(await refusal(live.refreshToken)).toBe('logged-out')

    const beforeSuspension = await startSession(db, userId, 'test', 3600)
    await db.update(users).set({ status: 'suspended' })
    expect(await refusal(beforeSuspension.refreshToken)).toBe('suspended')
    expect((await lookup(userId, beforeSuspension.sessionId))?.sessionRevokedAt).toBeInstanceOf(Date)

    expect(await refusal('x'.repeat(43))).toBe('revoked')
  })
})
