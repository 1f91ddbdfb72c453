import { describe, expect, it } from 'vitest'
import { anonymous, liveCampaign, loginAs, newUser } from '../support/actors'

describe('notifications', () => {
  it('tell each party what the other did, and are read one by one or all at once', async () => {
    const sponsor = await newUser('sponsor', { pending: true })
    const creator = await newUser('influencer')
    const admin = await loginAs('admin')
    expect((await admin.patch(`/api/admin/users/${sponsor.user.id}`, { status: 'active' })).status).toBe(200)
    expect((await sponsor.get('/api/notifications')).body.items.map((n: any) => n.kind)).toEqual(['account.approved'])

    const c = await liveCampaign(sponsor)
    const invite = (await sponsor.post('/api/ad-requests', { campaignId: c.id, influencerId: creator.user.id, requirements: 'One reel', paymentAmount: 20_000 })).body
    expect((await creator.post(`/api/ad-requests/${invite.id}/counter`, { paymentAmount: 25_000 })).status).toBe(200)

    const inbox = (await creator.get('/api/notifications')).body
    expect(inbox).toMatchObject({ total: 1, unread: 1 })
    expect(inbox.items[0]).toMatchObject({ kind: 'ad_request.invited', read: false, payload: { adRequestId: invite.id, paymentAmount: 20_000 } })
    const theirs = (await sponsor.get('/api/notifications?unread=true')).body
    expect(theirs.items.map((n: any) => n.kind)).toEqual(['ad_request.counter', 'account.approved'])
    expect(theirs.items[0].payload).toMatchObject({ adRequestId: invite.id, paymentAmount: 25_000 })

    // Someone else's ids change nothing; one's own are marked.
    const others = await creator.post('/api/notifications/read', { ids: [theirs.items[0].id] })
    expect(others.body).toEqual({ marked: 0, unread: 1 })
    expect((await sponsor.get('/api/notifications')).body.unread).toBe(2)
    expect((await sponsor.post('/api/notifications/read', { ids: [theirs.items[0].id] })).body).toEqual({ marked: 1, unread: 1 })
    expect((await sponsor.post('/api/notifications/read', { all: true })).body).toEqual({ marked: 1, unread: 0 })
    const after = (await sponsor.get('/api/notifications')).body
    expect(after.items.every((n: any) => n.read)).toBe(true)
    expect((await sponsor.get('/api/notifications?unread=true')).body.total).toBe(0)
  })

  it('refuses a malformed request with the field named, and strangers', async () => {
    const user = await newUser('influencer')
    for (const body of [{}, { ids: [] }, { ids: ['x'] }, { all: false }, { ids: [1], all: true }]) {
      const res = await user.post('/api/notifications/read', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
    }
    expect((await user.post('/api/notifications/read', { ids: [] })).body.data.fields).toHaveProperty('ids')
    expect((await user.get('/api/notifications?unread=maybe')).status).toBe(400)
    expect((await anonymous().get('/api/notifications')).status).toBe(401)
    expect((await anonymous().post('/api/notifications/read', { all: true })).status).toBe(401)
  })
})
