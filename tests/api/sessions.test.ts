import { describe, expect, it } from 'vitest'
import { apiClient, newAccount } from '../support/api-client'
import { TEST_ADMIN_PASSWORD } from '../support/built-server'
import { countRows } from '../support/suite-database'
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

  it('presented twice at once (two tabs), both get the same new refresh token, and the session goes on', async () => {
    const { refreshToken, user } = await signedUp()
    const [a, b] = await Promise.all([
      apiClient().post('/api/auth/refresh', { refreshToken }),
      apiClient().post('/api/auth/refresh', { refreshToken }),
    ])
    expect([a.status, b.status]).toEqual([200, 200])
    expect(a.body.refreshToken).not.toBe(refreshToken)
    expect(b.body.refreshToken).toBe(a.body.refreshToken)
    expect(b.cookies.influencia_refresh).toBe(a.body.refreshToken)
    expect((await apiClient().get('/api/auth/me', bearer(a.body.accessToken))).status).toBe(200)
    expect((await apiClient().get('/api/auth/me', bearer(b.body.accessToken))).status).toBe(200)

    const next = await apiClient().post('/api/auth/refresh', { refreshToken: a.body.refreshToken })
    expect(next.status).toBe(200)
    expect(next.body.refreshToken).not.toBe(a.body.refreshToken)
    expect((await apiClient().get('/api/auth/me', bearer(next.body.accessToken))).status).toBe(200)
    expect(await countRows('auth_sessions', 'user_id = ? and revoked_at is not null', user.id)).toBe(0)
  })

  it('an unknown refresh token is 401, and so is none at all', async () => {
    const unknown = await apiClient().post('/api/auth/refresh', { refreshToken: 'x'.repeat(43) })
    expect(unknown.status).toBe(401)
    expect(unknown.body.data).toEqual({ reason: 'revoked' })
    const none = await apiClient().post('/api/auth/refresh')
    expect(none.status).toBe(401)
    expect(none.body.data).toEqual({ reason: 'expired' })
  })
})

describe('page loads', () => {
  it('renew an expired access cookie from the refresh cookie before rendering', async () => {
    const { refreshToken } = await signedUp()
    // A dashboard page: public pages are the same for everyone and never touch the session.
    const page = await apiClient().get('/influencer', { headers: { accept: 'text/html', cookie: `influencia_refresh=${refreshToken}` }, cookies: false })
    expect(page.status).toBe(200)
    expect(page.cookies.influencia_access).toEqual(expect.any(String))
    expect(page.cookies.influencia_refresh).not.toBe(refreshToken)
    expect((await apiClient().get('/api/auth/me', bearer(page.cookies.influencia_access!))).status).toBe(200)
  })

  it('that happen at once (two tabs) both renew from the same refresh cookie, to the same new one', async () => {
    const { refreshToken } = await signedUp()
    const load = () => apiClient().get('/influencer', { headers: { accept: 'text/html', cookie: `influencia_refresh=${refreshToken}` }, cookies: false })
    const [a, b] = await Promise.all([load(), load()])
    expect([a.status, b.status]).toEqual([200, 200])
    expect(a.body).toContain('Welcome,')
    expect(b.body).toContain('Welcome,')
    expect(a.cookies.influencia_refresh).not.toBe(refreshToken)
    expect(b.cookies.influencia_refresh).toBe(a.cookies.influencia_refresh)
    expect((await apiClient().post('/api/auth/refresh', { refreshToken: a.cookies.influencia_refresh })).status).toBe(200)
  })

  it('of a dashboard whose session was logged out elsewhere go to the login page, which says why', async () => {
    const { client, refreshToken } = await signedUp()
    expect((await client.post('/api/auth/logout')).status).toBe(200)
    const page = await apiClient().get('/influencer/requests', { headers: { accept: 'text/html', cookie: `influencia_refresh=${refreshToken}` }, cookies: false })
    expect(page.status).toBe(302)
    const location = page.headers.get('location')!
    expect(location).toBe('/login?reason=logged-out&redirect=/influencer/requests')
    expect(page.cookies.influencia_refresh).toBe('')

    const login = await apiClient().get(location, { headers: { accept: 'text/html' } })
    expect(login.body).toContain('You were logged out')
    const unexplained = await apiClient().get('/login?reason=bogus', { headers: { accept: 'text/html' } })
    expect(unexplained.status).toBe(200)
    expect(unexplained.body).not.toContain('You were logged out')
  })

  it('say why a session ended once, even when a background answer sent before keeps why again after', async () => {
    const { client: browser, account, accessToken, refreshToken } = await signedUp()
    expect((await apiClient().post('/api/auth/logout', undefined, bearer(accessToken))).status).toBe(200)
    // Two requests of the open tab carry the ended session's refresh cookie; the first answer keeps why.
    const withEndedCookie = { headers: { cookie: `influencia_refresh=${refreshToken}` }, cookies: false }
    expect((await browser.post('/api/auth/refresh', undefined, withEndedCookie)).status).toBe(401)
    expect([...browser.jar.keys()]).toEqual(['influencia_session_end'])
    const html = { headers: { accept: 'text/html' } }
    const told = await browser.get('/influencer/requests', html)
    expect(told.headers.get('location')).toBe('/login?reason=logged-out&redirect=/influencer/requests')

    // The second is answered after the page load that told it.
    expect((await browser.post('/api/auth/refresh', undefined, withEndedCookie)).status).toBe(401)
    expect(browser.jar.has('influencia_session_end')).toBe(true)
    const again = await browser.get('/influencer/requests', html)
    expect(again.headers.get('location')).toBe('/login?redirect=/influencer/requests')

    // The end of the next session is told in its turn.
    const login = await browser.post('/api/auth/login', { login: account.username, password: account.password })
    expect(login.status).toBe(200)
    expect((await apiClient().post('/api/auth/logout', undefined, bearer(login.body.accessToken))).status).toBe(200)
    expect((await browser.post('/api/auth/refresh')).status).toBe(401)
    const toldNext = await browser.get('/influencer/requests', html)
    expect(toldNext.headers.get('location')).toBe('/login?reason=logged-out&redirect=/influencer/requests')
  })

  it('drop the cookies of a session that has ended', async () => {
    const page = await apiClient().get('/login', { headers: { accept: 'text/html', cookie: `influencia_refresh=${'y'.repeat(43)}` }, cookies: false })
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
    const refresh = await apiClient().post('/api/auth/refresh', { refreshToken })
    expect(refresh.status).toBe(401)
    expect(refresh.body).toMatchObject({ message: 'This session was logged out; log in again', data: { reason: 'logged-out' } })
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
    const refresh = await apiClient().post('/api/auth/refresh', { refreshToken })
    expect(refresh.status).toBe(403)
    expect(refresh.body).toMatchObject({ message: 'This account is suspended', data: { reason: 'suspended' } })
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
