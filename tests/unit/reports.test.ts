import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { monthBounds, previousMonth } from '../../server/domain/calendar'
import { DomainError } from '../../server/domain/errors'
import { onDomainEvent } from '../../server/domain/events'
import type { Delivered } from '../../server/domain/events'
import { announceMonthlyReports, isReportDay, monthlyReport } from '../../server/domain/reports'
import { domainDb } from '../support/domain-db'

// The monthly sponsor report and its announcement at fixed clocks, on a real database of the run's dialect (in-memory SQLite, or a scratch PostgreSQL database).

let t: Awaited<ReturnType<typeof domainDb>>
let sponsor: number
let creator: number
const heard: Delivered[] = []
let stopListening: () => void

const APRIL = new Date('2026-04-15T12:00:00Z')
const report = (month: string, timeZone = 'UTC', now = APRIL) => monthlyReport(t.db, sponsor, month, { now, timeZone })

beforeEach(async () => {
  t = await domainDb()
  sponsor = await t.addUser('brand', 'sponsor')
  creator = await t.addUser('creator', 'influencer')
  heard.length = 0
  stopListening = onDomainEvent(delivered => void heard.push(delivered))
})

afterEach(async () => {
  stopListening()
  await t.close()
})

describe('the monthly report', () => {
  it('sums a month: its campaigns, its requests by where they stood at its end, its spend, each budget used and left, and the month before', async () => {
    const spring = await t.addCampaign(sponsor, 'Spring', { start: '2026-02-10', end: '2026-03-20' }, { budget: 100_000 })
    const easter = await t.addCampaign(sponsor, 'Easter', { start: '2026-03-05', end: '2026-04-30' }, { budget: 50_000 })
    await t.addCampaign(sponsor, 'Draft', { start: '2026-03-01', end: '2026-03-31' }, { status: 'draft' })
    await t.addCampaign(sponsor, 'January', { start: '2026-01-01', end: '2026-01-31' }, { status: 'completed' })
    const others = await t.addCampaign(await t.addUser('other-brand', 'sponsor'), 'Not Mine', { start: '2026-03-01', end: '2026-03-31' })
    await t.addRequest(others, creator, [{ kind: 'offer', at: '2026-03-02T10:00:00Z' }, { kind: 'accepted', at: '2026-03-03T10:00:00Z', amount: 99_000 }])

    // Agreed in February, completed in March.
    await t.addRequest(spring, creator, [{ kind: 'offer', at: '2026-02-15T10:00:00Z' }, { kind: 'accepted', at: '2026-02-20T10:00:00Z', amount: 10_000 }, { kind: 'completed', at: '2026-03-03T10:00:00Z' }])
    // Negotiated and agreed in March.
    await t.addRequest(spring, await t.addUser('c2', 'influencer'), [{ kind: 'offer', at: '2026-03-02T10:00:00Z' }, { kind: 'counter', at: '2026-03-04T10:00:00Z', amount: 20_000 }, { kind: 'accepted', at: '2026-03-06T10:00:00Z', amount: 20_000 }])
    // Opened in February, only a message in March: still pending at the end of March.
    await t.addRequest(spring, await t.addUser('c3', 'influencer'), [{ kind: 'offer', at: '2026-02-01T10:00:00Z' }, { kind: 'message', at: '2026-03-15T10:00:00Z' }])
    await t.addRequest(easter, creator, [{ kind: 'offer', at: '2026-03-10T10:00:00Z' }, { kind: 'rejected', at: '2026-03-12T10:00:00Z' }])
    await t.addRequest(easter, await t.addUser('c4', 'influencer'), [{ kind: 'offer', at: '2026-03-25T10:00:00Z' }])
    // Countered in April: it was still pending when March ended.
    await t.addRequest(easter, await t.addUser('c5', 'influencer'), [{ kind: 'offer', at: '2026-03-28T10:00:00Z' }, { kind: 'counter', at: '2026-04-02T10:00:00Z', amount: 15_000 }])

    const march = await report('2026-03')
    expect(march).toMatchObject({
      month: '2026-03', previousMonth: '2026-02', firstDay: '2026-03-01', lastDay: '2026-03-31', timeZone: 'UTC', inProgress: false,
      totals: { campaigns: 2, requests: 6, deals: 1, spend: 20_000, budget: 150_000, used: 30_000, remaining: 120_000 },
      previous: { campaigns: 1, requests: 2, deals: 1, spend: 10_000 },
      requestsByStatus: { pending: 3, negotiating: 0, accepted: 1, rejected: 1, withdrawn: 0, expired: 0, completed: 1 },
    })
    expect(march.campaigns).toEqual([
      { id: spring, title: 'Spring', status: 'active', startDate: '2026-02-10', endDate: '2026-03-20', budget: 100_000, deals: 1, spend: 20_000, used: 30_000, remaining: 70_000 },
      { id: easter, title: 'Easter', status: 'active', startDate: '2026-03-05', endDate: '2026-04-30', budget: 50_000, deals: 0, spend: 0, used: 0, remaining: 50_000 },
    ])

    const february = await report('2026-02')
    expect(february.campaigns.map(c => [c.title, c.used, c.remaining])).toEqual([['Spring', 10_000, 90_000]])
    expect(february.requestsByStatus).toMatchObject({ pending: 1, accepted: 1 })
    expect(await report('2026-04')).toMatchObject({ inProgress: true, totals: { requests: 1 }, requestsByStatus: { negotiating: 1 } })
  })

  it('shows nothing of a month before anything happened, and refuses a month that has not begun, naming it', async () => {
    expect(await report('2025-06')).toMatchObject({ totals: { campaigns: 0, requests: 0, deals: 0, spend: 0 }, campaigns: [] })
    const future = () => report('2026-05')
    await expect(future()).rejects.toThrow(DomainError)
    await expect(future()).rejects.toThrow(expect.objectContaining({ kind: 'invalid', data: { fields: { month: 'Cannot be in the future' } } }))
    await expect(report('2026-13')).rejects.toThrow(expect.objectContaining({ data: { fields: { month: expect.stringContaining('YYYY-MM') } } }))
  })

  it('is last month\'s when no month is asked for, and offers the months from the sponsor\'s sign-up to now', async () => {
    const result = await monthlyReport(t.db, sponsor, undefined, { now: APRIL, timeZone: 'UTC' })
    expect(result.month).toBe('2026-03')
    expect(result.months).toEqual({ first: '2025-01', last: '2026-04' })
  })

  it('goes from December to January: the report of January compares with the December before', async () => {
    const winter = await t.addCampaign(sponsor, 'Winter', { start: '2025-12-01', end: '2026-01-31' })
    await t.addRequest(winter, creator, [{ kind: 'offer', at: '2025-12-10T10:00:00Z' }, { kind: 'accepted', at: '2025-12-31T23:59:59Z', amount: 30_000 }])
    await t.addRequest(winter, await t.addUser('c2', 'influencer'), [{ kind: 'offer', at: '2026-01-01T00:00:00Z' }, { kind: 'accepted', at: '2026-01-02T10:00:00Z', amount: 12_000 }])

    expect(previousMonth('2026-01')).toBe('2025-12')
    const january = await report('2026-01')
    expect(january).toMatchObject({ previousMonth: '2025-12', totals: { spend: 12_000, deals: 1, used: 42_000 }, previous: { spend: 30_000, deals: 1 } })
  })

  it('takes month bounds in the platform time zone: a deal agreed after midnight on the 1st in Auckland is in the new month there', async () => {
    const campaign = await t.addCampaign(sponsor, 'Kiwi', { start: '2026-02-01', end: '2026-03-31' })
    // 12:00 UTC on February 28th is 01:00 on March 1st in Auckland (UTC+13).
    await t.addRequest(campaign, creator, [{ kind: 'offer', at: '2026-02-20T10:00:00Z' }, { kind: 'accepted', at: '2026-02-28T12:00:00Z', amount: 25_000 }])

    expect((await report('2026-02', 'UTC')).totals.spend).toBe(25_000)
    expect((await report('2026-03', 'UTC')).totals.spend).toBe(0)
    expect((await report('2026-02', 'Pacific/Auckland')).totals.spend).toBe(0)
    expect((await report('2026-03', 'Pacific/Auckland')).totals.spend).toBe(25_000)
    expect(monthBounds('2026-03', 'Pacific/Auckland')).toEqual({
      firstDay: '2026-03-01', lastDay: '2026-03-31', start: new Date('2026-02-28T11:00:00Z'), end: new Date('2026-03-31T11:00:00Z'),
    })
  })

  it('takes month ends in Los Angeles: the evening of March 31st there is already April in UTC, and March is an hour short', async () => {
    const campaign = await t.addCampaign(sponsor, 'West', { start: '2026-03-01', end: '2026-04-30' })
    // 05:00 UTC on April 1st is 22:00 on March 31st in Los Angeles (UTC-7 since March 8th).
    await t.addRequest(campaign, creator, [{ kind: 'offer', at: '2026-03-20T10:00:00Z' }, { kind: 'accepted', at: '2026-04-01T05:00:00Z', amount: 8_000 }])

    expect((await report('2026-03', 'America/Los_Angeles')).totals.spend).toBe(8_000)
    expect((await report('2026-04', 'America/Los_Angeles')).totals.spend).toBe(0)
    expect((await report('2026-04', 'UTC')).totals.spend).toBe(8_000)
    const { start, end } = monthBounds('2026-03', 'America/Los_Angeles')
    expect([start, end]).toEqual([new Date('2026-03-01T08:00:00Z'), new Date('2026-04-01T07:00:00Z')])
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(31 * 24 - 1)
  })
})

