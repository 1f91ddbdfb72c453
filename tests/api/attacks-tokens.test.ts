import { createHmac } from 'node:crypto'
import { generateKeyPair, exportJWK } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { loginAs } from '../support/actors'
import { apiClient, newAccount } from '../support/api-client'
import { TEST_JWT_SECRET } from '../support/built-server'
import { testDatabase } from '../support/suite-database'
import { decodeToken, editedToken, forgeToken } from '../support/tokens'

// Tokens an attacker can make or lay hands on, each presented to endpoints a real token opens:
// every one must be refused, and nothing it asked for may happen.

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` }, cookies: false })
const now = () => Math.floor(Date.now() / 1000)

async function signedUp(role: 'sponsor' | 'influencer') {
  const account = newAccount(role)
  const res = await apiClient().post('/api/auth/signup', account)
  expect(res.status).toBe(201)
  return { account, ...res.body as { accessToken: string, refreshToken: string, user: { id: number } } }
}

async function bioOf(userId: number) {
  return (await testDatabase().row<{ bio: string }>('select bio from users where id = ?', userId))!.bio
}

/** What a token gets: the caller's account, the admin's user list and a write to the caller's profile. */
async function whatTokenOpens(token: string) {
  return {
    me: (await apiClient().get('/api/auth/me', bearer(token))).status,
    adminUsers: (await apiClient().get('/api/admin/users', bearer(token))).status,
    profileWrite: (await apiClient().patch('/api/me/profile', { bio: 'Written with a forged token' }, bearer(token))).status,
  }
}
const REFUSED = { me: 401, adminUsers: 401, profileWrite: 401 }

describe('forged and doctored access tokens', () => {
  let victim: Awaited<ReturnType<typeof signedUp>>
  let claims: Record<string, any>
  let base: { sub: string, sid: string, ver: number, role: string }

  beforeAll(async () => {
    victim = await signedUp('influencer')
    claims = decodeToken(victim.accessToken)
    base = { sub: claims.sub, sid: claims.sid, ver: claims.ver, role: claims.role }
  })

  it('a token made by the rules is accepted, so each refusal below has its one reason', async () => {
    const token = await forgeToken(base)
    expect((await apiClient().get('/api/auth/me', bearer(token))).status).toBe(200)
    expect((await apiClient().get('/api/admin/users', bearer(token))).status).toBe(403)
  })

  it('refuses tokens of no algorithm, another algorithm or another key', async () => {
    const rsa = await generateKeyPair('RS256')
    const ec = await generateKeyPair('ES256')
    const ed = await generateKeyPair('EdDSA')
    const unsigned = (alg: string) => editedToken(victim.accessToken, { header: { alg }, signature: '' })
    const headerAndPayload = (alg: string) => editedToken(victim.accessToken, { header: { alg } }).split('.').slice(0, 2).join('.')
    const cases: Record<string, string> = {
      'alg none': unsigned('none'),
      'alg None': unsigned('None'),
      'alg NONE': unsigned('NONE'),
      'alg none keeping the real signature': editedToken(victim.accessToken, { header: { alg: 'none' } }),
      'another secret, HS256': await forgeToken({ ...base, secret: 'another-secret-that-is-long-enough-0123456789' }),
      'the server\'s secret, HS512': await forgeToken({ ...base, alg: 'HS512' }),
      'the server\'s secret, HS384': await forgeToken({ ...base, alg: 'HS384' }),
      'an RSA key, RS256': await forgeToken({ ...base, alg: 'RS256', key: rsa.privateKey }),
      'an EC key, ES256': await forgeToken({ ...base, alg: 'ES256', key: ec.privateKey }),
      'an Ed25519 key, EdDSA': await forgeToken({ ...base, alg: 'EdDSA', key: ed.privateKey }),
      // Key confusion: an RS256 header over an HMAC made with the secret, hoping the server picks the algorithm from the header.
      'RS256 header over an HMAC of the secret': (() => {
        const signed = headerAndPayload('RS256')
        return `${signed}.${createHmac('sha256', TEST_JWT_SECRET).update(signed).digest('base64url')}`
      })(),
      'the attacker\'s own key embedded in the header (jwk)': await (async () => {
        const token = await forgeToken({ ...base, alg: 'RS256', key: rsa.privateKey })
        return editedToken(token, { header: { jwk: await exportJWK(rsa.publicKey) } })
      })(),
    }
    for (const [name, token] of Object.entries(cases)) expect(await whatTokenOpens(token), name).toEqual(REFUSED)
    expect(await bioOf(victim.user.id)).toBe('')
  })

  it('refuses tokens out of their time: expired, not yet valid, issued in the future', async () => {
    const cases: Record<string, string> = {
      'expired a moment ago': await forgeToken({ ...base, issuedAt: now() - 905, expiresAt: now() - 5 }),
      'expired long ago': await forgeToken({ ...base, issuedAt: now() - 86_400 * 30, expiresAt: now() - 86_400 * 29 }),
      'not valid before in ten minutes (nbf)': await forgeToken({ ...base, notBefore: now() + 600 }),
      'issued in ten minutes (iat)': await forgeToken({ ...base, issuedAt: now() + 600, expiresAt: now() + 1500 }),
      'made to last a year, issued an hour ago': await forgeToken({ ...base, issuedAt: now() - 3600, expiresAt: now() + 86_400 * 365 }),
      'with no issue time': await forgeToken({ ...base, issuedAt: null }),
    }
    for (const [name, token] of Object.entries(cases)) expect(await whatTokenOpens(token), name).toEqual(REFUSED)
    expect(await bioOf(victim.user.id)).toBe('')
  })

  it('refuses tokens for another issuer or audience, or of another type', async () => {
    const cases: Record<string, string> = {
      'wrong issuer': await forgeToken({ ...base, issuer: 'evil' }),
      'wrong audience': await forgeToken({ ...base, audience: 'someone-else' }),
      'no issuer claim': await forgeToken({ ...base, issuer: null }),
      'no audience claim': await forgeToken({ ...base, audience: null }),
      'a plain JWT, not an access token': await forgeToken({ ...base, typ: 'JWT' }),
      'a refresh token as the access token': victim.refreshToken,
    }
    for (const [name, token] of Object.entries(cases)) expect(await whatTokenOpens(token), name).toEqual(REFUSED)
    expect(await bioOf(victim.user.id)).toBe('')
  })

  it('refuses a raised role or another user\'s id, re-signed with another key or edited unsigned', async () => {
    const admin = await loginAs('admin')
    const elsewhere = 'another-secret-that-is-long-enough-0123456789'
    const cases: Record<string, string> = {
      'role admin, re-signed with another key': await forgeToken({ ...base, role: 'admin', secret: elsewhere }),
      'role admin, payload edited, signature kept': editedToken(victim.accessToken, { payload: { role: 'admin' } }),
      'role admin, unsigned': editedToken(victim.accessToken, { header: { alg: 'none' }, payload: { role: 'admin' }, signature: '' }),
      'the admin\'s id, re-signed with another key': await forgeToken({ ...base, sub: String(admin.user.id), role: 'admin', secret: elsewhere }),
      'the admin\'s id, payload edited, signature kept': editedToken(victim.accessToken, { payload: { sub: String(admin.user.id), role: 'admin' } }),
      'a bumped token version, payload edited': editedToken(victim.accessToken, { payload: { ver: claims.ver + 1 } }),
    }
    for (const [name, token] of Object.entries(cases)) expect(await whatTokenOpens(token), name).toEqual(REFUSED)
    expect(await bioOf(victim.user.id)).toBe('')
  })

  it('a role raised with the real key opens nothing more: the role is read from the database', async () => {
    const token = await forgeToken({ ...base, role: 'admin' })
    expect((await apiClient().get('/api/auth/me', bearer(token))).body.role).toBe('influencer')
    expect((await apiClient().get('/api/admin/users', bearer(token))).status).toBe(403)
    expect((await apiClient().patch(`/api/admin/users/${victim.user.id}`, { flagged: false }, bearer(token))).status).toBe(403)
  })
})

describe('a refresh token used twice', () => {
  it('is refused after the two-tab grace, and its whole session (every token descended from that login) ends', async () => {
    const { account, accessToken, refreshToken } = await signedUp('influencer')
    const otherDevice = await apiClient().post('/api/auth/login', { login: account.username, password: account.password })
    expect(otherDevice.status).toBe(200)

    const rotated = await apiClient().post('/api/auth/refresh', { refreshToken })
    expect(rotated.status).toBe(200)
    // The first use is made a minute old rather than waited for: later than the grace that lets
    // two tabs refresh at once, so presenting the token again can only be a replay.
    const { sid } = decodeToken(accessToken)
    const db = testDatabase()
    for (const used of await db.rows<{ id: number, used_at: number }>('select id, used_at from refresh_tokens where session_id = ? and used_at is not null', sid)) {
      await db.change('update refresh_tokens set used_at = ? where id = ?', new Date(used.used_at - 60_000), used.id)
    }

    const replay = await apiClient().post('/api/auth/refresh', { refreshToken })
    expect(replay.status).toBe(401)
    expect(replay.body).toMatchObject({ data: { reason: 'reused' } })

    // The thief's copy and the owner's newer tokens are all dead now.
    const successor = await apiClient().post('/api/auth/refresh', { refreshToken: rotated.body.refreshToken })
    expect(successor.status).toBe(401)
    expect(successor.body).toMatchObject({ data: { reason: 'reused' } })
    expect((await apiClient().get('/api/auth/me', bearer(rotated.body.accessToken))).status).toBe(401)
    expect((await apiClient().get('/api/auth/me', bearer(accessToken))).status).toBe(401)
    expect(await db.row('select revoked_reason from auth_sessions where id = ?', sid)).toEqual({ revoked_reason: 'refresh token reused' })

    // The login on another device is another family: it goes on.
    expect((await apiClient().get('/api/auth/me', bearer(otherDevice.body.accessToken))).status).toBe(200)
    expect((await apiClient().post('/api/auth/refresh', { refreshToken: otherDevice.body.refreshToken })).status).toBe(200)
  })
})

describe('the tokens of a user suspended a moment ago', () => {
  it('stop working at once, by header and by cookie, for reads, writes and refreshes', async () => {
    const sponsor = apiClient()
    const account = newAccount('sponsor')
    const signup = await sponsor.post('/api/auth/signup', account)
    expect(signup.status).toBe(201)
    const { accessToken, refreshToken, user } = signup.body
    const admin = await loginAs('admin')
    expect((await admin.patch(`/api/admin/users/${user.id}`, { status: 'active' })).status).toBe(200)
    expect((await sponsor.get('/api/auth/me')).status).toBe(200)

    expect((await admin.patch(`/api/admin/users/${user.id}`, { status: 'suspended' })).status).toBe(200)

    expect((await sponsor.get('/api/auth/me')).status).toBe(401)
    expect(await whatTokenOpens(accessToken)).toEqual(REFUSED)
    const campaign = { title: 'Made while suspended', description: 'Should never be stored anywhere.', niche: 'fitness', startDate: '2030-01-01', endDate: '2030-02-01', visibility: 'public', budget: 10_000 }
    expect((await sponsor.post('/api/campaigns', campaign)).status).toBe(401)
    expect((await apiClient().post('/api/campaigns', campaign, bearer(accessToken))).status).toBe(401)
    const refresh = await apiClient().post('/api/auth/refresh', { refreshToken })
    expect(refresh.status).toBe(403)
    expect(refresh.body).toMatchObject({ data: { reason: 'suspended' } })
    // Even a token signed with the real key for the new token version finds the session ended.
    const claims = decodeToken(accessToken)
    expect(await whatTokenOpens(await forgeToken({ sub: claims.sub, sid: claims.sid, ver: claims.ver + 1, role: 'sponsor' }))).toEqual(REFUSED)

    const db = testDatabase()
    expect(await db.row('select count(*) as n from campaigns where sponsor_id = ?', user.id)).toEqual({ n: 0 })
    expect(await db.row('select bio from users where id = ?', user.id)).toEqual({ bio: '' })
  })
})
