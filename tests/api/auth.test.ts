import { describe, expect, inject, it } from 'vitest'
import { apiClient, newAccount } from '../support/api-client'
import { TEST_ADMIN_PASSWORD } from '../support/built-server'
import { countRows } from '../support/suite-database'

describe('POST /api/auth/signup', () => {
  it('creates an active influencer with its profile and logs them in', async () => {
    const client = apiClient()
    const body = newAccount('influencer')
    const res = await client.post('/api/auth/signup', body)

    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 })
    expect(res.body.user).toMatchObject({ username: body.username, role: 'influencer', status: 'active', profile: { niche: 'fitness', audienceSize: 12_000, minimumRate: 15_000 } })
    expect(res.body.user).not.toHaveProperty('passwordHash')
    expect(Object.keys(res.cookies)).toEqual(expect.arrayContaining(['influencia_access', 'influencia_refresh']))

    const me = await client.get('/api/auth/me')
    expect(me.status).toBe(200)
    expect(me.body.username).toBe(body.username)
  })

  it('creates a sponsor awaiting approval', async () => {
    const res = await apiClient().post('/api/auth/signup', newAccount('sponsor'))
    expect(res.status).toBe(201)
    expect(res.body.user).toMatchObject({ role: 'sponsor', status: 'pending', profile: { budget: 500_000 } })
  })

  it('stores usernames and emails lower-cased, so case does not make a second account', async () => {
    const body = newAccount('influencer')
    const first = await apiClient().post('/api/auth/signup', { ...body, username: body.username.toUpperCase(), email: body.email.toUpperCase() })
    expect(first.status).toBe(201)
    expect(first.body.user.email).toBe(body.email)

    const again = await apiClient().post('/api/auth/signup', body)
    expect(again.status).toBe(409)
    expect(again.body.data.fields).toEqual({ username: 'This username is taken', email: 'An account with this email exists' })
  })

  it('names every invalid field and writes nothing', async () => {
    const before = await countRows('users')
    const res = await apiClient().post('/api/auth/signup', {
      role: 'sponsor', username: 'x', email: 'not-an-email', password: 'short', displayName: '',
      profile: { company: 'Co', sector: 'Retail', budget: 12.5 },
    })
    expect(res.status).toBe(400)
    expect(res.body.statusMessage).toBe('Bad Request')
    expect(Object.keys(res.body.data.fields).sort()).toEqual(['displayName', 'email', 'password', 'profile.budget', 'username'])
    expect(await countRows('users')).toBe(before)
  })

  it('refuses an admin signup and fields it does not know', async () => {
    const admin = await apiClient().post('/api/auth/signup', { ...newAccount('influencer'), role: 'admin' })
    expect(admin.status).toBe(400)
    expect(admin.body.data.fields).toHaveProperty('role')

    const extra = await apiClient().post('/api/auth/signup', { ...newAccount('influencer'), status: 'active', isAdmin: true })
    expect(extra.status).toBe(400)
  })

  it('answers malformed and oversized bodies with a 4xx and writes nothing', async () => {
    const before = await countRows('users')
    const malformed = await apiClient().request('POST', '/api/auth/signup', { rawBody: '{"role": "sponsor", ' })
    expect(malformed.status).toBe(400)

    const huge = newAccount('influencer', { displayName: 'x'.repeat(70_000) })
    const oversized = await apiClient().post('/api/auth/signup', huge)
    expect(oversized.status).toBe(413)
    expect(oversized.body.statusMessage).toBe('Payload Too Large')

    // The same limit for a body sent without a declared length, as a stream.
    const streamed = await fetch(`${inject('baseURL')}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([JSON.stringify(huge)]).stream(),
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect((await streamed.json()).message).toBe('The request body is too large (max 65536 bytes)')

    const notJson = await apiClient().request('POST', '/api/auth/signup', { rawBody: 'role=sponsor', headers: { 'content-type': 'text/plain' } })
    expect(notJson.status).toBe(400)
    expect(await countRows('users')).toBe(before)
  })

  it('refuses an oversized PATCH too, and changes nothing', async () => {
    const someone = apiClient()
    expect((await someone.post('/api/auth/signup', newAccount('influencer'))).status).toBe(201)
    const bigPatch = await someone.patch('/api/me/profile', { bio: 'x'.repeat(70_000) })
    expect(bigPatch.status).toBe(413)
    expect((await someone.get('/api/auth/me')).body.bio).toBe('')
  })
})

describe('POST /api/auth/login', () => {
  it('refuses a NUL character in any field by name, on either database', async () => {
    const res = await apiClient().post('/api/auth/login', { login: 'mia\u0000', password: 'demo-password' })
    expect(res.status).toBe(400)
    expect(res.body.data.fields).toEqual({ login: 'Must not contain a NUL character' })
    const signup = newAccount('influencer')
    const nested = await apiClient().post('/api/auth/signup', { ...signup, profile: { ...signup.profile, location: 'Ly\u0000on' } })
    expect(nested.status).toBe(400)
    expect(nested.body.data.fields).toEqual({ 'profile.location': 'Must not contain a NUL character' })
    expect(await countRows('users', 'email = ?', signup.email)).toBe(0)
  })

  it('logs in by username and by email, in any case', async () => {
    const account = newAccount('influencer')
    await apiClient().post('/api/auth/signup', account)

    const byName = await apiClient().post('/api/auth/login', { login: account.username.toUpperCase(), password: account.password })
    expect(byName.status).toBe(200)
    expect(byName.body.user.username).toBe(account.username)
    expect(byName.body.accessToken).toEqual(expect.any(String))

    const byEmail = await apiClient().post('/api/auth/login', { login: ` ${account.email} `, password: account.password })
    expect(byEmail.status).toBe(200)
    expect(byEmail.body.user.email).toBe(account.email)
  })

  it('logs in the seeded demo accounts of every role', async () => {
    for (const [login, password, role] of [['admin', TEST_ADMIN_PASSWORD, 'admin'], ['acme', 'demo-password', 'sponsor'], ['mia@creators.example', 'demo-password', 'influencer']]) {
      const res = await apiClient().post('/api/auth/login', { login, password })
      expect(res.status, login).toBe(200)
      expect(res.body.user.role).toBe(role)
    }
  })

  it('gives the same 401 for a wrong password and an unknown account', async () => {
    const account = newAccount('influencer')
    await apiClient().post('/api/auth/signup', account)
    const wrong = await apiClient().post('/api/auth/login', { login: account.username, password: 'not the password' })
    const unknown = await apiClient().post('/api/auth/login', { login: 'nobody-at-all', password: 'whatever123' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(wrong.body.message).toBe(unknown.body.message)
    expect(wrong.cookies).toEqual({})
  })

  it('is also served at the original service path POST /auth/login', async () => {
    const res = await apiClient().post('/auth/login', { login: 'leo', password: 'demo-password' })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ tokenType: 'Bearer', user: { username: 'leo', role: 'influencer' } })
    const bad = await apiClient().post('/auth/login', { login: 'leo' })
    expect(bad.status).toBe(400)
    expect(bad.body.data.fields).toHaveProperty('password')
  })
})

describe('GET /api/auth/me', () => {
  it('is 401 without a token and accepts a Bearer token', async () => {
    expect((await apiClient().get('/api/auth/me')).status).toBe(401)

    const login = await apiClient().post('/api/auth/login', { login: 'acme', password: 'demo-password' })
    const res = await apiClient().get('/api/auth/me', { headers: { authorization: `Bearer ${login.body.accessToken}` } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ username: 'acme', role: 'sponsor', profile: { company: 'Acme Outdoor', budget: 2_500_000 } })
  })
})
