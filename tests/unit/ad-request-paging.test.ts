import { and, desc, eq, inArray } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adRequests, campaigns } from '../../server/database/schema'
import { listAdRequests } from '../../server/domain/ad-requests'
import type { RequestListKey } from '../../server/domain/ad-requests'
import { pageWindow } from '../../server/domain/paging'
import type { Anchor } from '../../server/domain/paging'
import type { Viewer } from '../../server/domain/viewer'
import type { AdRequestStatus } from '../../shared/constants'
import { domainDb } from '../support/domain-db'

// Every page of the request list, read from whichever end is nearer, holds exactly the rows the
// plain forward OFFSET query gives, in its order, on a real database of the run's dialect.

const TOTAL = 53
const PAGE_SIZE = 5
const CLOSED: AdRequestStatus[] = ['completed', 'rejected', 'withdrawn', 'expired']

let t: Awaited<ReturnType<typeof domainDb>>
let admin: Viewer
let brand: Viewer
let creator: Viewer

beforeAll(async () => {
  t = await domainDb()
  const sponsors = [await t.addUser('brand', 'sponsor'), await t.addUser('other-brand', 'sponsor')]
  const creators = [await t.addUser('creator', 'influencer'), await t.addUser('maker', 'influencer'), await t.addUser('writer', 'influencer'), await t.addUser('singer', 'influencer')]
  const dates = { start: '2026-03-01', end: '2026-03-31' }
  const campaignIds = [await t.addCampaign(sponsors[0]!, 'Spring', dates), await t.addCampaign(sponsors[0]!, 'Summer', dates), await t.addCampaign(sponsors[1]!, 'Autumn', dates)]
  // Activity times out of id order, three or so requests to a minute: the id alone breaks the ties.
  await t.db.insert(adRequests).values(Array.from({ length: TOTAL }, (_, i) => ({
    campaignId: campaignIds[i % 3]!, influencerId: creators[i % 4]!, requirements: 'One reel', paymentAmount: 10_000,
    // The first twelve are the open request of twelve distinct (campaign, influencer) pairs.
    status: i < 12 ? 'pending' as const : CLOSED[i % CLOSED.length]!, initiatedBy: 'sponsor' as const, lastOfferBy: 'sponsor' as const,
    updatedAt: new Date(Date.UTC(2026, 2, 10, 12, (i * 7) % 18)),
  })))
  admin = { id: 0, role: 'admin', status: 'active' }
  brand = { id: sponsors[0]!, role: 'sponsor', status: 'active' }
  creator = { id: creators[0]!, role: 'influencer', status: 'active' }
})

afterAll(() => t.close())

/** The page as the plain forward walk reads it: newest first, OFFSET (page - 1) * size. */
async function forwardPage(condition: SQL | undefined, page: number) {
  const rows = await t.db.select({ id: adRequests.id }).from(adRequests).innerJoin(campaigns, eq(campaigns.id, adRequests.campaignId))
    .where(condition).orderBy(desc(adRequests.updatedAt), desc(adRequests.id)).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
  return rows.map(r => r.id)
}

async function listedPage(viewer: Viewer, page: number, status?: AdRequestStatus[]) {
  const result = await listAdRequests(t.db, viewer, { page, pageSize: PAGE_SIZE, status })
  return { ids: result.items.map(r => r.id), total: result.total }
}

