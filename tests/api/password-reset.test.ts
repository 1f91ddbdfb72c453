import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { loginAs } from '../support/actors'
import { apiClient, newAccount } from '../support/api-client'
import { countRows, testDatabase } from '../support/suite-database'

interface OutboxRow { to: string, subject: string, text: string, html: string, status: string, transport: string, dedupe_key: string }

function outboxFor(email: string) {
  return testDatabase().rows<OutboxRow>('select * from outbox where "to" = ? order by id', email)
}

/** The token of the latest reset link mailed to `email`. */
async function mailedToken(email: string): Promise<string> {
  const text = (await outboxFor(email)).at(-1)?.text ?? ''
  const token = text.match(/\/reset-password\?token=([\w-]+)/)?.[1]
  expect(token, `a reset link in the e-mail to ${email}`).toBeDefined()
  return token!
}

/** A fresh influencer account, logged in by cookie, with the tokens its signup returned. */
async function account() {
  const client = apiClient()
  const body = newAccount('influencer')
  const res = await client.post('/api/auth/signup', body)
  expect(res.status).toBe(201)
  return { client, ...body, id: res.body.user.id as number, accessToken: res.body.accessToken as string, refreshToken: res.body.refreshToken as string }
}

const requestReset = (email: string, client = apiClient()) => client.post('/api/auth/password-reset', { email })
const confirm = (token: string, newPassword: string) => apiClient().post('/api/auth/password-reset/confirm', { token, newPassword })
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` }, cookies: false })
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

describe('asking for a password reset', () => {
  it('answers 202 for an e-mail no account uses, and mails nothing', async () => {
    const email = `nobody.${Date.now().toString(36)}@example.test`
    const res = await requestReset(email)
    expect(res.status).toBe(202)
    expect(res.body).toEqual({ ok: true })
    expect(await outboxFor(email)).toEqual([])
  })

  it('answers the same 202 for an account, and mails it one single-use link stored only as a digest', async () => {
    const { email, id, displayName } = await account()
    const res = await requestReset(email.toUpperCase())
    expect(res.status).toBe(202)
    expect(res.body).toEqual({ ok: true })

    const mails = await outboxFor(email)
    expect(mails).toHaveLength(1)
    expect(mails[0]).toMatchObject({ subject: 'Reset your Influencia password', transport: 'outbox', status: 'sent' })
    expect(mails[0]!.text).toContain(`Hi ${displayName},`)
    expect(mails[0]!.text).toContain('works once, for 30 minutes')
    const token = await mailedToken(email)
    expect(mails[0]!.html).toContain(`/reset-password?token=${token}`)

    const stored = await testDatabase().rows<{ token_hash: string, expires_at: number, created_at: number }>('select token_hash, expires_at, created_at from password_reset_tokens where user_id = ?', id)
    expect(stored).toHaveLength(1)
    expect(stored[0]!.token_hash).toBe(sha256(token))
    expect(stored[0]!.expires_at - stored[0]!.created_at).toBe(30 * 60_000)
  })

  it('mails nothing to a suspended account, with the same answer', async () => {
    const { email, id } = await account()
    const admin = await loginAs('admin')
    expect((await admin.patch(`/api/admin/users/${id}`, { status: 'suspended' })).status).toBe(200)
    const res = await requestReset(email)
    expect(res.status).toBe(202)
    expect(await outboxFor(email)).toEqual([])
  })

  it('names a malformed e-mail', async () => {
    const res = await apiClient().post('/api/auth/password-reset', { email: 'not-an-email' })
    expect(res.status).toBe(400)
    expect(res.body.data.fields.email).toBe('Enter a valid email address')
  })

  it('sends at most three links per e-mail in the window, still answering 202', async () => {
    const { email } = await account()
    for (let i = 0; i < 4; i++) expect((await requestReset(email)).status).toBe(202)
    expect(await outboxFor(email)).toHaveLength(3)
  })

  it('refuses a client address that asks too often with 429', async () => {
    const client = apiClient()
    const answers: number[] = []
    for (let i = 0; i < 10; i++) answers.push((await requestReset(`someone.${i}.${Date.now().toString(36)}@example.test`, client)).status)
    expect(answers).toEqual(Array(10).fill(202))
    const refused = await requestReset('one.more@example.test', client)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(refused.body.message).toMatch(/Too many password reset requests/)
  })
})

describe('setting a new password through the link', () => {
  it('works once: the new password logs in, the old one and every old session stop working', async () => {
    const { client, email, username, password, accessToken, refreshToken, id } = await account()
    expect((await requestReset(email)).status).toBe(202)
    const token = await mailedToken(email)

    const done = await confirm(token, 'a brand new password')
    expect(done.status).toBe(200)
    expect(done.body).toEqual({ ok: true })

    expect((await apiClient().post('/api/auth/login', { login: username, password: 'a brand new password' })).status).toBe(200)
    expect((await apiClient().post('/api/auth/login', { login: username, password })).status).toBe(401)

    expect((await client.get('/api/auth/me')).status).toBe(401)
    expect((await apiClient().get('/api/auth/me', bearer(accessToken))).status).toBe(401)
    const refresh = await apiClient().post('/api/auth/refresh', { refreshToken })
    expect(refresh.status).toBe(401)
    expect(refresh.body).toMatchObject({ message: 'The password of this account was changed; log in with the new one', data: { reason: 'password-changed' } })
    expect(await countRows('auth_sessions', 'user_id = ? and revoked_at is null', id)).toBe(1)

    const again = await confirm(token, 'yet another password')
    expect(again.status).toBe(400)
    expect(again.body.data.fields.token).toMatch(/already used/)
    expect((await apiClient().post('/api/auth/login', { login: username, password: 'a brand new password' })).status).toBe(200)
  })

  it('ends the other links sent to the same account', async () => {
    const { email } = await account()
    await requestReset(email)
    const first = await mailedToken(email)
    await requestReset(email)
    const second = await mailedToken(email)
    expect(second).not.toBe(first)

    expect((await confirm(second, 'the newest password')).status).toBe(200)
    const older = await confirm(first, 'an older password')
    expect(older.status).toBe(400)
    expect(older.body.data.fields.token).toMatch(/already used/)
  })

  it('refuses an expired link, naming the token', async () => {
    const { id } = await account()
    const token = `expired-${Date.now().toString(36)}-0123456789abcdefghij`
    await testDatabase().change('insert into password_reset_tokens (user_id, token_hash, expires_at, created_at) values (?, ?, ?, ?)',
      id, sha256(token), new Date(Date.now() - 1000), new Date(Date.now() - 31 * 60_000))

    const res = await confirm(token, 'a brand new password')
    expect(res.status).toBe(400)
    expect(res.body.data.fields.token).toMatch(/expired/)
  })

  it('refuses an unknown or malformed link, naming the token', async () => {
    for (const token of ['x'.repeat(43), 'short', undefined]) {
      const res = await apiClient().post('/api/auth/password-reset/confirm', { token, newPassword: 'a brand new password' })
      expect(res.status, String(token)).toBe(400)
      expect(res.body.data.fields.token).toBe('This reset link is not valid; ask for a new one')
    }
  })

  it('refuses a password too short, naming newPassword, and leaves the link usable', async () => {
    const { email, username } = await account()
    await requestReset(email)
    const token = await mailedToken(email)

    const short = await confirm(token, 'short')
    expect(short.status).toBe(400)
    expect(short.body.data.fields.newPassword).toBe('At least 8 characters')

    expect((await confirm(token, 'long enough now')).status).toBe(200)
    expect((await apiClient().post('/api/auth/login', { login: username, password: 'long enough now' })).status).toBe(200)
  })
})
