import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AD_REQUEST_STATUS_GROUPS, FINISHED_CAMPAIGN_STATUSES } from '#shared/constants'
import { adRequests, campaigns, influencerProfiles } from '../../server/database/schema'
import { seedBulk } from '../../server/database/seed/bulk'
import { runCampaignLifecycle } from '../../server/domain/lifecycle'
import { openTestDomainDb } from '../support/domain-db'
import type { TestDomainDb } from '../support/domain-db'

// The bulk data is what the benchmark measures a server on: a first start on it must find the
// marketplace as the product's rules would have left it, with no backlog of work for the
// scheduled tasks to do while it is being measured.

let database: TestDomainDb
beforeAll(async () => {
  database = await openTestDomainDb()
  await seedBulk(database.db, { influencers: 300, campaigns: 400, requests: 3000 })
})
afterAll(() => database.close())

describe('the bulk data', () => {
  it('leaves the campaign lifecycle nothing to start, complete or expire', async () => {
    expect(await runCampaignLifecycle(database.db, new Date())).toEqual({ started: 0, completed: 0, expired: 0 })
  })

  it('has campaigns of every status, and offers still open only on campaigns that are not over or drafts', async () => {
    const campaignRows = await database.db.select({ id: campaigns.id, status: campaigns.status }).from(campaigns)
    expect(new Set(campaignRows.map(c => c.status))).toEqual(new Set(['draft', 'scheduled', 'active', 'paused', 'completed', 'cancelled']))
    const statusOf = new Map(campaignRows.map(c => [c.id, c.status]))
    const requests = await database.db.select({ campaignId: adRequests.campaignId, status: adRequests.status }).from(adRequests)
    expect(requests.length).toBe(3000)
    expect(requests.filter(r => statusOf.get(r.campaignId) === 'draft')).toEqual([])
    const openOnFinished = requests.filter(r => (AD_REQUEST_STATUS_GROUPS.in_negotiation as readonly string[]).includes(r.status)
      && (FINISHED_CAMPAIGN_STATUSES as readonly string[]).includes(statusOf.get(r.campaignId)!))
    expect(openOnFinished).toEqual([])
  })

  it('gives each influencer the track record their requests make', async () => {
    const requests = await database.db.select({ influencerId: adRequests.influencerId, status: adRequests.status }).from(adRequests)
    const counted = new Map<number, { agreed: number, completed: number, rejected: number }>()
    for (const { influencerId, status } of requests) {
      const record = counted.get(influencerId) ?? { agreed: 0, completed: 0, rejected: 0 }
      if (status === 'accepted' || status === 'completed') record.agreed++
      if (status === 'completed') record.completed++
      if (status === 'rejected') record.rejected++
      counted.set(influencerId, record)
    }
    const kept = await database.db.select({ id: influencerProfiles.userId, agreed: influencerProfiles.trackAgreed, completed: influencerProfiles.trackCompleted, rejected: influencerProfiles.trackRejected })
      .from(influencerProfiles)
    expect(kept.filter(p => p.completed > 0).length, 'some have completed deals').toBeGreaterThan(10)
    expect(kept).toEqual(kept.map(({ id }) => ({ id, ...(counted.get(id) ?? { agreed: 0, completed: 0, rejected: 0 }) })))
  })
})
