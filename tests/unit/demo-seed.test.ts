import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adRequestEvents, adRequests, campaigns, flags, sponsorProfiles, users } from '../../server/database/schema'
import { seedDemo } from '../../server/database/seed/demo'
import { openTestDomainDb } from '../support/domain-db'
import type { TestDomainDb } from '../support/domain-db'

// The demo data is what a newcomer first sees: every date in it must be one that could have
// happened under the product's rules. The rows are read whole and checked here, so the same
// checks hold on either database.

let database: TestDomainDb
let now: Date
let today: string
let demo: Awaited<ReturnType<typeof readDemo>>

async function readDemo() {
  const { db } = database
  const [userRows, campaignRows, requestRows, eventRows, flagRows, profileRows] = await Promise.all([
    db.select().from(users), db.select().from(campaigns), db.select().from(adRequests),
    db.select().from(adRequestEvents), db.select().from(flags), db.select().from(sponsorProfiles),
  ])
  const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map(row => [row.id, row]))
  return {
    users: userRows, campaigns: campaignRows, requests: requestRows, events: eventRows, flags: flagRows, profiles: profileRows,
    user: byId(userRows), campaign: byId(campaignRows), request: byId(requestRows),
  }
}

beforeAll(async () => {
  database = await openTestDomainDb()
  await seedDemo(database.db, { adminPassword: 'demo-admin-password' })
  now = new Date()
  today = now.toISOString().slice(0, 10)
  demo = await readDemo()
})

afterAll(() => database.close())

/** A time as a UTC calendar date, to compare with campaign dates. */
const day = (at: Date) => at.toISOString().slice(0, 10)

/** A request's history, oldest first (by time, then by the order it was written). */
const historyOf = (requestId: number) => demo.events.filter(e => e.adRequestId === requestId)
  .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)

describe('the demo data', () => {
  it('has no request older than the accounts on either side or than its campaign, nor opened after the campaign ended', async () => {
    expect(demo.requests).toHaveLength(18)
    const impossible = demo.requests.filter((r) => {
      const campaign = demo.campaign.get(r.campaignId)!
      const creator = demo.user.get(r.influencerId)!
      const brand = demo.user.get(campaign.sponsorId)!
      return r.createdAt < creator.createdAt || r.createdAt < brand.createdAt || r.createdAt < campaign.createdAt
        || day(r.createdAt) > campaign.endDate || r.createdAt > now
    })
    expect(impossible.map(r => r.id)).toEqual([])
  })

  it('has no history entry before its request was opened or in the future, and each request opens with its first offer', async () => {
    expect(demo.events.filter(e => e.createdAt < demo.request.get(e.adRequestId)!.createdAt || e.createdAt > now).map(e => [e.id, e.kind])).toEqual([])
    const inconsistent = demo.requests.filter((r) => {
      const history = historyOf(r.id)
      const first = history[0]
      const last = Math.max(...history.map(e => e.createdAt.getTime()))
      return first?.kind !== 'offer' || first.createdAt.getTime() !== r.createdAt.getTime() || r.updatedAt.getTime() !== last
    })
    expect(inconsistent.map(r => r.id)).toEqual([])
  })

  it('agrees deals while their campaign runs and expires requests only after it ended', async () => {
    const outOfTime = demo.events.filter((e) => {
      const { endDate } = demo.campaign.get(demo.request.get(e.adRequestId)!.campaignId)!
      return (['offer', 'counter', 'accepted'].includes(e.kind) && day(e.createdAt) > endDate)
        || (e.kind === 'expired' && day(e.createdAt) <= endDate)
    })
    expect(outOfTime.map(e => [e.adRequestId, e.kind])).toEqual([])
  })

  it('has campaigns created after their brand joined, in a status that fits their dates', async () => {
    const misfits = demo.campaigns.filter(c => c.createdAt < demo.user.get(c.sponsorId)!.createdAt || c.updatedAt < c.createdAt || c.updatedAt > now
      || day(c.createdAt) > c.endDate || c.endDate < c.startDate
      || (c.status === 'completed' && c.endDate >= today)
      || (c.status === 'scheduled' && c.startDate <= today)
      || ((c.status === 'active' || c.status === 'paused') && !(c.startDate <= today && c.endDate >= today)))
    expect(misfits.map(c => [c.title, c.status])).toEqual([])
  })

  it('flags only what existed, and calls each brand by one name', async () => {
    const flagged = demo.flags.filter((f) => {
      const target = f.targetType === 'campaign' ? demo.campaign.get(f.targetId) : f.targetType === 'user' ? demo.user.get(f.targetId) : undefined
      return (target !== undefined && f.createdAt < target.createdAt) || f.createdAt > now
    })
    expect(flagged.map(f => f.id)).toEqual([])
    const renamed = demo.profiles.filter(p => demo.user.get(p.userId)!.displayName !== p.company)
    expect(renamed.map(p => p.userId)).toEqual([])
  })
})
