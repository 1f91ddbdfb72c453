import { SignJWT } from 'jose'
import { TEST_JWT_SECRET } from './built-server'

interface ForgeOptions {
  sub: string
  sid: string
  role?: string
  ver?: number
  secret?: string
  issuer?: string
  audience?: string
  typ?: string
  expiresAt?: number
}

/** Signs a token by hand, to test what the server does with bad ones. */
export function forgeToken(o: ForgeOptions) {
  return new SignJWT({ role: o.role ?? 'influencer', sid: o.sid, ver: o.ver ?? 0 })
    .setProtectedHeader({ alg: 'HS256', typ: o.typ ?? 'at+jwt' })
    .setSubject(o.sub)
    .setIssuer(o.issuer ?? 'influencia')
    .setAudience(o.audience ?? 'influencia-app')
    .setIssuedAt()
    .setExpirationTime(o.expiresAt ?? Math.floor(Date.now() / 1000) + 600)
    .sign(new TextEncoder().encode(o.secret ?? TEST_JWT_SECRET))
}

/** The claims of a token, unverified (the test only reads what the server issued). */
export function decodeToken(token: string): Record<string, any> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())
}
