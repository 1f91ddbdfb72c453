import { SignJWT, jwtVerify } from 'jose'
import type { Role } from '../../shared/constants'

export const DEV_JWT_SECRET = 'influencia-development-secret-not-for-production-use'
const ALGORITHM = 'HS256'
const ACCESS_TYPE = 'at+jwt'

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

function key() {
  const secret = useRuntimeConfig().jwtSecret || (import.meta.dev ? DEV_JWT_SECRET : '')
  if (!secret) throw new Error('NUXT_JWT_SECRET is not set')
  return new TextEncoder().encode(secret)
}

export async function signAccessToken(claims: AccessClaims): Promise<string> {
  const config = useRuntimeConfig()
  return new SignJWT({ role: claims.role, sid: claims.sessionId, ver: claims.tokenVersion })
    .setProtectedHeader({ alg: ALGORITHM, typ: ACCESS_TYPE })
    .setSubject(String(claims.userId))
    .setIssuer(config.jwtIssuer)
    .setAudience(config.jwtAudience)
    .setIssuedAt()
    .setExpirationTime(`${config.accessTokenTtl}s`)
    .sign(key())
}

/** The claims of a valid access token, or null for anything forged, expired or misaddressed. */
export async function verifyAccessToken(token: string): Promise<AccessClaims | null> {
  const config = useRuntimeConfig()
  try {
    const { payload } = await jwtVerify(token, key(), {
      algorithms: [ALGORITHM],
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      typ: ACCESS_TYPE,
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
