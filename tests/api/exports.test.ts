import { describe, expect, it } from 'vitest'
import { anonymous, liveCampaign, newUser } from '../support/actors'
import type { Client } from '../support/actors'
import { testDatabase } from '../support/suite-database'
import { download, exportAndDownload, parseCsv } from '../support/exports'

const BOM = Buffer.from([0xEF, 0xBB, 0xBF])

const CAMPAIGN_HEADERS = [
  'Campaign ID', 'Title', 'Status', 'Visibility', 'Niche', 'Start date', 'End date', 'Budget (USD)', 'Committed (USD)',
  'Remaining (USD)', 'Requests', 'Agreed deals', 'Under review', 'Goals', 'Description', 'Public page', 'Created (UTC)', 'Updated (UTC)',
]
const REQUEST_HEADERS = [
  'Request ID', 'Campaign ID', 'Campaign', 'Influencer', 'Influencer username', 'Started as', 'Request status',
  'Amount on the table (USD)', 'Requirements', 'Step', 'Step kind', 'By', 'By (name)', 'Step amount (USD)', 'Message', 'Step at (UTC)',
]

function headerOf(bytes: Buffer) {
  const text = bytes.subarray(BOM.length).toString('utf8')
  return text.slice(0, text.indexOf('\r\n'))
}

async function invite(sponsor: Client, campaignId: number, creator: Client, paymentAmount: number, message?: string) {
  const res = await sponsor.post('/api/ad-requests', { campaignId, influencerId: creator.user.id, requirements: 'One reel, two stories', paymentAmount, message })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body as { id: number }
}

