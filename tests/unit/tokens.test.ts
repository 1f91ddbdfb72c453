import { describe, expect, it } from 'vitest'
import { SignJWT } from 'jose'
import { DEV_JWT_SECRET, signAccessToken, verifyAccessToken, weakSecretReason } from '../../server/utils/tokens'

const settings = { secret: 'unit-test-secret-0123456789abcdefghijklmnop', issuer: 'influencia', audience: 'influencia-app', ttlSeconds: 60 }
const claims = { userId: 42, role: 'sponsor' as const, sessionId: 'session-1', tokenVersion: 3 }

describe('access tokens', () => {
  it('round-trip their claims', async () => {
    const token = await signAccessToken(claims, settings)
    expect(await verifyAccessToken(token, settings)).toEqual(claims)
  })

  it('are refused when signed with another key, for another audience or issuer, or expired', async () => {
    const token = await signAccessToken(claims, settings)
    expect(await verifyAccessToken(token, { ...settings, secret: `${settings.secret}x` })).toBeNull()
    expect(await verifyAccessToken(token, { ...settings, audience: 'other' })).toBeNull()
    expect(await verifyAccessToken(token, { ...settings, issuer: 'other' })).toBeNull()
    const expired = await signAccessToken(claims, { ...settings, ttlSeconds: -10 })
    expect(await verifyAccessToken(expired, settings)).toBeNull()
  })

  it('are held to the lifetime from their issue time: none from the future, none older, whatever exp says', async () => {
    const key = new TextEncoder().encode(settings.secret)
    const now = Math.floor(Date.now() / 1000)
    const signed = (iat: number | undefined, exp: number) => {
      const jwt = new SignJWT({ role: 'sponsor', sid: 's', ver: 0 }).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
        .setSubject('1').setIssuer(settings.issuer).setAudience(settings.audience).setExpirationTime(exp)
      return (iat === undefined ? jwt : jwt.setIssuedAt(iat)).sign(key)
    }
    expect(await verifyAccessToken(await signed(now, now + 60), settings)).not.toBeNull()
    expect(await verifyAccessToken(await signed(now + 30, now + 90), settings)).toBeNull()
    expect(await verifyAccessToken(await signed(now - 120, now + 86_400), settings)).toBeNull()
    expect(await verifyAccessToken(await signed(undefined, now + 60), settings)).toBeNull()
  })

  it('must be access tokens with every claim present', async () => {
    const key = new TextEncoder().encode(settings.secret)
    const plainJwt = await new SignJWT({ role: 'sponsor', sid: 's', ver: 0 }).setProtectedHeader({ alg: 'HS256' })
      .setSubject('1').setIssuer(settings.issuer).setAudience(settings.audience).setExpirationTime('1m').sign(key)
    expect(await verifyAccessToken(plainJwt, settings)).toBeNull()
    const noSession = await new SignJWT({ role: 'sponsor', ver: 0 }).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setSubject('1').setIssuer(settings.issuer).setAudience(settings.audience).setExpirationTime('1m').sign(key)
    expect(await verifyAccessToken(noSession, settings)).toBeNull()
  })

  it('production secrets must be long, varied and not the development default', () => {
    expect(weakSecretReason(undefined)).toMatch(/not set/)
    expect(weakSecretReason(DEV_JWT_SECRET)).toMatch(/development default/)
    expect(weakSecretReason('short')).toMatch(/at least 32/)
    expect(weakSecretReason('a'.repeat(40))).toMatch(/repetitive/)
    expect(weakSecretReason(settings.secret)).toBeNull()
  })
})
