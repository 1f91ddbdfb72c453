import { resolve } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { migrateDatabase, openDatabase } from '../../server/database/client'
import type { Db } from '../../server/database/client'
import { adRequests, campaigns, users } from '../../server/database/schema'
import type { CampaignStatus } from '../../shared/constants'
import { onDomainEvent, writeWithEvents } from '../../server/domain/events'
import type { Delivered } from '../../server/domain/events'
import { runCampaignLifecycle } from '../../server/domain/lifecycle'

// The lifecycle task's rules at fixed clocks, on a real (in-memory) SQLite database.

let db: Db
let sponsor: number
let creator: number

function rows<T = Record<string, unknown>>(query: string, ...params: unknown[]) {
  return db.$client.prepare(query).all(...params) as T[]
}

function addUser(username: string, role: 'sponsor' | 'influencer') {
  return db.insert(users).values({ username, email: `${username}@test.example`, passwordHash: 'x', role, displayName: username, status: 'active' })
    .returning({ id: users.id }).get().id
}

function addCampaign(title: string, status: CampaignStatus, startDate: string, endDate: string) {
  return db.insert(campaigns).values({
    sponsorId: sponsor, slug: title.toLowerCase().replaceAll(' ', '-'), title, description: 'A campaign', niche: 'beauty',
    startDate, endDate, visibility: 'public', budget: 100_000, status,
  }).returning({ id: campaigns.id }).get().id
}

function addRequest(campaignId: number, status: 'pending' | 'negotiating' | 'accepted', influencerId = creator) {
  return db.insert(adRequests).values({
    campaignId, influencerId, requirements: 'One reel', paymentAmount: 10_000, status, initiatedBy: 'sponsor', lastOfferBy: 'sponsor',
  }).returning({ id: adRequests.id }).get().id
}

const statusOf = (id: number) => rows<{ status: string }>('select status from campaigns where id = ?', id)[0]!.status
const requestStatus = (id: number) => rows<{ status: string }>('select status from ad_requests where id = ?', id)[0]!.status
const inbox = (userId: number) => rows<{ kind: string, payload: string }>('select kind, payload from notifications where user_id = ? order by id', userId)
  .map(n => ({ kind: n.kind, payload: JSON.parse(n.payload) }))

/** Noon UTC on a day: the same calendar day in UTC whatever the test machine's zone. */
const at = (day: string) => new Date(`${day}T12:00:00Z`)

beforeEach(async () => {
  db = openDatabase(':memory:')
  await migrateDatabase(db, resolve('drizzle'))
  sponsor = addUser('brand', 'sponsor')
  creator = addUser('creator', 'influencer')
})

