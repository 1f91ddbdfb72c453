import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../server/database/client'
import { outbox } from '../../server/database/schema'
import { listOutbox, markMailFailed, recordMail } from '../../server/domain/outbox'
import { passwordResetMail } from '../../server/mail/templates'
import { openTestDomainDb } from '../support/domain-db'
import type { TestDomainDb } from '../support/domain-db'

const site = { name: 'Influencia', url: 'https://influencia.test' }
const message = (dedupeKey: string, to = 'mia@creators.example') => ({ to, subject: 'Hello', text: 'Hi', html: '<p>Hi</p>', dedupeKey })

describe('the outbox', () => {
  let database: TestDomainDb
  let db: Db
  beforeEach(async () => {
    database = await openTestDomainDb()
    db = database.db
  })

  afterEach(() => database.close())

  it('records one message per event: the same dedupe key again records and sends nothing', async () => {
    const first = await recordMail(db, message('password-reset:1'), 'smtp')
    expect(first).toEqual(expect.any(Number))
    expect(await recordMail(db, message('password-reset:1', 'someone.else@example.test'), 'smtp')).toBeUndefined()
    expect(await db.select().from(outbox)).toEqual([expect.objectContaining({ id: first, to: 'mia@creators.example', status: 'queued', transport: 'smtp', sentAt: null })])
  })

  it('delivers through the outbox itself when there is no SMTP server', async () => {
    const now = new Date('2026-11-30T10:00:00Z')
    await recordMail(db, message('welcome:7'), 'outbox', now)
    expect((await db.select().from(outbox))[0]).toMatchObject({ status: 'sent', transport: 'outbox', createdAt: now, sentAt: now })
  })

  it('keeps why a send failed, and lists the newest first', async () => {
    const older = (await recordMail(db, message('a:1'), 'smtp', new Date('2026-11-30T10:00:00Z')))!
    await recordMail(db, message('a:2', 'leo@creators.example'), 'smtp', new Date('2026-11-30T11:00:00Z'))
    await markMailFailed(db, older, 'Mailbox unavailable')
    const page = await listOutbox(db, { page: 1, pageSize: 20 })
    expect(page.total).toBe(2)
    expect(page.items.map(m => m.to)).toEqual(['leo@creators.example', 'mia@creators.example'])
    expect(page.items[1]).toMatchObject({ status: 'failed', error: 'Mailbox unavailable' })
    expect((await listOutbox(db, { page: 1, pageSize: 20, q: 'LEO@' })).items.map(m => m.to)).toEqual(['leo@creators.example'])
    expect((await listOutbox(db, { page: 1, pageSize: 20, q: '%' })).total).toBe(0)
  })
})

describe('the password reset e-mail', () => {
  const link = 'https://influencia.test/reset-password?token=abc_DEF-123'
  const mail = passwordResetMail(site, { name: '<b>Eve</b> & "Co"', link, minutes: 30 })

  it('says the same in plain text and HTML, with the link in both', async () => {
    expect(mail.subject).toBe('Reset your Influencia password')
    expect(mail.text).toContain('Hi <b>Eve</b> & "Co",')
    expect(mail.text).toContain(`\n${link}\n`)
    expect(mail.text).toContain('works once, for 30 minutes')
    expect(mail.html).toContain(`href="${link}"`)
    expect(mail.html).toContain('works once, for 30 minutes')
    expect(mail.html).toContain('href="https://influencia.test/"')
  })

  it('escapes what it puts into the HTML', async () => {
    expect(mail.html).toContain('Hi &lt;b&gt;Eve&lt;/b&gt; &amp; &quot;Co&quot;,')
    expect(mail.html).not.toContain('<b>Eve</b>')
    const hostile = passwordResetMail(site, { name: 'x', link: 'https://influencia.test/?a="><script>', minutes: 30 })
    expect(hostile.html).not.toContain('<script>')
    expect(hostile.html).toContain('href="https://influencia.test/?a=&quot;&gt;&lt;script&gt;"')
  })
})
