import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { outbox, users } from '../../server/database/schema'
import { eventMails } from '../../server/domain/event-mail'
import { onDomainEvent, writeWithEvents } from '../../server/domain/events'
import { recordMail } from '../../server/domain/outbox'
import type { Delivered } from '../../server/domain/events'
import { isReminderHour, sendDailyReminders } from '../../server/domain/reminders'
import { noteSeen } from '../../server/domain/users'
import { domainDb } from '../support/domain-db'

// The daily reminders at fixed clocks, on a real database of the run's dialect (in-memory SQLite, or a scratch PostgreSQL database).

let t: Awaited<ReturnType<typeof domainDb>>
let sponsor: number
let campaign: number
const heard: Delivered[] = []
let stopListening: () => void

const SETTINGS = { hour: 18, idleDays: 7, timeZone: 'UTC' }
/** 18:30 UTC on the 10th of March 2026: the evening the tests remind on. */
const EVENING = new Date('2026-03-10T18:30:00Z')
const daysBefore = (days: number, from = EVENING) => new Date(from.getTime() - days * 86_400_000)

/** An invitation from the sponsor still waiting for the influencer's answer. */
async function invite(influencer: number, title = 'Spring Glow') {
  const id = await t.addCampaign(sponsor, title, { start: '2026-03-01', end: '2026-03-31' })
  return t.addRequest(id, influencer, [{ kind: 'offer', at: '2026-03-08T10:00:00Z', by: 'sponsor' }])
}

beforeEach(async () => {
  t = await domainDb()
  sponsor = await t.addUser('brand', 'sponsor')
  campaign = await t.addCampaign(sponsor, 'Base', { start: '2026-03-01', end: '2026-03-31' })
  heard.length = 0
  stopListening = onDomainEvent(delivered => void heard.push(delivered))
})

afterEach(async () => {
  stopListening()
  await t.close()
})

