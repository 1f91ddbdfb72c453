import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listCampaigns } from '../../server/domain/campaigns'
import type { SearchMatch, VisitorSearch } from '../../server/domain/campaigns'
import { domainDb } from '../support/domain-db'

// A visitor's text search cut from its kept matches gives every sort and page exactly as the
// database sorts and cuts them, ties included, on a real database of the run's dialect.

const SORTS = ['relevance', 'newest', 'budget_desc', 'budget_asc', 'starts_soon', 'ends_soon'] as const
const PAGE_SIZE = 4

let t: Awaited<ReturnType<typeof domainDb>>

beforeAll(async () => {
  t = await domainDb()
  const sponsor = await t.addUser('brand', 'sponsor')
  // Titles that rank alike and differently, budgets, dates and creation times with ties: the id
  // alone breaks them.
  const titles = ['Lantern walk', 'Lantern lantern night', 'Paper lantern', 'Lantern walk', 'Lantern fair lantern lantern']
  for (let i = 0; i < 17; i++) {
    await t.addCampaign(sponsor, titles[i % titles.length]!, { start: `2026-0${1 + (i % 3)}-10`, end: `2026-0${4 + (i % 2)}-01` }, {
      budget: [100_000, 250_000, 100_000, 400_000][i % 4], createdAt: new Date(Date.UTC(2025, 0, 1 + (i % 5))),
    })
  }
  await t.addCampaign(sponsor, 'Lantern draft', { start: '2026-01-10', end: '2026-04-01' }, { status: 'draft' })
  await t.addCampaign(sponsor, 'Candle evening', { start: '2026-01-10', end: '2026-04-01' })
})

afterAll(() => t.close())

describe('a visitor\'s text search from its kept matches', () => {
  it('gives every sort and page the database gives, reading the matches once', async () => {
    let kept: SearchMatch[] | null | undefined
    let reads = 0
    const search = async (asked: VisitorSearch, readAll: () => Promise<SearchMatch[] | null>) => {
      expect(asked).toEqual({ q: 'lantern' })
      if (kept === undefined) {
        reads++
        kept = await readAll()
      }
      return kept
    }
    for (const sort of SORTS) {
      for (let page = 1; page <= 6; page++) {
        const query = { q: 'lantern', sort, page, pageSize: PAGE_SIZE }
        const fromKept = await listCampaigns(t.db, null, query, { search })
        const fromDatabase = await listCampaigns(t.db, null, query)
        expect(fromKept.total, `${sort} page ${page}`).toBe(17)
        expect(fromKept.items.map(c => c.id), `${sort} page ${page}`).toEqual(fromDatabase.items.map(c => c.id))
      }
    }
    expect(reads).toBe(1)
    expect(kept).toHaveLength(17)
  })
})