describe('announcing the reports', () => {
  it('tells each active sponsor once that last month\'s report is ready, even when run again', async () => {
    const pending = await t.addUser('pending-brand', 'sponsor', { status: 'pending' })
    const joinedLater = await t.addUser('new-brand', 'sponsor', { createdAt: new Date('2026-04-01T09:00:00Z') })
    const firstOfApril = new Date('2026-04-01T00:30:00Z')

    expect(await announceMonthlyReports(t.db, firstOfApril, 'UTC')).toEqual({ reports: 1 })
    expect(await t.inbox(sponsor)).toEqual([{ id: expect.any(Number), kind: 'report.ready', payload: { month: '2026-03' } }])
    expect(await t.inbox(pending)).toEqual([])
    expect(await t.inbox(joinedLater)).toEqual([])

    expect(await announceMonthlyReports(t.db, new Date('2026-04-01T23:00:00Z'), 'UTC')).toEqual({ reports: 0 })
    expect(await t.inbox(sponsor)).toHaveLength(1)
    expect(heard).toHaveLength(1)
  })

  it('is due on the 1st in the platform time zone: New Year in Auckland is still December 31st in UTC', async () => {
    // 11:30 UTC on December 31st 2025 is 00:30 on January 1st 2026 in Auckland.
    const newYearInAuckland = new Date('2025-12-31T11:30:00Z')
    expect(isReportDay(newYearInAuckland, 'Pacific/Auckland')).toBe(true)
    expect(isReportDay(newYearInAuckland, 'UTC')).toBe(false)
    expect(isReportDay(new Date('2026-01-01T07:59:00Z'), 'America/Los_Angeles')).toBe(false)
    expect(isReportDay(new Date('2026-01-01T08:00:00Z'), 'America/Los_Angeles')).toBe(true)

    expect(await announceMonthlyReports(t.db, newYearInAuckland, 'Pacific/Auckland')).toEqual({ reports: 1 })
    expect((await t.inbox(sponsor)).map(n => n.payload.month)).toEqual(['2025-12'])
  })
})
