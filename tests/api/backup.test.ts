import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { actorsOn, liveCampaign } from '../support/actors'
import { startBuiltServer } from '../support/built-server'
import type { RunningServer } from '../support/built-server'

// `npm run db:backup` copies the database while the app serves writes; a server started on the
// copy has everything written before the backup began, and each write is in it whole or not at all.

const run = promisify(execFile)
const dir = mkdtempSync(join(tmpdir(), 'influencia-backup-'))
const servers: RunningServer[] = []
afterAll(async () => {
  await Promise.all(servers.map(server => server.stop()))
  rmSync(dir, { recursive: true, force: true })
})

describe('npm run db:backup', () => {
  it('makes a consistent copy under write load, and a server started on it finds the data', async () => {
    const live = await startBuiltServer()
    servers.push(live)
    const actors = actorsOn(live.url)
    const sponsor = await actorsOn(live.url).loginAs('acme')
    const before = await liveCampaign(sponsor, { title: 'Written before the backup', budget: 10_000_000 })
    const campaigns = [before, ...await Promise.all(Array.from({ length: 9 }, () => liveCampaign(sponsor, { budget: 10_000_000 })))]
    const influencers = await Promise.all(['mia', 'leo', 'sofia', 'kai', 'nina', 'omar', 'zoe', 'ravi', 'emma', 'jules', 'tom', 'ana'].map(name => actors.loginAs(name)))

    // Invitations, each one transaction of three tables (the request, its first history entry,
    // the influencer's inbox row), from eight clients until the backup has finished. One invite
    // per campaign and influencer can be open, so the 120 pairs bound the load.
    const pairs = campaigns.flatMap(c => influencers.map(i => ({ campaignId: c.id, influencerId: i.user.id })))
    let acknowledged = 0
    let backupDone = false
    const unexpected: string[] = []
    let markFlowing!: () => void
    const flowing = new Promise<void>((resolve) => { markFlowing = resolve })
    async function inviter() {
      for (let pair = pairs.shift(); pair && !backupDone; pair = pairs.shift()) {
        const res = await sponsor.post('/api/ad-requests', { ...pair, requirements: 'A post during the backup', paymentAmount: 20_000 })
        if (res.status !== 201) unexpected.push(`${res.status} ${JSON.stringify(res.body)}`)
        else if (++acknowledged === 10) markFlowing()
      }
    }
    const load = Promise.all(Array.from({ length: 8 }, inviter))
    // The backup starts once writes are flowing.
    await Promise.race([flowing, load])
    const acknowledgedBeforeBackup = acknowledged
    expect(acknowledgedBeforeBackup).toBe(10)

    // In a folder that does not exist yet: the backup makes it.
    const copyPath = join(dir, randomUUID(), 'influencia.sqlite')
    const backup = await run('npm', ['run', 'db:backup', '--', copyPath], { env: { ...process.env, NUXT_DB_PATH: live.database } })
      .finally(() => { backupDone = true })
    await load
    const acknowledgedAfterBackup = acknowledged
    console.info(`[backup test] ${acknowledgedBeforeBackup} invitations acknowledged before the backup, ${acknowledgedAfterBackup} by its end\n${backup.stdout.trim()}`)
    expect(unexpected).toEqual([])
    expect(backup.stdout).toContain('integrity ok')

    const copy = new Database(copyPath, { readonly: true, fileMustExist: true })
    let onFirstCampaign: number
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      const ids = JSON.stringify(campaigns.map(c => c.id))
      const invited = copy.prepare(`select count(*) as n from ad_requests where campaign_id in (select value from json_each(?))`).get(ids) as { n: number }
      expect(invited.n).toBeGreaterThanOrEqual(acknowledgedBeforeBackup)
      expect(invited.n).toBeLessThanOrEqual(acknowledgedAfterBackup)
      // Whole transactions only: every request with its history entry and its invitee's inbox row.
      const torn = copy.prepare(`select count(*) as n from ad_requests r
        where r.campaign_id in (select value from json_each(?)) and (not exists (select 1 from ad_request_events e where e.ad_request_id = r.id and e.kind = 'offer')
           or not exists (select 1 from notifications n where n.user_id = r.influencer_id and n.kind = 'ad_request.invited'
                          and json_extract(n.payload, '$.adRequestId') = r.id))`).get(ids) as { n: number }
      expect(torn.n).toBe(0)
      onFirstCampaign = (copy.prepare('select count(*) as n from ad_requests where campaign_id = ?').get(before.id) as { n: number }).n
    }
    finally {
      copy.close()
    }

    // Restored: a server on the copy serves what was written before the backup began.
    const restored = await startBuiltServer({}, { database: copyPath })
    servers.push(restored)
    const visitor = actorsOn(restored.url).anonymous()
    const page = await visitor.get(`/api/public/campaigns/${before.slug}`)
    expect(page.status).toBe(200)
    expect(page.body.title).toBe('Written before the backup')
    const sponsorAgain = await actorsOn(restored.url).loginAs('acme')
    const mine = await sponsorAgain.get(`/api/ad-requests?campaignId=${before.id}&pageSize=100`)
    expect(mine.status).toBe(200)
    expect(mine.body.total).toBe(onFirstCampaign)
  })
})
