import { createHash, randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { loginAs } from '../support/actors'
import { apiClient, newAccount } from '../support/api-client'
import { countRows, testDatabase } from '../support/suite-database'

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` }, cookies: false })

/** A fresh influencer logged in by cookie, with the tokens of that first session. */
async function account() {
  const client = apiClient()
  const body = newAccount('influencer')
  const res = await client.post('/api/auth/signup', body)
  expect(res.status).toBe(201)
  return { client, ...body, id: res.body.user.id as number, refreshToken: res.body.refreshToken as string }
}

/** A second session of the same account, as another device would open it. */
async function secondDevice(login: string, password: string) {
  const client = apiClient()
  const res = await client.post('/api/auth/login', { login, password })
  expect(res.status).toBe(200)
  return { client, accessToken: res.body.accessToken as string, refreshToken: res.body.refreshToken as string }
}

const logsIn = async (login: string, password: string) => (await apiClient().post('/api/auth/login', { login, password })).status === 200

describe('password rules', () => {
  it('refuses at signup a password under 8 characters or over 72 bytes, naming the field, and creates nothing', async () => {
    // 36 two-byte letters are 72 bytes (the most bcrypt reads); one more is too long though only 37 characters.
    for (const [password, message] of [['seven77', 'At least 8 characters'], ['é'.repeat(37), /at most 72 bytes/]] as const) {
      const body = newAccount('influencer', { password })
      const res = await apiClient().post('/api/auth/signup', body)
      expect(res.status, password).toBe(400)
      expect(res.body.data.fields.password).toMatch(message)
      expect(await countRows('users', 'email = ?', body.email)).toBe(0)
    }
    const longest = newAccount('influencer', { password: 'é'.repeat(36) })
    expect((await apiClient().post('/api/auth/signup', longest)).status).toBe(201)
    expect(await logsIn(longest.username, 'é'.repeat(36))).toBe(true)
  })

  it('refuses a common password in any case, naming the field, and creates nothing', async () => {
    for (const password of ['iloveyou', 'BaseBall', 'Password123']) {
      const body = newAccount('influencer', { password })
      const res = await apiClient().post('/api/auth/signup', body)
      expect(res.status, password).toBe(400)
      expect(res.body.data.fields.password).toMatch(/one of the most common/)
      expect(await countRows('users', 'email = ?', body.email)).toBe(0)
    }
  })

  it('applies to a password set through a reset link, which stays usable', async () => {
    const { id, username } = await account()
    const token = `a-reset-token-made-by-the-test-${randomUUID()}`
    await testDatabase().change('insert into password_reset_tokens (user_id, token_hash, expires_at, created_at) values (?, ?, ?, ?)',
      id, createHash('sha256').update(token).digest('hex'), new Date(Date.now() + 600_000), new Date())

    const common = await apiClient().post('/api/auth/password-reset/confirm', { token, newPassword: 'sunshine' })
    expect(common.status).toBe(400)
    expect(common.body.data.fields.newPassword).toMatch(/one of the most common/)
    const tooLong = await apiClient().post('/api/auth/password-reset/confirm', { token, newPassword: '🔑'.repeat(19) })
    expect(tooLong.status).toBe(400)
    expect(tooLong.body.data.fields.newPassword).toMatch(/at most 72 bytes/)

    expect((await apiClient().post('/api/auth/password-reset/confirm', { token, newPassword: 'a rare enough phrase' })).status).toBe(200)
    expect(await logsIn(username, 'a rare enough phrase')).toBe(true)
  })

  it('still lets the demo accounts log in with the demo password', async () => {
    expect(await logsIn('mia', 'demo-password')).toBe(true)
  })
})

describe('POST /api/me/password', () => {
  it('changes the password, ends every other session at once and keeps this one', async () => {
    const { client, username, password, refreshToken: firstRefresh, id } = await account()
    const other = await secondDevice(username, password)
    expect((await other.client.get('/api/auth/me')).status).toBe(200)

    const res = await client.post('/api/me/password', { currentPassword: password, newPassword: 'a new and rare phrase' })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ok: true })

    // The other device is out on its very next request, by cookie or bearer token, and cannot refresh.
    expect((await other.client.get('/api/auth/me')).status).toBe(401)
    expect((await apiClient().get('/api/auth/me', bearer(other.accessToken))).status).toBe(401)
    const refused = await apiClient().post('/api/auth/refresh', { refreshToken: other.refreshToken })
    expect(refused.status).toBe(401)
    expect(refused.body.data).toEqual({ reason: 'password-changed' })

    // This session goes on, refresh included.
    expect((await client.get('/api/auth/me')).status).toBe(200)
    expect((await apiClient().post('/api/auth/refresh', { refreshToken: firstRefresh })).status).toBe(200)
    expect(await countRows('auth_sessions', 'user_id = ? and revoked_at is null', id)).toBe(1)

    expect(await logsIn(username, 'a new and rare phrase')).toBe(true)
    expect(await logsIn(username, password)).toBe(false)
  })

  it('refuses a wrong current password with 400 naming currentPassword, and changes nothing', async () => {
    const { client, username, password, id } = await account()
    const other = await secondDevice(username, password)
    const hashBefore = await passwordHash(id)

    const res = await client.post('/api/me/password', { currentPassword: 'not my password', newPassword: 'a new and rare phrase' })
    expect(res.status).toBe(400)
    expect(res.body.data.fields).toEqual({ currentPassword: 'This is not your current password' })
    expect(await passwordHash(id)).toBe(hashBefore)
    expect((await other.client.get('/api/auth/me')).status).toBe(200)
    expect(await logsIn(username, password)).toBe(true)
  })

  it('counts wrong current passwords against the account\'s login limit', async () => {
    const { client, password } = await account()
    for (let i = 0; i < 5; i++) {
      expect((await client.post('/api/me/password', { currentPassword: `wrong guess ${i}`, newPassword: 'a new and rare phrase' })).status).toBe(400)
    }
    const limited = await client.post('/api/me/password', { currentPassword: password, newPassword: 'a new and rare phrase' })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('refuses a new password that breaks the rules or repeats the current one, naming newPassword', async () => {
    const { client, password, id } = await account()
    const hashBefore = await passwordHash(id)
    const cases = [
      ['short', 'At least 8 characters'],
      ['qwertyuiop', /one of the most common/],
      [password, 'Choose a password different from the current one'],
    ] as const
    for (const [newPassword, message] of cases) {
      const res = await client.post('/api/me/password', { currentPassword: password, newPassword })
      expect(res.status, newPassword).toBe(400)
      expect(res.body.data.fields.newPassword).toMatch(message)
    }
    const missing = await client.post('/api/me/password', { newPassword: 'a new and rare phrase' })
    expect(missing.status).toBe(400)
    expect(missing.body.data.fields.currentPassword).toBe('Enter your current password')
    expect(await passwordHash(id)).toBe(hashBefore)
  })

  it('is for logged-in users only', async () => {
    const res = await apiClient().post('/api/me/password', { currentPassword: 'demo-password', newPassword: 'a new and rare phrase' })
    expect(res.status).toBe(401)
  })
})

describe('POST /api/auth/logout-all', () => {
  it('ends every session of the account, this one included, and clears its cookies', async () => {
    const { client, username, password, refreshToken, id } = await account()
    const other = await secondDevice(username, password)

    const res = await client.post('/api/auth/logout-all')
    expect(res.status).toBe(200)
    expect(res.cookies).toMatchObject({ influencia_access: '', influencia_refresh: '' })

    expect((await apiClient().get('/api/auth/me', bearer(other.accessToken))).status).toBe(401)
    for (const token of [refreshToken, other.refreshToken]) {
      const refused = await apiClient().post('/api/auth/refresh', { refreshToken: token })
      expect(refused.status).toBe(401)
      expect(refused.body.data).toEqual({ reason: 'logged-out' })
    }
    expect(await countRows('auth_sessions', 'user_id = ? and revoked_at is null', id)).toBe(0)
    // Nothing else about the account changed: it logs in again as before.
    expect(await logsIn(username, password)).toBe(true)
  })

  it('leaves other accounts\' sessions alone, and needs a login', async () => {
    const mia = await loginAs('mia')
    const { client } = await account()
    expect((await client.post('/api/auth/logout-all')).status).toBe(200)
    expect((await mia.get('/api/auth/me')).status).toBe(200)
    expect((await apiClient().post('/api/auth/logout-all')).status).toBe(401)
  })
})

async function passwordHash(userId: number): Promise<string> {
  return (await testDatabase().row<{ password_hash: string }>('select password_hash from users where id = ?', userId))!.password_hash
}
