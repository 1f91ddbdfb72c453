import { asc, eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../server/database/client'
import { adRequestEvents, adRequests, campaigns, notifications, users } from '../../server/database/schema'
import type { CampaignStatus } from '../../shared/constants'
import { onDomainEvent, writeWithEvents } from '../../server/domain/events'
import type { Delivered } from '../../server/domain/events'
import { runCampaignLifecycle } from '../../server/domain/lifecycle'
import { openTestDomainDb, transactionOpen } from '../support/domain-db'
import type { TestDomainDb } from '../support/domain-db'

// The lifecycle task's rules at fixed clocks, on a real database of the run's dialect (in-memory
// SQLite, or a scratch PostgreSQL database).

let database: TestDomainDb
let db: Db
let sponsor: number
let creator: number

async function addUser(username: string, role: 'sponsor' | 'influencer') {
  const [row] = await db.insert(users).values({ username, email: `${username}@test.example`, passwordHash: 'x', role, displayName: username, status: 'active' })
    .returning({ id: users.id })
  return row!.id
}

async function addCampaign(title: string, status: CampaignStatus, startDate: string, endDate: string) {
  const [row] = await db.insert(campaigns).values({
    sponsorId: sponsor, slug: title.toLowerCase().replaceAll(' ', '-'), title, description: 'A campaign', niche: 'beauty',
    startDate, endDate, visibility: 'public', budget: 100_000, status,
  }).returning({ id: campaigns.id })
  return row!.id
}

async function addRequest(campaignId: number, status: 'pending' | 'negotiating' | 'accepted', influencerId = creator) {
  const [row] = await db.insert(adRequests).values({
    campaignId, influencerId, requirements: 'One reel', paymentAmount: 10_000, status, initiatedBy: 'sponsor', lastOfferBy: 'sponsor',
  }).returning({ id: adRequests.id })
  return row!.id
}

const statusOf = async (id: number) => (await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, id)))[0]!.status
const requestStatus = async (id: number) => (await db.select({ status: adRequests.status }).from(adRequests).where(eq(adRequests.id, id)))[0]!.status
const historyOf = (adRequestId: number) => db.select({ kind: adRequestEvents.kind, actorId: adRequestEvents.actorId, message: adRequestEvents.message })
  .from(adRequestEvents).where(eq(adRequestEvents.adRequestId, adRequestId)).orderBy(asc(adRequestEvents.id))
const inbox = (userId: number) => db.select({ kind: notifications.kind, payload: notifications.payload })
  .from(notifications).where(eq(notifications.userId, userId)).orderBy(asc(notifications.id))
const notificationIds = async () => (await db.select({ id: notifications.id }).from(notifications).orderBy(asc(notifications.id))).map(n => n.id)

/** Noon UTC on a day: the same calendar day in UTC whatever the test machine's zone. */
const at = (day: string) => new Date(`${day}T12:00:00Z`)

beforeEach(async () => {
  database = await openTestDomainDb()
  db = database.db
  sponsor = await addUser('brand', 'sponsor')
  creator = await addUser('creator', 'influencer')
})

afterEach(() => database.close())