describe('the campaign lifecycle', () => {
  it('starts a scheduled campaign on its start date, not the day before, and tells its sponsor', async () => {
    const id = addCampaign('Spring Launch', 'scheduled', '2026-03-10', '2026-03-20')

    expect(await runCampaignLifecycle(db, at('2026-03-09'), 'UTC')).toEqual({ started: 0, completed: 0, expired: 0 })
    expect(statusOf(id)).toBe('scheduled')

    expect(await runCampaignLifecycle(db, at('2026-03-10'), 'UTC')).toEqual({ started: 1, completed: 0, expired: 0 })
    expect(statusOf(id)).toBe('active')
    expect(inbox(sponsor)).toEqual([{ kind: 'campaign.started', payload: expect.objectContaining({ campaignId: id, campaign: 'Spring Launch' }) }])
  })

  it('completes active and paused campaigns the day after their end date, not on it', async () => {
    const active = addCampaign('Active One', 'active', '2026-03-01', '2026-03-10')
    const paused = addCampaign('Paused One', 'paused', '2026-03-01', '2026-03-10')
    const draft = addCampaign('Draft One', 'draft', '2026-03-01', '2026-03-10')

    expect(await runCampaignLifecycle(db, at('2026-03-10'), 'UTC')).toEqual({ started: 0, completed: 0, expired: 0 })
    expect([statusOf(active), statusOf(paused)]).toEqual(['active', 'paused'])

    expect(await runCampaignLifecycle(db, at('2026-03-11'), 'UTC')).toEqual({ started: 0, completed: 2, expired: 0 })
    expect([statusOf(active), statusOf(paused), statusOf(draft)]).toEqual(['completed', 'completed', 'draft'])
    expect(inbox(sponsor).map(n => [n.kind, n.payload.campaign])).toEqual([['campaign.ended', 'Active One'], ['campaign.ended', 'Paused One']])
  })

  it('expires the open requests of an ended campaign with a history entry, tells both parties, and leaves accepted deals alone', async () => {
    const id = addCampaign('Short Run', 'active', '2026-03-01', '2026-03-10')
    const pending = addRequest(id, 'pending')
    const accepted = addRequest(id, 'accepted', addUser('booked', 'influencer'))

    expect(await runCampaignLifecycle(db, at('2026-03-11'), 'UTC')).toEqual({ started: 0, completed: 1, expired: 1 })
    expect([requestStatus(pending), requestStatus(accepted)]).toEqual(['expired', 'accepted'])
    expect(rows('select kind, actor_id as actorId, message from ad_request_events where ad_request_id = ?', pending))
      .toEqual([{ kind: 'expired', actorId: null, message: 'The campaign ended before an agreement.' }])
    expect(rows('select count(*) as n from ad_request_events where ad_request_id = ?', accepted)).toEqual([{ n: 0 }])
    const expiry = { kind: 'ad_request.expired', payload: expect.objectContaining({ adRequestId: pending, campaignId: id, campaign: 'Short Run', message: 'The campaign ended before an agreement.' }) }
    expect(inbox(creator)).toEqual([expiry])
    expect(inbox(sponsor)).toEqual([expect.objectContaining({ kind: 'campaign.ended' }), expiry])
  })

  it('expires the open requests left on a cancelled campaign', async () => {
    const id = addCampaign('Called Off', 'cancelled', '2026-03-01', '2026-03-30')
    const negotiating = addRequest(id, 'negotiating')

    expect(await runCampaignLifecycle(db, at('2026-03-05'), 'UTC')).toEqual({ started: 0, completed: 0, expired: 1 })
    expect(requestStatus(negotiating)).toBe('expired')
    expect(rows<{ message: string }>('select message from ad_request_events where ad_request_id = ?', negotiating)[0]!.message).toBe('The campaign was cancelled.')
    // Both parties are told why: the campaign was cancelled, not over.
    expect(inbox(creator)).toEqual([{ kind: 'ad_request.expired', payload: expect.objectContaining({ message: 'The campaign was cancelled.' }) }])
  })

  it('does nothing twice: a second run of the same moment changes nothing and tells nobody again', async () => {
    addCampaign('Starting', 'scheduled', '2026-03-10', '2026-03-20')
    const ending = addCampaign('Ending', 'active', '2026-03-01', '2026-03-09')
    addRequest(ending, 'pending')

    expect(await runCampaignLifecycle(db, at('2026-03-10'), 'UTC')).toEqual({ started: 1, completed: 1, expired: 1 })
    const before = rows('select * from notifications').length
    const history = rows('select * from ad_request_events').length

    expect(await runCampaignLifecycle(db, at('2026-03-10'), 'UTC')).toEqual({ started: 0, completed: 0, expired: 0 })
    expect(rows('select * from notifications')).toHaveLength(before)
    expect(rows('select * from ad_request_events')).toHaveLength(history)
  })

  it('counts days in the platform time zone: past midnight in Auckland is still the day before in UTC', async () => {
    const id = addCampaign('Kiwi Launch', 'scheduled', '2026-03-10', '2026-03-20')
    // 12:30 UTC on the 9th is 01:30 on the 10th in Auckland (UTC+13 in March).
    const now = new Date('2026-03-09T12:30:00Z')

    expect((await runCampaignLifecycle(db, now, 'UTC')).started).toBe(0)
    expect(statusOf(id)).toBe('scheduled')
    expect((await runCampaignLifecycle(db, now, 'Pacific/Auckland')).started).toBe(1)
    expect(statusOf(id)).toBe('active')
  })

  it('works through a backlog in batches, each its own transaction, letting others in between', async () => {
    const ended = ['A', 'B', 'C', 'D', 'E'].map(name => addCampaign(`Old ${name}`, 'active', '2026-01-01', '2026-01-31'))
    const open = ended.map(id => addRequest(id, 'pending'))
    // Between two batches no transaction is open: other writers (and requests) get their turn.
    const openDuringPauses: boolean[] = []
    const between = async () => {
      openDuringPauses.push(db.$client.inTransaction)
    }

    expect(await runCampaignLifecycle(db, at('2026-02-10'), 'UTC', between, 2)).toEqual({ started: 0, completed: 5, expired: 5 })
    expect(ended.map(statusOf)).toEqual(Array(5).fill('completed'))
    expect(open.map(requestStatus)).toEqual(Array(5).fill('expired'))
    expect(openDuringPauses.length).toBeGreaterThanOrEqual(2)
    expect(openDuringPauses.every(open => !open)).toBe(true)
    expect(await runCampaignLifecycle(db, at('2026-02-10'), 'UTC', between, 2)).toEqual({ started: 0, completed: 0, expired: 0 })
  })
})

describe('domain events', () => {
  it('reach subscribers only after the change commits, with the inbox rows they left', async () => {
    const heard: { delivered: Delivered, rowsAtDelivery: number }[] = []
    const stop = onDomainEvent(delivered => void heard.push({ delivered, rowsAtDelivery: rows('select * from notifications').length }))
    try {
      await writeWithEvents(db, (_tx, emit) => {
        emit({ type: 'account.approved', userId: sponsor, actorId: null, recipients: [sponsor] })
        expect(heard).toEqual([])
      })
      expect(heard).toHaveLength(1)
      expect(heard[0]!.delivered.event.type).toBe('account.approved')
      expect(heard[0]!.rowsAtDelivery).toBe(1)
      expect(heard[0]!.delivered.notificationIds).toEqual(rows<{ id: number }>('select id from notifications').map(r => r.id))
    }
    finally {
      stop()
    }
  })

  it('are neither delivered nor left in anyone\'s inbox when the transaction rolls back', async () => {
    const heard: Delivered[] = []
    const stop = onDomainEvent(delivered => void heard.push(delivered))
    const id = addCampaign('Rolled Back', 'active', '2026-03-01', '2026-03-10')
    try {
      await expect(writeWithEvents(db, async (tx, emit) => {
        await tx.update(campaigns).set({ status: 'completed' })
        emit({ type: 'campaign.ended', campaignId: id, campaign: 'Rolled Back', sponsorId: sponsor, actorId: null, recipients: [sponsor] })
        throw new Error('something went wrong after the event')
      })).rejects.toThrow('something went wrong after the event')
      expect(heard).toEqual([])
      expect(inbox(sponsor)).toEqual([])
      expect(statusOf(id)).toBe('active')
    }
    finally {
      stop()
    }
  })
})