describe('the daily reminder', () => {
  it('reminds influencers with requests waiting for their answer, or away for a week, and nobody else', async () => {
    const waitingOne = await t.addUser('waiting-one', 'influencer', { lastSeenAt: daysBefore(1) })
    const oneRequest = await invite(waitingOne, 'Spring Glow')
    const waitingTwo = await t.addUser('waiting-two', 'influencer', { lastSeenAt: daysBefore(1) })
    await invite(waitingTwo, 'First')
    await invite(waitingTwo, 'Second')
    const away = await t.addUser('away', 'influencer', { lastSeenAt: daysBefore(8) })
    // The ball is in the sponsor's court: nothing for the influencer to answer.
    const answered = await t.addUser('answered', 'influencer', { lastSeenAt: daysBefore(1) })
    await t.addRequest(campaign, answered, [{ kind: 'offer', at: '2026-03-08T10:00:00Z', by: 'influencer' }])
    const recent = await t.addUser('recent', 'influencer', { lastSeenAt: daysBefore(6) })
    const suspended = await t.addUser('suspended', 'influencer', { status: 'suspended', lastSeenAt: daysBefore(30) })
    await invite(suspended)

    expect(await sendDailyReminders(t.db, EVENING, SETTINGS)).toEqual({ reminded: 3, awaiting: 2, idle: 1 })

    expect(await t.inbox(waitingOne)).toEqual([{ id: expect.any(Number), kind: 'reminder.daily', payload: { day: '2026-03-10', awaiting: 1, adRequestId: oneRequest, campaign: 'Spring Glow' } }])
    expect((await t.inbox(waitingTwo)).map(n => n.payload)).toEqual([{ day: '2026-03-10', awaiting: 2 }])
    expect((await t.inbox(away)).map(n => n.payload)).toEqual([{ day: '2026-03-10', awaiting: 0, idleDays: 8 }])
    for (const nobody of [answered, recent, suspended, sponsor]) expect(await t.inbox(nobody)).toEqual([])
  })

  it('counts a never-seen influencer as away since their last login, or else their sign-up', async () => {
    const neverSeen = await t.addUser('never-seen', 'influencer', { createdAt: daysBefore(10) })
    const newcomer = await t.addUser('newcomer', 'influencer', { createdAt: daysBefore(2) })

    expect(await sendDailyReminders(t.db, EVENING, SETTINGS)).toEqual({ reminded: 1, awaiting: 0, idle: 1 })
    expect((await t.inbox(neverSeen)).map(n => n.payload.idleDays)).toEqual([10])
    expect(await t.inbox(newcomer)).toEqual([])
  })

  it('reminds each influencer once a day: a second run the same day tells nobody, the next day reminds again', async () => {
    const influencer = await t.addUser('creator', 'influencer', { lastSeenAt: daysBefore(1) })
    await invite(influencer)

    expect((await sendDailyReminders(t.db, EVENING, SETTINGS)).reminded).toBe(1)
    expect(await sendDailyReminders(t.db, new Date('2026-03-10T23:59:00Z'), SETTINGS)).toEqual({ reminded: 0, awaiting: 0, idle: 0 })
    expect(await t.inbox(influencer)).toHaveLength(1)
    expect(heard).toHaveLength(1)

    expect((await sendDailyReminders(t.db, new Date('2026-03-11T18:00:00Z'), SETTINGS)).reminded).toBe(1)
    expect((await t.inbox(influencer)).map(n => n.payload.day)).toEqual(['2026-03-10', '2026-03-11'])
  })

  it('knows the day in the platform time zone: two UTC evenings can be one Auckland day', async () => {
    const influencer = await t.addUser('kiwi', 'influencer', { lastSeenAt: daysBefore(1) })
    await invite(influencer)
    const auckland = { ...SETTINGS, timeZone: 'Pacific/Auckland' }
    // 05:00 UTC on the 10th is 18:00 on the 10th in Auckland (UTC+13 in March); 10:59 UTC is 23:59 there.
    expect((await sendDailyReminders(t.db, new Date('2026-03-10T05:00:00Z'), auckland)).reminded).toBe(1)
    expect((await sendDailyReminders(t.db, new Date('2026-03-10T10:59:00Z'), auckland)).reminded).toBe(0)
    // 11:00 UTC is midnight: the 11th has begun in Auckland.
    expect((await sendDailyReminders(t.db, new Date('2026-03-10T11:00:00Z'), auckland)).reminded).toBe(1)
    expect((await t.inbox(influencer)).map(n => n.payload.day)).toEqual(['2026-03-10', '2026-03-11'])
  })

  it('is due in the evening hour of the platform time zone, whatever the server\'s clock says', async () => {
    expect(isReminderHour(new Date('2026-03-10T18:00:00Z'), SETTINGS)).toBe(true)
    expect(isReminderHour(new Date('2026-03-10T18:59:59Z'), SETTINGS)).toBe(true)
    expect(isReminderHour(new Date('2026-03-10T19:00:00Z'), SETTINGS)).toBe(false)
    expect(isReminderHour(new Date('2026-03-10T05:00:00Z'), { ...SETTINGS, timeZone: 'Pacific/Auckland' })).toBe(true)
    expect(isReminderHour(new Date('2026-03-10T18:00:00Z'), { ...SETTINGS, timeZone: 'Pacific/Auckland' })).toBe(false)
    // Los Angeles is on daylight time from March 8th 2026 (UTC-7), on standard time before (UTC-8).
    expect(isReminderHour(new Date('2026-03-11T01:00:00Z'), { ...SETTINGS, timeZone: 'America/Los_Angeles' })).toBe(true)
    expect(isReminderHour(new Date('2026-03-03T02:00:00Z'), { ...SETTINGS, timeZone: 'America/Los_Angeles' })).toBe(true)
  })

  it('notes a visit at most once an hour', async () => {
    const influencer = await t.addUser('visitor', 'influencer')
    const seen = async () => (await t.db.select({ at: users.lastSeenAt }).from(users).where(eq(users.id, influencer)))[0]!.at
    await noteSeen(t.db, influencer, null, EVENING)
    expect(await seen()).toEqual(EVENING)
    await noteSeen(t.db, influencer, EVENING, new Date(EVENING.getTime() + 59 * 60_000))
    expect(await seen()).toEqual(EVENING)
    const hourLater = new Date(EVENING.getTime() + 60 * 60_000)
    await noteSeen(t.db, influencer, EVENING, hourLater)
    expect(await seen()).toEqual(hourLater)
  })
})