describe('the campaign lifecycle', () => {
  it('starts a scheduled campaign on its start date, not the day before, and tells its sponsor', async () => {
    const id = await addCampaign('Spring Launch', 'scheduled', '2026-03-10', '2026-03-20')

    expect(await runCampaignLifecycle(db, at('2026-03-09'), 'UTC')).toEqual({ started: 0, completed: 0, expired: 0 })
    expect(await statusOf(id)).toBe('scheduled')

    expect(await runCampaignLifecycle(db, at('2026-03-10'), 'UTC')).toEqual({ started: 1, completed: 0, expired: 0 })
    expect(await statusOf(id)).toBe('active')
    expect(await inbox(sponsor)).toEqual([{ kind: 'campaign.started', payload: expect.objectContaining({ campaignId: id, campaign: 'Spring Launch' }) }])
  })

  it('completes active and paused campaigns the day after their end date, not on it', async () => {
    const active = await addCampaign('Active One', 'active', '2026-03-01', '2026-03-10')
    const paused = await addCampaign('Paused One', 'paused', '2026-03-01', '2026-03-10')
    const draft = await addCampaign('Draft One', 'draft', '2026-03-01', '2026-03-10')

    expect(await runCampaignLifecycle(db, at('2026-03-10'), 'UTC')).toEqual({ started: 0, completed: 0, expired: 0 })
    expect([await statusOf(active), await statusOf(paused)]).toEqual(['active', 'paused'])

    expect(await runCampaignLifecycle(db, at('2026-03-11'), 'UTC')).toEqual({ started: 0, completed: 2, expired: 0 })
    expect([await statusOf(active), await statusOf(paused), await statusOf(draft)]).toEqual(['completed', 'completed', 'draft'])
    expect((await inbox(sponsor)).map(n => [n.kind, n.payload.campaign])).toEqual([['campaign.ended', 'Active One'], ['campaign.ended', 'Paused One']])
  })

  it('expires the open requests of an ended campaign with a history entry, tells both parties, and leaves accepted deals alone', async () => {
    const id = await addCampaign('Short Run', 'active', '2026-03-01', '2026-03-10')
    const pending = await addRequest(id, 'pending')
    const accepted = await addRequest(id, 'accepted', await addUser('booked', 'influencer'))

    expect(await runCampaignLifecycle(db, at('2026-03-11'), 'UTC')).toEqual({ started: 0, completed: 1, expired: 1 })
    expect([await requestStatus(pending), await requestStatus(accepted)]).toEqual(['expired', 'accepted'])
    expect(await historyOf(pending))
      .toEqual([{ kind: 'expired', actorId: null, message: 'The campaign ended before an agreement.' }])
    expect(await historyOf(accepted)).toEqual([])
    const expiry = { kind: 'ad_request.expired', payload: expect.objectContaining({ adRequestId: pending, campaignId: id, campaign: 'Short Run', message: 'The campaign ended before an agreement.' }) }
    expect(await inbox(creator)).toEqual([expiry])
    expect(await inbox(sponsor)).toEqual([expect.objectContaining({ kind: 'campaign.ended' }), expiry])
  })

  it('expires the open requests left on a cancelled campaign', async () => {
    const id = await addCampaign('Called Off', 'cancelled', '2026-03-01', '2026-03-30')
    const negotiating = await addRequest(id, 'negotiating')

    expect(await runCampaignLifecycle(db, at('2026-03-05'), 'UTC')).toEqual({ started: 0, completed: 0, expired: 1 })
    expect(await requestStatus(negotiating)).toBe('expired')
    expect((await historyOf(negotiating))[0]!.message).toBe('The campaign was cancelled.')
    // Both parties are told why: the campaign was cancelled, not over.
    expect(await inbox(creator)).toEqual([{ kind: 'ad_request.expired', payload: expect.objectContaining({ message: 'The campaign was cancelled.' }) }])
  })

  it('does nothing twice: a second run of the same moment changes nothing and tells nobody again', async () => {
    await addCampaign('Starting', 'scheduled', '2026-03-10', '2026-03-20')
    const ending = await addCampaign('Ending', 'active', '2026-03-01', '2026-03-09')
    await addRequest(ending, 'pending')

    expect(await runCampaignLifecycle(db, at('2026-03-10'), 'UTC')).toEqual({ started: 1, completed: 1, expired: 1 })
    const before = await db.select().from(notifications)
    const history = await db.select().from(adRequestEvents)

    expect(await runCampaignLifecycle(db, at('2026-03-10'), 'UTC')).toEqual({ started: 0, completed: 0, expired: 0 })
    expect(await db.select().from(notifications)).toEqual(before)
    expect(await db.select().from(adRequestEvents)).toEqual(history)
  })

  it('counts days in the platform time zone: past midnight in Auckland is still the day before in UTC', async () => {
    const id = await addCampaign('Kiwi Launch', 'scheduled', '2026-03-10', '2026-03-20')
    // 12:30 UTC on the 9th is 01:30 on the 10th in Auckland (UTC+13 in March).
    const now = new Date('2026-03-09T12:30:00Z')

    expect((await runCampaignLifecycle(db, now, 'UTC')).started).toBe(0)
    expect(await statusOf(id)).toBe('scheduled')
    expect((await runCampaignLifecycle(db, now, 'Pacific/Auckland')).started).toBe(1)
    expect(await statusOf(id)).toBe('active')
  })

  it('works through a backlog in batches, each its own transaction, letting others in between', async () => {
    const ended: number[] = []
    const open: number[] = []
    for (const name of ['A', 'B', 'C', 'D', 'E']) {
      ended.push(await addCampaign(`Old ${name}`, 'active', '2026-01-01', '2026-01-31'))
      open.push(await addRequest(ended.at(-1)!, 'pending'))
    }
    // Between two batches no transaction is open: other writers (and requests) get their turn.
    const openDuringPauses: boolean[] = []
    const between = async () => {
      openDuringPauses.push(transactionOpen(db))
    }

    expect(await runCampaignLifecycle(db, at('2026-02-10'), 'UTC', between, 2)).toEqual({ started: 0, completed: 5, expired: 5 })
    expect(await Promise.all(ended.map(statusOf))).toEqual(Array(5).fill('completed'))
    expect(await Promise.all(open.map(requestStatus))).toEqual(Array(5).fill('expired'))
    expect(openDuringPauses.length).toBeGreaterThanOrEqual(2)
    expect(openDuringPauses.every(open => !open)).toBe(true)
    expect(await runCampaignLifecycle(db, at('2026-02-10'), 'UTC', between, 2)).toEqual({ started: 0, completed: 0, expired: 0 })
  })
})