describe('CSV exports', () => {
  it('write every campaign with its figures as RFC 4180 CSV in UTF-8 with a BOM, formula cells neutralised', async () => {
    const sponsor = await newUser('sponsor')
    const creator = await newUser('influencer')
    const quoted = await liveCampaign(sponsor, {
      title: 'Summer, "Best" launch',
      description: 'Line one\nLine two, with a comma and "quotes"',
      goals: '=HYPERLINK("http://evil.example","click")',
      budget: 123_456,
    })
    const unicode = await liveCampaign(sponsor, { title: 'Café Ünïcødé 🎉 日本語', description: '@risk assessment for the launch', goals: '+SUM(1,2)', visibility: 'private', status: 'draft' })
    const numeric = await liveCampaign(sponsor, { title: '-2+3 special', goals: '-12.50' })
    // Tab and carriage return cannot come through the API (text is trimmed); an older row might hold them.
    await testDatabase().change('update campaigns set goals = ? where id = ?', '\t=1+1', unicode.id)
    await testDatabase().change('update campaigns set description = ? where id = ?', '\r=cmd|calc', numeric.id)
    const deal = await invite(sponsor, quoted.id, creator, 20_000)
    expect((await creator.post(`/api/ad-requests/${deal.id}/accept`, {})).status).toBe(200)

    const { row, headers, bytes } = await exportAndDownload(sponsor, 'campaigns')
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="influencia-campaigns-\\d{4}-\\d{2}-\\d{2}-${row.id}\\.csv"$`))
    expect(bytes.subarray(0, 3)).toEqual(BOM)
    expect(headerOf(bytes)).toBe(CAMPAIGN_HEADERS.join(','))
    expect(row).toMatchObject({ kind: 'campaigns', rowCount: 3, byteSize: bytes.length, error: null })

    const records = parseCsv(bytes)
    expect(records.map(r => r['Campaign ID'])).toEqual([quoted.id, unicode.id, numeric.id].map(String))
    const [first, second, third] = records
    expect(first).toMatchObject({
      'Title': 'Summer, "Best" launch',
      'Status': 'active',
      'Visibility': 'public',
      'Niche': 'fitness',
      'Budget (USD)': '1234.56',
      'Committed (USD)': '200.00',
      'Remaining (USD)': '1034.56',
      'Requests': '1',
      'Agreed deals': '1',
      'Under review': 'no',
      'Goals': `'=HYPERLINK("http://evil.example","click")`,
      'Description': 'Line one\nLine two, with a comma and "quotes"',
      'Public page': `https://influencia.test/campaigns/${quoted.slug}`,
    })
    expect(first!['Created (UTC)']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    // The raw file quotes the fields that need it, doubling the quotes inside.
    expect(bytes.toString('utf8')).toContain('"Summer, ""Best"" launch"')
    expect(second).toMatchObject({ 'Title': 'Café Ünïcødé 🎉 日本語', 'Status': 'draft', 'Goals': `'\t=1+1`, 'Description': `'@risk assessment for the launch`, 'Public page': '', 'Requests': '0', 'Committed (USD)': '0.00' })
    expect(third).toMatchObject({ Title: `'-2+3 special`, Goals: '-12.50', Description: `'\r=cmd|calc` })
  })

  it('write ad requests with one line per step of their history', async () => {
    const sponsor = await newUser('sponsor')
    const mia = await newUser('influencer')
    const leo = await newUser('influencer')
    const campaign = await liveCampaign(sponsor, { title: 'Trail week' })
    const invited = await invite(sponsor, campaign.id, mia, 20_000, 'Hi, "friend"\nwelcome aboard')
    expect((await mia.post(`/api/ad-requests/${invited.id}/counter`, { paymentAmount: 25_000, message: '=1+1' })).status).toBe(200)
    expect((await sponsor.post(`/api/ad-requests/${invited.id}/accept`, {})).status).toBe(200)
    const applied = await leo.post('/api/ad-requests', { campaignId: campaign.id, requirements: 'A long video', paymentAmount: 30_000, message: '-1+1' })
    expect(applied.status, JSON.stringify(applied.body)).toBe(201)
    expect((await sponsor.post(`/api/ad-requests/${applied.body.id}/reject`, { message: 'Not this time' })).status).toBe(200)

    const { row, bytes } = await exportAndDownload(sponsor, 'ad_requests')
    expect(bytes.subarray(0, 3)).toEqual(BOM)
    expect(headerOf(bytes)).toBe(REQUEST_HEADERS.join(','))
    const records = parseCsv(bytes)
    expect(row.rowCount).toBe(5)
    const pick = (r: Record<string, string>) => [r['Request ID'], r['Request status'], r['Started as'], r.Step, r['Step kind'], r.By, r['Step amount (USD)'], r.Message]
    expect(records.map(pick)).toEqual([
      [`${invited.id}`, 'accepted', 'invitation', '1', 'offer', 'sponsor', '200.00', 'Hi, "friend"\nwelcome aboard'],
      [`${invited.id}`, 'accepted', 'invitation', '2', 'counter', 'influencer', '250.00', `'=1+1`],
      [`${invited.id}`, 'accepted', 'invitation', '3', 'accepted', 'sponsor', '250.00', ''],
      [`${applied.body.id}`, 'rejected', 'application', '1', 'offer', 'influencer', '300.00', `'-1+1`],
      [`${applied.body.id}`, 'rejected', 'application', '2', 'rejected', 'sponsor', '', 'Not this time'],
    ])
    expect(records[0]).toMatchObject({
      'Campaign ID': String(campaign.id),
      'Campaign': 'Trail week',
      'Influencer': (mia.user as unknown as { displayName: string }).displayName,
      'Influencer username': mia.user.username,
      'Amount on the table (USD)': '250.00',
      'Requirements': 'One reel, two stories',
    })
    expect(records[1]!['By (name)']).toBe(records[0]!.Influencer)
    expect(records[0]!['Step at (UTC)']! <= records[1]!['Step at (UTC)']!).toBe(true)
  })

  it('tell the owner in the inbox when the file is ready', async () => {
    const sponsor = await newUser('sponsor')
    await liveCampaign(sponsor)
    const { row } = await exportAndDownload(sponsor, 'campaigns')
    const inbox = (await sponsor.get('/api/notifications')).body.items
    expect(inbox[0]).toMatchObject({ kind: 'export.finished', read: false, payload: { exportId: row.id, kind: 'campaigns' } })
    const list = (await sponsor.get('/api/exports')).body.items
    expect(list[0]).toMatchObject({ id: row.id, status: 'done', progress: 100, rowCount: 1 })
  })

  it('list the owner\'s exports newest first, an export under way answering for a second start of its kind', async () => {
    const sponsor = await newUser('sponsor')
    await liveCampaign(sponsor)
    const { row: done } = await exportAndDownload(sponsor, 'campaigns')
    // An export another instance is writing right now (its heartbeat is fresh).
    const now = new Date()
    const running = (await testDatabase().change<{ id: number }>(`insert into exports (owner_id, kind, status, progress, file_path, created_at, started_at, heartbeat_at)
      values (?, 'ad_requests', 'running', 40, 'not-there.csv', ?, ?, ?) returning id`, sponsor.user.id, now, now, now))[0]!

    const again = await sponsor.post('/api/exports', { kind: 'ad_requests' })
    expect(again.status).toBe(202)
    expect(again.body).toMatchObject({ id: running.id, status: 'running', progress: 40 })
    expect((await sponsor.get('/api/exports')).body.items.map((e: any) => e.id)).toEqual([running.id, done.id])
    const notYet = await sponsor.get(`/api/exports/${running.id}/download`)
    expect(notYet.status).toBe(409)
    expect(notYet.body.message).toMatch(/not finished/)
  })

  it('are their owner\'s alone: 404 to another sponsor, 403 to an influencer, 401 to a visitor', async () => {
    const owner = await newUser('sponsor')
    const rival = await newUser('sponsor')
    const creator = await newUser('influencer')
    await liveCampaign(owner)
    const { row } = await exportAndDownload(owner, 'campaigns')

    expect((await rival.get(`/api/exports/${row.id}`)).status).toBe(404)
    expect((await download(rival, row.id)).status).toBe(404)
    expect((await rival.get('/api/exports')).body.items).toEqual([])
    for (const [who, status] of [[creator, 403], [anonymous(), 401]] as const) {
      expect((await who.get('/api/exports')).status).toBe(status)
      expect((await who.get(`/api/exports/${row.id}`)).status).toBe(status)
      expect((await who.get(`/api/exports/${row.id}/download`)).status).toBe(status)
      expect((await who.post('/api/exports', { kind: 'campaigns' })).status).toBe(status)
    }
    expect((await owner.get('/api/exports/999999999')).status).toBe(404)
    expect((await owner.get('/api/exports/abc')).status).toBe(400)
  })

  it('refuse a kind that is not one, naming the field', async () => {
    const sponsor = await newUser('sponsor')
    for (const body of [{}, { kind: 'users' }, { kind: 'campaigns', extra: 1 }]) {
      const res = await sponsor.post('/api/exports', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(Object.keys(res.body.data.fields), JSON.stringify(body)).toEqual([body.kind === 'campaigns' ? '_' : 'kind'])
    }
    expect((await sponsor.post('/api/exports', { kind: 'users' })).body.message).toMatch(/kind: Choose one of: campaigns, ad_requests/)
    expect((await sponsor.get('/api/exports')).body.items).toEqual([])
  })
})