describe('e-mail for events', () => {
  const site = { name: 'Influencia', url: 'https://influencia.test' }

  it('writes one message per inbox row, saying what the inbox says, with a link into the app, keyed by the row', async () => {
    const influencer = await t.addUser('mailed', 'influencer', { lastSeenAt: daysBefore(1) })
    const request = await invite(influencer, 'Spring Glow')
    await sendDailyReminders(t.db, EVENING, SETTINGS)

    const [row] = await t.inbox(influencer)
    const [mail, ...others] = await eventMails(t.db, site, heard[0]!)
    expect(others).toEqual([])
    expect(mail).toMatchObject({ to: 'mailed@test.example', subject: 'Waiting for your answer: Spring Glow', dedupeKey: `notification:${row!.id}` })
    expect(mail!.text).toContain('Hi mailed,')
    expect(mail!.text).toContain(`https://influencia.test/influencer/requests/${request}`)
    expect(mail!.html).toContain(`href="https://influencia.test/influencer/requests/${request}"`)
  })

  it('mails each recipient of an event in their own words, and skips kinds that stay in the inbox and suspended accounts', async () => {
    const influencer = await t.addUser('party', 'influencer')
    const gone = await t.addUser('gone', 'influencer', { status: 'suspended' })
    await writeWithEvents(t.db, async (_tx, emit) => {
      emit({ type: 'ad_request.expired', adRequestId: 7, campaignId: campaign, campaign: 'Base', message: 'The campaign was cancelled.', actorId: null, recipients: [influencer, sponsor, gone] })
      emit({ type: 'campaign.started', campaignId: campaign, campaign: 'Base', sponsorId: sponsor, actorId: null, recipients: [sponsor] })
    })
    const [expired, started] = heard
    const mails = await eventMails(t.db, site, expired!)
    expect(mails.map(m => [m.to, m.subject, m.dedupeKey])).toEqual([
      ['party@test.example', 'Expired: Base', `notification:${expired!.notificationIds[0]}`],
      ['brand@test.example', 'Expired: Base', `notification:${expired!.notificationIds[1]}`],
    ])
    expect(mails[0]!.text).toContain('https://influencia.test/influencer/requests/7')
    expect(mails[1]!.text).toContain('https://influencia.test/sponsor/requests/7')
    expect(mails[0]!.text).toContain('The campaign was cancelled.')
    expect(await eventMails(t.db, site, started!)).toEqual([])
  })

  it('records no second e-mail when the same event is delivered again', async () => {
    const influencer = await t.addUser('twice', 'influencer', { lastSeenAt: daysBefore(1) })
    await invite(influencer)
    await sendDailyReminders(t.db, EVENING, SETTINGS)

    const [first] = await eventMails(t.db, site, heard[0]!)
    const [again] = await eventMails(t.db, site, heard[0]!)
    expect(await recordMail(t.db, first!, 'outbox')).toEqual(expect.any(Number))
    expect(await recordMail(t.db, again!, 'outbox')).toBeUndefined()
    expect(await t.db.select({ to: outbox.to, subject: outbox.subject }).from(outbox)).toEqual([{ to: 'twice@test.example', subject: 'Waiting for your answer: Spring Glow' }])
  })
})
