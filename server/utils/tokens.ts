import { SignJWT, jwtVerify } from 'jose'
import type { Role } from '#shared/constants'

// Plain functions of their settings (no runtime config inside), so they are unit-tested as is.

export const DEV_JWT_SECRET = 'influencia-development-secret-not-for-production-use'
const ALGORITHM = 'HS256'
const ACCESS_TYPE = 'at+jwt'

export interface TokenSettings {
  secret: string
  issuer: string
  audience: string
  ttlSeconds: number
}

export interface AccessClaims {
  userId: number
  role: Role
  sessionId: string
  tokenVersion: number
}

/** Why a secret is unfit for production, or null when it is strong enough. */
export function weakSecretReason(secret: string | undefined): string | null {
  if (!secret) return 'NUXT_JWT_SECRET is not set'
  if (secret === DEV_JWT_SECRET) return 'NUXT_JWT_SECRET is the development default'
  if (secret.length < 32) return 'NUXT_JWT_SECRET must be at least 32 characters'
  if (new Set(secret).size < 10) return 'NUXT_JWT_SECRET is too repetitive'
  return null
}

const encode = (secret: string) => new TextEncoder().encode(secret)

export async function signAccessToken(claims: AccessClaims, settings: TokenSettings): Promise<string> {
  return new SignJWT({ role: claims.role, sid: claims.sessionId, ver: claims.tokenVersion })
    .setProtectedHeader({ alg: ALGORITHM, typ: ACCESS_TYPE })
    .setSubject(String(claims.userId))
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(`${settings.ttlSeconds}s`)
    .sign(encode(settings.secret))
}

/**
 * The claims of a valid access token, or null for anything forged, expired, of another type or
 * meant for another issuer or audience. The algorithm is pinned: `none` or RS/ES tokens fail.
 * A token is also held to this server's lifetime from when it was issued: one dated in the
 * future, or older than the lifetime whatever its `exp` says, is no token this server made.
 */
export async function verifyAccessToken(token: string, settings: TokenSettings): Promise<AccessClaims | null> {
  try {
    const { payload } = await jwtVerify(token, encode(settings.secret), {
      algorithms: [ALGORITHM],
      issuer: settings.issuer,
      audience: settings.audience,
      typ: ACCESS_TYPE,
      maxTokenAge: settings.ttlSeconds,
      requiredClaims: ['sub', 'exp', 'sid', 'ver', 'role'],
    })
    const userId = Number(payload.sub)
    if (!Number.isSafeInteger(userId) || typeof payload.sid !== 'string' || typeof payload.ver !== 'number') return null
    return { userId, role: payload.role as Role, sessionId: payload.sid, tokenVersion: payload.ver }
  }
  catch {
    return null
  }
}
