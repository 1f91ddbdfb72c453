import { describe, expect, it } from 'vitest'
import { apiClient, newAccount } from '../support/api-client'
import { TEST_ADMIN_PASSWORD } from '../support/built-server'
import { decodeToken, forgeToken } from '../support/tokens'

async function signedUp(role: 'sponsor' | 'influencer' = 'influencer') {
  const client = apiClient()
  const account = newAccount(role)
  const res = await client.post('/api/auth/signup', account)
  expect(res.status).toBe(201)
  return { client, account, ...res.body as { accessToken: string, refreshToken: string, user: { id: number } } }
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` }, cookies: false })

describe('refresh tokens', () => {
  it('rotate: each refresh gives a new pair and the new access token works', async () => {
    const { client, refreshToken } = await signedUp()
    const first = await client.post('/api/auth/refresh')
    expect(first.status).toBe(200)
    expect(first.body.refreshToken).not.toBe(refreshToken)
    expect(first.cookies.influencia_refresh).toBe(first.body.refreshToken)
    expect((await apiClient().get('/api/auth/me', bearer(first.body.accessToken))).status).toBe(200)

    const second = await apiClient().post('/api/auth/refresh', { refreshToken: first.body.refreshToken })
    expect(second.status).toBe(200)
  })

  it('a reused refresh token ends the whole session, for the thief and the owner alike', async () => {
    const { refreshToken } = await signedUp()
    const legit = await apiClient().post('/api/auth/refresh', { refreshToken })
    expect(legit.status).toBe(200)

    const replay = await apiClient().post('/api/auth/refresh', { refreshToken })
    expect(replay.status).toBe(401)
    expect(replay.body.message).toMatch(/already used/)

    // The token issued to the legitimate holder belonged to the same session: it is dead too.
    expect((await apiClient().post('/api/auth/refresh', { refreshToken: legit.body.refreshToken })).status).toBe(401)
    expect((await apiClient().get('/api/auth/me', bearer(legit.body.accessToken))).status).toBe(401)
  })

  it('an unknown refresh token is 401, and so is none at all', async () => {
    expect((await apiClient().post('/api/auth/refresh', { refreshToken: 'x'.repeat(43) })).status).toBe(401)
    expect((await apiClient().post('/api/auth/refresh')).status).toBe(401)
  })
})

describe('page loads', () => {
  it('renew an expired access cookie from the refresh cookie before rendering', async () => {
    const { refreshToken } = await signedUp()
    const page = await apiClient().get('/', { headers: { accept: 'text/html', cookie: `influencia_refresh=${refreshToken}` }, cookies: false })
    expect(page.status).toBe(200)
    expect(page.cookies.influencia_access).toEqual(expect.any(String))
    expect(page.cookies.influencia_refresh).not.toBe(refreshToken)
    expect((await apiClient().get('/api/auth/me', bearer(page.cookies.influencia_access!))).status).toBe(200)
  })

  it('drop the cookies of a session that has ended', async () => {
    const page = await apiClient().get('/', { headers: { accept: 'text/html', cookie: `influencia_refresh=${'y'.repeat(43)}` }, cookies: false })
    expect(page.status).toBe(200)
    expect(page.cookies.influencia_refresh).toBe('')
  })
})

describe('logout', () => {
  it('ends this session only: its tokens stop working, other sessions go on', async () => {
    const { client, account, accessToken, refreshToken } = await signedUp()
    const other = await apiClient().post('/api/auth/login', { login: account.username, password: account.password })
    expect(other.status).toBe(200)

    const out = await client.post('/api/auth/logout')
    expect(out.status).toBe(200)
    expect(out.cookies.influencia_access).toBe('')

    expect((await apiClient().get('/api/auth/me', bearer(accessToken))).status).toBe(401)
    expect((await apiClient().post('/api/auth/refresh', { refreshToken })).status).toBe(401)
    expect((await apiClient().get('/api/auth/me', bearer(other.body.accessToken))).status).toBe(200)
  })

  it('needs a logged-in user', async () => {
    expect((await apiClient().post('/api/auth/logout')).status).toBe(401)
  })
})

describe('access tokens the server did not issue as they are', () => {
  it('refuses forged, expired, misaddressed and mistyped tokens', async () => {
    const { accessToken } = await signedUp()
    const claims = decodeToken(accessToken)
    const base = { sub: claims.sub, sid: claims.sid, ver: claims.ver }
    const now = Math.floor(Date.now() / 1000)

    // Sanity: a token forged with the right secret and claims is accepted, so each case below fails for its one reason.
    expect((await apiClient().get('/api/auth/me', bearer(await forgeToken(base)))).status).toBe(200)

    const cases: Record<string, string> = {
      'wrong secret': await forgeToken({ ...base, secret: 'another-secret-that-is-long-enough-0123456789' }),
      'expired': await forgeToken({ ...base, expiresAt: now - 5 }),
      'wrong audience': await forgeToken({ ...base, audience: 'someone-else' }),
      'wrong issuer': await forgeToken({ ...base, issuer: 'evil' }),
      'wrong type': await forgeToken({ ...base, typ: 'JWT' }),
      'old token version': await forgeToken({ ...base, ver: claims.ver + 1 }),
      'unknown session': await forgeToken({ ...base, sid: '00000000-0000-4000-8000-000000000000' }),
      'role raised by hand': await forgeToken({ ...base, role: 'admin', sid: '00000000-0000-4000-8000-000000000001' }),
      'alg none': `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${accessToken.split('.')[1]}.`,
      'tampered payload': `${accessToken.split('.')[0]}.${Buffer.from(JSON.stringify({ ...claims, sub: '1' })).toString('base64url')}.${accessToken.split('.')[2]}`,
      'garbage': 'not.a.token',
    }
    for (const [name, token] of Object.entries(cases)) {
      const res = await apiClient().get('/api/auth/me', bearer(token))
      expect(res.status, name).toBe(401)
    }
  })

  it('takes the role from the database, not from the token', async () => {
    const { accessToken } = await signedUp('sponsor')
    const claims = decodeToken(accessToken)
    const token = await forgeToken({ sub: claims.sub, sid: claims.sid, ver: claims.ver, role: 'admin' })
    expect((await apiClient().get('/api/admin/users', bearer(token))).status).toBe(403)
  })
})

describe('role guards', () => {
  it('answer 401 to anonymous, 403 to other roles and 200 to admins', async () => {
    expect((await apiClient().get('/api/admin/users')).status).toBe(401)

    const sponsor = await apiClient().post('/api/auth/login', { login: 'acme', password: 'demo-password' })
    const influencer = await apiClient().post('/api/auth/login', { login: 'mia', password: 'demo-password' })
    const admin = await apiClient().post('/api/auth/login', { login: 'admin', password: TEST_ADMIN_PASSWORD })
    expect((await apiClient().get('/api/admin/users', bearer(sponsor.body.accessToken))).status).toBe(403)
    expect((await apiClient().get('/api/admin/users', bearer(influencer.body.accessToken))).status).toBe(403)
    const ok = await apiClient().get('/api/admin/users?role=sponsor&status=pending', bearer(admin.body.accessToken))
    expect(ok.status).toBe(200)
    expect(ok.body.items.map((u: { username: string }) => u.username)).toContain('novabank')
    expect(ok.body.items.every((u: { role: string, status: string }) => u.role === 'sponsor' && u.status === 'pending')).toBe(true)
  })
})

describe('suspension', () => {
  it('refuses a suspended user at once, whatever tokens they hold, and lets them back when reactivated', async () => {
    const { client, account, accessToken, refreshToken, user } = await signedUp()
    const admin = await apiClient().post('/api/auth/login', { login: 'admin', password: TEST_ADMIN_PASSWORD })

    const suspend = await apiClient().patch(`/api/admin/users/${user.id}`, { status: 'suspended' }, bearer(admin.body.accessToken))
    expect(suspend.status).toBe(200)
    expect(suspend.body.status).toBe('suspended')

    expect((await client.get('/api/auth/me')).status).toBe(401)
    expect((await apiClient().get('/api/auth/me', bearer(accessToken))).status).toBe(401)
    expect((await apiClient().post('/api/auth/refresh', { refreshToken })).status).toBe(401)
    const login = await apiClient().post('/api/auth/login', { login: account.username, password: account.password })
    expect(login.status).toBe(403)
    expect(login.body.message).toMatch(/suspended/)

    const back = await apiClient().patch(`/api/admin/users/${user.id}`, { status: 'active' }, bearer(admin.body.accessToken))
    expect(back.body.status).toBe('active')
    expect((await apiClient().post('/api/auth/login', { login: account.username, password: account.password })).status).toBe(200)
  })
})

describe('cross-site requests', () => {
  it('refuses a cookie-authenticated POST from another site and leaves the session alone', async () => {
    const { client } = await signedUp()
    const fromEvilOrigin = await client.post('/api/auth/logout', undefined, { headers: { origin: 'https://evil.example' } })
    expect(fromEvilOrigin.status).toBe(403)
    const fromEvilFetch = await client.post('/api/auth/logout', undefined, { headers: { 'sec-fetch-site': 'cross-site', 'origin': 'https://evil.example' } })
    expect(fromEvilFetch.status).toBe(403)
    expect((await client.get('/api/auth/me')).status).toBe(200)

    const sameOrigin = await client.post('/api/auth/logout', undefined, { headers: { 'sec-fetch-site': 'same-origin' } })
    expect(sameOrigin.status).toBe(200)
  })

  it('refuses a cross-site login form post too', async () => {
    const res = await apiClient().post('/api/auth/login', { login: 'mia', password: 'demo-password' }, { headers: { 'sec-fetch-site': 'cross-site' } })
    expect(res.status).toBe(403)
  })
})
