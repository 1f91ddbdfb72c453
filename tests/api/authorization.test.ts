import { beforeAll, describe, expect, it } from 'vitest'
import { anonymous, liveCampaign, loginAs, newUser } from '../support/actors'
import type { Client } from '../support/actors'

type Actor = 'anonymous' | 'owner' | 'otherSponsor' | 'party' | 'otherInfluencer' | 'admin'
const ACTORS: Actor[] = ['anonymous', 'owner', 'otherSponsor', 'party', 'otherInfluencer', 'admin']

// Every endpoint against every kind of caller, with other users' ids. A private campaign is
// used so that "not yours" must read as absent (404), not as forbidden.
describe('authorization matrix', () => {
  const as = {} as Record<Actor, Client | ReturnType<typeof anonymous>>
  let campaignId: number
  let requestId: number
  let partyId: number

  beforeAll(async () => {
    const owner = await newUser('sponsor')
    const party = await newUser('influencer')
    Object.assign(as, {
      anonymous: anonymous(), owner, otherSponsor: await newUser('sponsor'), party,
      otherInfluencer: await newUser('influencer'), admin: await loginAs('admin'),
    })
    campaignId = (await liveCampaign(owner, { visibility: 'private' })).id
    const invite = await owner.post('/api/ad-requests', { campaignId, influencerId: party.user.id, requirements: 'One reel', paymentAmount: 10_000 })
    requestId = invite.body.id
    partyId = party.user.id
  })

  const cases: [string, (a: Actor) => Promise<number>, Record<Actor, number>][] = [
    ['GET /api/campaigns/:id', a => as[a].get(`/api/campaigns/${campaignId}`).then(r => r.status),
      { anonymous: 404, owner: 200, otherSponsor: 404, party: 200, otherInfluencer: 404, admin: 200 }],
    ['PATCH /api/campaigns/:id', a => as[a].patch(`/api/campaigns/${campaignId}`, { goals: `Edited by ${a}` }).then(r => r.status),
      { anonymous: 401, owner: 200, otherSponsor: 404, party: 403, otherInfluencer: 403, admin: 403 }],
    ['GET /api/campaigns/:id/recommendations', a => as[a].get(`/api/campaigns/${campaignId}/recommendations`).then(r => r.status),
      { anonymous: 401, owner: 200, otherSponsor: 404, party: 403, otherInfluencer: 403, admin: 200 }],
    ['GET /api/campaigns/recommended', a => as[a].get('/api/campaigns/recommended').then(r => r.status),
      { anonymous: 401, owner: 403, otherSponsor: 403, party: 200, otherInfluencer: 200, admin: 403 }],
    ['GET /api/ad-requests', a => as[a].get('/api/ad-requests').then(r => r.status),
      { anonymous: 401, owner: 200, otherSponsor: 200, party: 200, otherInfluencer: 200, admin: 200 }],
    ['GET /api/ad-requests/:id', a => as[a].get(`/api/ad-requests/${requestId}`).then(r => r.status),
      { anonymous: 401, owner: 200, otherSponsor: 404, party: 200, otherInfluencer: 404, admin: 200 }],
    ['POST /api/ad-requests (invite or apply on the private campaign)', a => as[a].post('/api/ad-requests', { campaignId, influencerId: a.endsWith('Influencer') || a === 'party' ? undefined : partyId, requirements: 'Another', paymentAmount: 1_000 }).then(r => r.status),
      { anonymous: 401, owner: 409, otherSponsor: 404, party: 403, otherInfluencer: 404, admin: 403 }],
    ['POST /api/ad-requests/:id/reject by outsiders', a => as[a].post(`/api/ad-requests/${requestId}/reject`, {}).then(r => r.status),
      { anonymous: 401, owner: 409, otherSponsor: 404, party: 200, otherInfluencer: 404, admin: 403 }],
    ['GET /api/influencers', a => as[a].get('/api/influencers').then(r => r.status),
      { anonymous: 401, owner: 200, otherSponsor: 200, party: 403, otherInfluencer: 403, admin: 200 }],
    ['GET /api/influencers/:id', a => as[a].get(`/api/influencers/${partyId}`).then(r => r.status),
      { anonymous: 401, owner: 200, otherSponsor: 200, party: 200, otherInfluencer: 200, admin: 200 }],
    ['PATCH /api/me/profile', a => as[a].patch('/api/me/profile', { bio: `I am ${a}` }).then(r => r.status),
      { anonymous: 401, owner: 200, otherSponsor: 200, party: 200, otherInfluencer: 200, admin: 200 }],
    ['GET /api/me/summary', a => as[a].get('/api/me/summary').then(r => r.status),
      { anonymous: 401, owner: 200, otherSponsor: 200, party: 200, otherInfluencer: 200, admin: 403 }],
    ['GET /api/notifications', a => as[a].get('/api/notifications').then(r => r.status),
      { anonymous: 401, owner: 200, otherSponsor: 200, party: 200, otherInfluencer: 200, admin: 200 }],
    ['POST /api/notifications/read', a => as[a].post('/api/notifications/read', { all: true }).then(r => r.status),
      { anonymous: 401, owner: 200, otherSponsor: 200, party: 200, otherInfluencer: 200, admin: 200 }],
    ['GET /api/admin/stats', a => as[a].get('/api/admin/stats').then(r => r.status),
      { anonymous: 401, owner: 403, otherSponsor: 403, party: 403, otherInfluencer: 403, admin: 200 }],
    ['GET /api/admin/users', a => as[a].get('/api/admin/users').then(r => r.status),
      { anonymous: 401, owner: 403, otherSponsor: 403, party: 403, otherInfluencer: 403, admin: 200 }],
    ['PATCH /api/admin/users/:id', a => as[a].patch(`/api/admin/users/${partyId}`, { flagged: false }).then(r => r.status),
      { anonymous: 401, owner: 403, otherSponsor: 403, party: 403, otherInfluencer: 403, admin: 200 }],
    ['PATCH /api/admin/campaigns/:id', a => as[a].patch(`/api/admin/campaigns/${campaignId}`, { flagged: false }).then(r => r.status),
      { anonymous: 401, owner: 403, otherSponsor: 403, party: 403, otherInfluencer: 403, admin: 200 }],
    ['DELETE /api/campaigns/:id', a => as[a].delete(`/api/campaigns/${campaignId}`).then(r => r.status),
      { anonymous: 401, otherSponsor: 404, party: 403, otherInfluencer: 403, admin: 403, owner: 200 }],
  ]

  // Runs in order: the party's reject comes after every read of the open request, and the
  // owner's cancellation comes last.
  for (const [name, call, expected] of cases) {
    it(name, async () => {
      const order = name.startsWith('DELETE') ? [...ACTORS.filter(a => a !== 'owner'), 'owner' as const] : ACTORS
      const got: Partial<Record<Actor, number>> = {}
      for (const actor of order) got[actor] = await call(actor)
      expect(got).toEqual(expected)
    })
  }
})