describe('domain events', () => {
  it('reach subscribers only after the change commits, with the inbox rows they left', async () => {
    // The count is asked for the moment the event arrives: it sees what had committed by then.
    const heard: { delivered: Delivered, rowsAtDelivery: Promise<number> }[] = []
    const stop = onDomainEvent(delivered => void heard.push({ delivered, rowsAtDelivery: notificationIds().then(ids => ids.length) }))
    try {
      await writeWithEvents(db, async (_tx, emit) => {
        emit({ type: 'account.approved', userId: sponsor, actorId: null, recipients: [sponsor] })
        expect(heard).toEqual([])
      })
      expect(heard).toHaveLength(1)
      expect(heard[0]!.delivered.event.type).toBe('account.approved')
      expect(await heard[0]!.rowsAtDelivery).toBe(1)
      expect(heard[0]!.delivered.notificationIds).toEqual(await notificationIds())
    }
    finally {
      stop()
    }
  })

  it('are neither delivered nor left in anyone\'s inbox when the transaction rolls back', async () => {
    const heard: Delivered[] = []
    const stop = onDomainEvent(delivered => void heard.push(delivered))
    const id = await addCampaign('Rolled Back', 'active', '2026-03-01', '2026-03-10')
    try {
      await expect(writeWithEvents(db, async (tx, emit) => {
        await tx.update(campaigns).set({ status: 'completed' })
        emit({ type: 'campaign.ended', campaignId: id, campaign: 'Rolled Back', sponsorId: sponsor, actorId: null, recipients: [sponsor] })
        throw new Error('something went wrong after the event')
      })).rejects.toThrow('something went wrong after the event')
      expect(heard).toEqual([])
      expect(await inbox(sponsor)).toEqual([])
      expect(await statusOf(id)).toBe('active')
    }
    finally {
      stop()
    }
  })
})
