import { resolve } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { migrateDatabase, openDatabase } from '../../server/database/client'
import type { Db } from '../../server/database/client'
import { authSessions, users } from '../../server/database/schema'
import { endSession, prepareSessionLookup, rotateRefreshToken, startSession } from '../../server/domain/sessions'

let db: Db
let userId: number

beforeEach(() => {
  db = openDatabase(':memory:')
  migrateDatabase(db, resolve('drizzle'))
  userId = db.insert(users).values({ username: 'u', email: 'u@x.test', passwordHash: 'h', role: 'influencer', displayName: 'U', status: 'active' })
    .returning().get().id
})

describe('login sessions', () => {
  it('store only a digest of the refresh token', () => {
    const { refreshToken } = startSession(db, userId, 'test', 3600)
    const stored = db.$client.prepare('select token_hash from refresh_tokens').all() as { token_hash: string }[]
    expect(stored).toHaveLength(1)
    expect(stored[0]!.token_hash).not.toContain(refreshToken)
    expect(stored[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('rotate a refresh token into a new one of the same session', () => {
    const started = startSession(db, userId, 'test', 3600)
    const next = rotateRefreshToken(db, started.refreshToken, 3600)
    expect(next.sessionId).toBe(started.sessionId)
    expect(next.refreshToken).not.toBe(started.refreshToken)
    expect(rotateRefreshToken(db, next.refreshToken, 3600).userId).toBe(userId)
  })

  it('revoke the whole session when a used token comes back, and the revocation sticks', () => {
    const started = startSession(db, userId, 'test', 3600)
    const next = rotateRefreshToken(db, started.refreshToken, 3600)
    expect(() => rotateRefreshToken(db, started.refreshToken, 3600)).toThrow(/already used/)
    const session = db.select().from(authSessions).get()!
    expect(session.revokedReason).toBe('refresh token reused')
    expect(() => rotateRefreshToken(db, next.refreshToken, 3600)).toThrow(/Session has ended/)
  })

  it('expire, and end on logout', () => {
    const expired = startSession(db, userId, 'test', -1)
    expect(() => rotateRefreshToken(db, expired.refreshToken, 3600)).toThrow(/expired/)

    const live = startSession(db, userId, 'test', 3600)
    const lookup = prepareSessionLookup(db)
    expect(lookup(userId, live.sessionId)?.sessionRevokedAt).toBeNull()
    endSession(db, live.sessionId)
    expect(lookup(userId, live.sessionId)?.sessionRevokedAt).toBeInstanceOf(Date)
  })
})
