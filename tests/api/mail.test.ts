import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginAs } from '../support/actors'
import { apiClient, newAccount } from '../support/api-client'
import { startBuiltServer, TEST_ADMIN_PASSWORD, TEST_SITE_URL } from '../support/built-server'
import type { RunningServer } from '../support/built-server'
import { startSmtpServer } from '../support/smtp'
import type { Inbox } from '../support/smtp'

describe('e-mail through SMTP (NUXT_SMTP_URL set)', () => {
  let inbox: Inbox
  let app: RunningServer
  const client = () => apiClient({ baseURL: app.url })

  beforeAll(async () => {
    inbox = await startSmtpServer()
    app = await startBuiltServer({
      NUXT_SMTP_URL: `smtp://127.0.0.1:${inbox.port}`,
      NUXT_MAIL_FROM: 'Influencia Test <robot@influencia.test>',
      NUXT_PUBLIC_SITE_URL: 'https://influencia.test',
    })
  })

  afterAll(async () => {
    await app?.stop()
    await inbox?.stop()
  })

  async function adminOutbox(q: string) {
    const admin = client()
    expect((await admin.post('/api/auth/login', { login: 'admin', password: TEST_ADMIN_PASSWORD })).status).toBe(200)
    const res = await admin.get(`/api/admin/outbox?q=${encodeURIComponent(q)}`)
    expect(res.status).toBe(200)
    return res.body.items as { to: string, status: string, transport: string, error: string | null }[]
  }

  it('delivers a password reset link once, with plain-text and HTML parts', async () => {
    const closed = inbox.nextClose()
    const res = await client().post('/api/auth/password-reset', { email: 'mia@creators.example' })
    expect(res.status).toBe(202)
    await closed

    expect(inbox.messages).toHaveLength(1)
    const mail = inbox.messages[0]!
    expect(mail.from?.text).toBe('"Influencia Test" <robot@influencia.test>')
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : undefined).toBe('mia@creators.example')
    expect(mail.subject).toBe('Reset your Influencia password')
    const link = mail.text?.match(/https:\/\/influencia\.test\/reset-password\?token=[\w-]+/)?.[0]
    expect(link, 'the link in the text part').toBeDefined()
    expect(mail.text).toContain('Hi Mia Fit,')
    expect(mail.html).toBeTruthy()
    expect(mail.html).toContain(`href="${link}"`)

    expect(await adminOutbox('mia@creators.example')).toEqual([
      expect.objectContaining({ to: 'mia@creators.example', transport: 'smtp', status: 'sent', error: null }),
    ])
    expect(inbox.messages).toHaveLength(1)
  })

  it('records a message the SMTP server refuses as failed, and the request still succeeds', async () => {
    const account = newAccount('influencer', { email: `someone.${Date.now().toString(36)}@refuse.example` })
    expect((await client().post('/api/auth/signup', account)).status).toBe(201)

    const closed = inbox.nextClose()
    const res = await client().post('/api/auth/password-reset', { email: account.email })
    expect(res.status).toBe(202)
    await closed

    expect(inbox.refused).toEqual([account.email])
    const [row] = await adminOutbox(account.email)
    expect(row).toMatchObject({ to: account.email, transport: 'smtp', status: 'failed' })
    expect(row!.error).toMatch(/Mailbox unavailable/)
  })
})

describe('e-mail without SMTP: the outbox', () => {
  it('holds the message for admins, newest first, searchable by recipient or subject', async () => {
    const account = newAccount('influencer')
    expect((await apiClient().post('/api/auth/signup', account)).status).toBe(201)
    expect((await apiClient().post('/api/auth/password-reset', { email: account.email })).status).toBe(202)

    const admin = await loginAs('admin')
    const res = await admin.get(`/api/admin/outbox?q=${encodeURIComponent(account.email)}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ total: 1, page: 1, pageSize: 20 })
    expect(res.body.items[0]).toMatchObject({
      to: account.email,
      subject: 'Reset your Influencia password',
      transport: 'outbox',
      status: 'sent',
      error: null,
    })
    // The link is on the site's public address (NUXT_PUBLIC_SITE_URL), not on the server's own.
    expect(res.body.items[0].text).toContain(`${TEST_SITE_URL}/reset-password?token=`)
    expect(res.body.items[0].sentAt).toBe(res.body.items[0].createdAt)

    expect((await apiClient().post('/api/auth/password-reset', { email: account.email })).status).toBe(202)
    const both = await admin.get(`/api/admin/outbox?q=${encodeURIComponent(account.email)}`)
    expect(both.body.total).toBe(2)
    const [newest, older] = both.body.items
    expect(newest.id).toBeGreaterThan(older.id)
    expect(Date.parse(newest.createdAt)).toBeGreaterThanOrEqual(Date.parse(older.createdAt))

    const bySubject = await admin.get('/api/admin/outbox?q=RESET YOUR&pageSize=100')
    expect(bySubject.body.total).toBeGreaterThanOrEqual(2)
    expect(bySubject.body.items.every((mail: { subject: string }) => mail.subject === 'Reset your Influencia password')).toBe(true)
    const none = await admin.get('/api/admin/outbox?q=no such words anywhere')
    expect(none.body).toMatchObject({ items: [], total: 0 })
  })

  it('is for admins only: 401 anonymous, 403 other roles', async () => {
    expect((await apiClient().get('/api/admin/outbox')).status).toBe(401)
    expect((await (await loginAs('mia')).get('/api/admin/outbox')).status).toBe(403)
    expect((await (await loginAs('acme')).get('/api/admin/outbox')).status).toBe(403)
  })

  it('names a bad page', async () => {
    const res = await (await loginAs('admin')).get('/api/admin/outbox?page=0')
    expect(res.status).toBe(400)
    expect(res.body.data.fields.page).toBe('Starts at 1')
  })
})
