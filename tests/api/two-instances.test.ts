import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisAvailable, sharedInstances } from '../support/redis'
import type { SharedInstances } from '../support/redis'
import { castOn, driveTraffic, overCommittedCampaigns } from '../support/traffic'

// Two app instances on one database file and one Redis, each request to either (a load
// balancer): every role at once, and the money invariant, which only the database's write lock
// can keep across processes, must hold.
const withRedis = await redisAvailable()

describe.runIf(withRedis)('two instances on one database and one Redis', () => {
  let instances: SharedInstances
  beforeAll(async () => { instances = await sharedInstances(2) })
  afterAll(() => instances?.stop())

  it('serve mixed traffic from every role without a 5xx, and no campaign commits more than its budget', async () => {
    // Budgets of two average deals: accepts on both instances compete for the last of them.
    const cast = await castOn(instances.servers.map(s => s.url), { sponsors: 3, influencers: 8, campaignsPerSponsor: 3, budget: 60_000 })
    const tally = await driveTraffic(cast, { concurrency: 12, requests: 700, seconds: 120 })
    console.info(`[two instances] ${tally.requests} requests:`, JSON.stringify(tally.answers))

    expect(tally.failures).toEqual([])
    expect(tally.answers['accept 200'], 'deals were made').toBeGreaterThan(0)
    expect(tally.answers['accept 409 over budget'], 'accepts were refused for want of budget').toBeGreaterThan(0)
    expect(await overCommittedCampaigns(instances.database)).toEqual([])
  })
})