describe('paging through the request list', () => {
  it('reads deep pages from the far end, never walking more than half the list', () => {
    expect(pageWindow(53, 1, 5)).toEqual({ offset: 0, limit: 5, fromEnd: false })
    expect(pageWindow(53, 5, 5)).toEqual({ offset: 20, limit: 5, fromEnd: false })
    expect(pageWindow(53, 6, 5)).toEqual({ offset: 23, limit: 5, fromEnd: true })
    expect(pageWindow(53, 11, 5)).toEqual({ offset: 0, limit: 3, fromEnd: true })
    expect(pageWindow(53, 12, 5)).toEqual({ offset: 55, limit: 5, fromEnd: false })
    expect(pageWindow(0, 1, 20)).toEqual({ offset: 0, limit: 20, fromEnd: false })
    expect(pageWindow(150_020, 7_501, 20)).toEqual({ offset: 0, limit: 20, fromEnd: true })
  })

  it('gives an admin every page, start, middle, end and the last partial one, as the forward walk does', async () => {
    const pages = Math.ceil(TOTAL / PAGE_SIZE)
    const seen: number[][] = []
    for (let page = 1; page <= pages + 1; page++) {
      const listed = await listedPage(admin, page)
      expect(listed.total).toBe(TOTAL)
      expect(listed.ids, `page ${page}`).toEqual(await forwardPage(undefined, page))
      seen.push(listed.ids)
    }
    expect(seen.at(-2)).toHaveLength(TOTAL % PAGE_SIZE)
    expect(seen.at(-1)).toEqual([])
    expect(new Set(seen.flat()).size).toBe(TOTAL)
  })

  it('pages a sponsor\'s and an influencer\'s own requests, filtered or not, the same way', async () => {
    const cases: { viewer: Viewer, status?: AdRequestStatus[], condition: SQL }[] = [
      { viewer: brand, condition: eq(campaigns.sponsorId, brand.id) },
      { viewer: brand, status: ['completed', 'rejected'], condition: and(eq(campaigns.sponsorId, brand.id), inArray(adRequests.status, ['completed', 'rejected']))! },
      { viewer: creator, condition: eq(adRequests.influencerId, creator.id) },
    ]
    for (const { viewer, status, condition } of cases) {
      const all = (await t.db.select({ id: adRequests.id }).from(adRequests).innerJoin(campaigns, eq(campaigns.id, adRequests.campaignId)).where(condition)).length
      for (let page = 1; page <= Math.ceil(all / PAGE_SIZE); page++) {
        const listed = await listedPage(viewer, page, status)
        expect(listed.total).toBe(all)
        expect(listed.ids, `${viewer.role} ${status ?? 'all'} page ${page}`).toEqual(await forwardPage(condition, page))
      }
    }
  })

  it('takes the list\'s length from the kept total instead of counting', async () => {
    let counted = 0
    const total = async (countAll: () => Promise<number>) => {
      counted++
      return countAll()
    }
    const last = await listAdRequests(t.db, admin, { page: 11, pageSize: PAGE_SIZE }, { total })
    expect(counted).toBe(1)
    expect(last.items.map(r => r.id)).toEqual(await forwardPage(undefined, 11))
    const fromKept = await listAdRequests(t.db, admin, { page: 11, pageSize: PAGE_SIZE }, { total: async () => TOTAL })
    expect(fromKept.total).toBe(TOTAL)
    expect(fromKept.items.map(r => r.id)).toEqual(last.items.map(r => r.id))
  })

  it('reads deep pages on from kept anchors, finding them once, with the rows of the forward walk', async () => {
    const cases: { viewer: Viewer, status?: AdRequestStatus[], condition?: SQL }[] = [
      { viewer: admin },
      { viewer: admin, status: ['completed', 'rejected'], condition: inArray(adRequests.status, ['completed', 'rejected']) },
      { viewer: brand, condition: eq(campaigns.sponsorId, brand.id) },
    ]
    for (const { viewer, status, condition } of cases) {
      let kept: Anchor<RequestListKey>[] | undefined
      let found = 0
      const anchors = async (find: () => Promise<Anchor<RequestListKey>[]>) => {
        if (!kept) {
          found++
          kept = await find()
        }
        return kept
      }
      const all = (await t.db.select({ id: adRequests.id }).from(adRequests).innerJoin(campaigns, eq(campaigns.id, adRequests.campaignId)).where(condition)).length
      for (let page = 1; page <= Math.ceil(all / PAGE_SIZE) + 1; page++) {
        const listed = await listAdRequests(t.db, viewer, { page, pageSize: PAGE_SIZE, status }, { anchors, every: 4 })
        expect(listed.items.map(r => r.id), `${viewer.role} ${status ?? 'all'} page ${page}`).toEqual(await forwardPage(condition, page))
      }
      // Only pages more than `every` rows from both ends need anchors: the lists here all have some.
      expect(found, `${viewer.role} ${status ?? 'all'}`).toBe(1)
      expect(kept!.map(a => a.skip)).toEqual(Array.from({ length: Math.floor(all / 4) }, (_, i) => (i + 1) * 4))
    }
  })
})
