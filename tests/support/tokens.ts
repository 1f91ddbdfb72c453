import { SignJWT } from 'jose'
import type { CryptoKey } from 'jose'
import { TEST_JWT_SECRET } from './built-server'

interface ForgeOptions {
  sub: string
  sid: string
  role?: string
  ver?: number
  secret?: string
  /** null leaves the claim out. */
  issuer?: string | null
  audience?: string | null
  typ?: string
  expiresAt?: number
  /** Seconds since the epoch; left out of the token when not given. */
  notBefore?: number
  /** Seconds since the epoch; now when not given, left out when null. */
  issuedAt?: number | null
  /** Another algorithm than the server's HS256, with the key it needs (`secret` for HS*). */
  alg?: string
  key?: CryptoKey
}

/** Signs a token by hand, to test what the server does with bad ones. */
export function forgeToken(o: ForgeOptions) {
  const jwt = new SignJWT({ role: o.role ?? 'influencer', sid: o.sid, ver: o.ver ?? 0 })
    .setProtectedHeader({ alg: o.alg ?? 'HS256', typ: o.typ ?? 'at+jwt' })
    .setSubject(o.sub)
    .setExpirationTime(o.expiresAt ?? Math.floor(Date.now() / 1000) + 600)
  if (o.issuedAt !== null) jwt.setIssuedAt(o.issuedAt)
  if (o.issuer !== null) jwt.setIssuer(o.issuer ?? 'influencia')
  if (o.audience !== null) jwt.setAudience(o.audience ?? 'influencia-app')
  if (o.notBefore !== undefined) jwt.setNotBefore(o.notBefore)
  return jwt.sign(o.key ?? new TextEncoder().encode(o.secret ?? TEST_JWT_SECRET))
}

/** A token whose header or payload was edited after signing, or never signed (`alg: none`). */
export function editedToken(token: string, edit: { header?: Record<string, unknown>, payload?: Record<string, unknown>, signature?: string }) {
  const [header, payload, signature] = token.split('.')
  const part = (original: string, changes?: Record<string, unknown>) => changes
    ? Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(original!, 'base64url').toString()), ...changes })).toString('base64url')
    : original
  return [part(header!, edit.header), part(payload!, edit.payload), edit.signature ?? signature].join('.')
}

/** The claims of a token, unverified (the test only reads what the server issued). */
export function decodeToken(token: string): Record<string, any> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())
}
