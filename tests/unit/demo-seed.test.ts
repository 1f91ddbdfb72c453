import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { migrateDatabase, openDatabase } from '../../server/database/client'
import type { Db } from '../../server/database/client'
import { seedDemo } from '../../server/database/seed/demo'

// The demo data is what a newcomer first sees: every date in it must be one that could have
// happened under the product's rules.

let db: Db
let now: number
let today: string

beforeAll(async () => {
  db = openDatabase(':memory:')
  await migrateDatabase(db, resolve('drizzle'))
  await seedDemo(db, { adminPassword: 'demo-admin-password' })
  now = Date.now()
  today = new Date(now).toISOString().slice(0, 10)
})

function rows(query: string, ...params: unknown[]) {
  return db.$client.prepare(query).all(...params)
}

/** A timestamp column (epoch ms) as a UTC calendar date, to compare with campaign dates. */
const day = (column: string) => `date(${column} / 1000, 'unixepoch')`

describe('the demo data', () => {
  it('has no request older than the accounts on either side or than its campaign, nor opened after the campaign ended', async () => {
    expect(rows('select count(*) as n from ad_requests')).toEqual([{ n: 18 }])
    expect(rows(`
      select r.id, c.title, i.username as creator, s.username as brand from ad_requests r
      join campaigns c on c.id = r.campaign_id
      join users i on i.id = r.influencer_id
      join users s on s.id = c.sponsor_id
      where r.created_at < i.created_at or r.created_at < s.created_at or r.created_at < c.created_at
        or ${day('r.created_at')} > c.end_date or r.created_at > ?`, now)).toEqual([])
  })

  it('has no history entry before its request was opened or in the future, and each request opens with its first offer', async () => {
    expect(rows(`
      select e.id, e.kind from ad_request_events e join ad_requests r on r.id = e.ad_request_id
      where e.created_at < r.created_at or e.created_at > ?`, now)).toEqual([])
    expect(rows(`
      select r.id from ad_requests r
      where (select e.kind || '@' || e.created_at from ad_request_events e where e.ad_request_id = r.id order by e.created_at, e.id limit 1)
        is not 'offer@' || r.created_at
        or r.updated_at <> (select max(e.created_at) from ad_request_events e where e.ad_request_id = r.id)`)).toEqual([])
  })

  it('agrees deals while their campaign runs and expires requests only after it ended', async () => {
    expect(rows(`
      select r.id, e.kind from ad_request_events e
      join ad_requests r on r.id = e.ad_request_id join campaigns c on c.id = r.campaign_id
      where (e.kind in ('offer', 'counter', 'accepted') and ${day('e.created_at')} > c.end_date)
        or (e.kind = 'expired' and ${day('e.created_at')} <= c.end_date)`)).toEqual([])
  })

  it('has campaigns created after their brand joined, in a status that fits their dates', async () => {
    expect(rows(`
      select c.title, c.status from campaigns c join users s on s.id = c.sponsor_id
      where c.created_at < s.created_at or c.updated_at < c.created_at or c.updated_at > ?
        or ${day('c.created_at')} > c.end_date or c.end_date < c.start_date
        or (c.status = 'completed' and c.end_date >= ?)
        or (c.status = 'scheduled' and c.start_date <= ?)
        or (c.status in ('active', 'paused') and not (c.start_date <= ? and c.end_date >= ?))`, now, today, today, today, today)).toEqual([])
  })

  it('flags only what existed, and calls each brand by one name', async () => {
    expect(rows(`
      select f.id from flags f
      left join campaigns c on f.target_type = 'campaign' and c.id = f.target_id
      left join users u on f.target_type = 'user' and u.id = f.target_id
      where f.created_at < coalesce(c.created_at, u.created_at) or f.created_at > ?`, now)).toEqual([])
    expect(rows(`
      select u.username, u.display_name, p.company from users u join sponsor_profiles p on p.user_id = u.id
      where u.display_name <> p.company`)).toEqual([])
  })
})
