import { describe, expect, it } from 'vitest'
import { anonymous, liveCampaign, loginAs, newUser } from '../support/actors'
import type { Client } from '../support/actors'

/** A request from `sponsor` to `creator` on the campaign, accepted and completed, or rejected. */
async function deal(sponsor: Client, campaignId: number, creator: Client, end: 'completed' | 'rejected') {
  const invite = await sponsor.post('/api/ad-requests', { campaignId, influencerId: creator.user.id, requirements: 'One video', paymentAmount: 20_000 })
  expect(invite.status, JSON.stringify(invite.body)).toBe(201)
  const answer = await creator.post(`/api/ad-requests/${invite.body.id}/${end === 'rejected' ? 'reject' : 'accept'}`, {})
  expect(answer.status).toBe(200)
  if (end === 'completed') expect((await sponsor.post(`/api/ad-requests/${invite.body.id}/complete`, {})).status).toBe(200)
}

/**
 * Sets aside what earlier runs on this database left in `niche`: its creators are suspended and
 * its live campaigns flagged, so that what a test makes there is the whole field it ranks. For
 * tests that have a niche to themselves.
 */
async function claimNiche(niche: string) {
  const [scout, admin] = [await loginAs('acme'), await loginAs('admin')]
  const setAside = async (list: string, change: (id: number) => Promise<{ status: number }>) => {
    for (let round = 0; ; round++) {
      const left = (await scout.get(`${list}&pageSize=100`)).body.items
      if (!left.length) return
      expect(round, `${list} still lists what was set aside`).toBeLessThan(20)
      for (const { id } of left) expect((await change(id)).status).toBe(200)
    }
  }
  await setAside(`/api/influencers?niche=${niche}`, id => admin.patch(`/api/admin/users/${id}`, { status: 'suspended' }))
  await setAside(`/api/campaigns?niche=${niche}&status=live`, id => admin.patch(`/api/admin/campaigns/${id}`, { flagged: true, reason: 'Left by an earlier test run' }))
}

describe('influencer search', () => {
  it('finds influencers by words in their name, bio, niche or location, with filters and sorting', async () => {
    const tag = `zq${Math.random().toString(36).slice(2, 7)}`
    const a = await newUser('influencer', { profile: { niche: 'travel', audienceSize: 50_000, engagementRate: 6, location: 'Oslo, NO' } })
    const b = await newUser('influencer', { profile: { niche: 'travel', audienceSize: 500_000, engagementRate: 2, location: 'Rome, IT' } })
    for (const c of [a, b]) expect((await c.patch('/api/me/profile', { bio: `Backpacking ${tag} adventures` })).status).toBe(200)

    const sponsor = await loginAs('acme')
    const byWord = await sponsor.get(`/api/influencers?q=${tag}`)
    expect(byWord.body.items.map((i: any) => i.id).sort()).toEqual([a.user.id, b.user.id].sort())
    expect(byWord.body.items[0]).not.toHaveProperty('email')

    const engaged = await sponsor.get(`/api/influencers?q=${tag}&minEngagement=5`)
    expect(engaged.body.items.map((i: any) => i.id)).toEqual([a.user.id])
    const big = await sponsor.get(`/api/influencers?q=${tag}&minAudience=100000&maxAudience=1000000`)
    expect(big.body.items.map((i: any) => i.id)).toEqual([b.user.id])
    const oslo = await sponsor.get(`/api/influencers?q=${tag}&location=oslo`)
    expect(oslo.body.items.map((i: any) => i.id)).toEqual([a.user.id])
    const smallestFirst = await sponsor.get(`/api/influencers?q=${tag}&sort=audience_asc`)
    expect(smallestFirst.body.items.map((i: any) => i.id)).toEqual([a.user.id, b.user.id])

    const niche = await sponsor.get('/api/influencers?niche=fitness&pageSize=100')
    expect(niche.body.items.length).toBeGreaterThan(0)
    expect(niche.body.items.every((i: any) => i.niche === 'fitness')).toBe(true)

    const old = await sponsor.get(`/api/creators?q=${tag}`)
    expect(old.body).toEqual(byWord.body)
  })

  it('finds an influencer by the beginning of a word as typed, whatever letter it ends in', async () => {
    const tag = `zq${Math.random().toString(36).slice(2, 7)}`
    const gamer = await newUser('influencer')
    expect((await gamer.patch('/api/me/profile', { bio: `Streams ${tag}playstation classics and ${tag}cosy games` })).status).toBe(200)
    const sponsor = await loginAs('acme')
    // A stemmer would have made "…play" "…plai" and "…cosy" "…cosi", which begin no word here.
    for (const typed of [`${tag}play`, `${tag}playstation`, `${tag}cosy`, `${tag}co`]) {
      expect((await sponsor.get(`/api/influencers?q=${typed}`)).body.items.map((i: any) => i.id), typed).toEqual([gamer.user.id])
    }
  })

  it('gives every sort and page of a search the same count, and counts who joins or is suspended at once', async () => {
    const town = `zq${Math.random().toString(36).slice(2, 7)}`
    const where = (sort: string, page = 1) => `/api/influencers?location=${town}&minAudience=1000&sort=${sort}&pageSize=1&page=${page}`
    const sponsor = await loginAs('acme')
    const first = await newUser('influencer', { profile: { niche: 'food', audienceSize: 20_000, location: `${town}, NO` } })
    expect((await sponsor.get(where('audience_desc'))).body.total).toBe(1)

    const second = await newUser('influencer', { profile: { niche: 'food', audienceSize: 40_000, location: `${town}, NO` } })
    const newest = await sponsor.get(where('newest'))
    expect(newest.body.total).toBe(2)
    expect(newest.body.items.map((i: any) => i.id)).toEqual([second.user.id])
    const secondPage = await sponsor.get(where('audience_desc', 2))
    expect(secondPage.body.total).toBe(2)
    expect(secondPage.body.items.map((i: any) => i.id)).toEqual([first.user.id])

    const admin = await loginAs('admin')
    expect((await admin.patch(`/api/admin/users/${second.user.id}`, { status: 'suspended' })).status).toBe(200)
    for (const sort of ['audience_desc', 'newest', 'rate_asc']) {
      const after = await sponsor.get(where(sort))
      expect(after.body.total, sort).toBe(1)
      expect(after.body.items.map((i: any) => i.id), sort).toEqual([first.user.id])
    }
    expect((await admin.get(where('newest'))).body.total).toBe(2)

    // Under moderation is hidden as suspended is; back to active is found again.
    expect((await admin.patch(`/api/admin/users/${first.user.id}`, { flagged: true, reason: 'Bought followers' })).status).toBe(200)
    expect((await admin.patch(`/api/admin/users/${second.user.id}`, { status: 'active' })).status).toBe(200)
    for (const sort of ['audience_desc', 'newest', 'rate_asc']) {
      const after = await sponsor.get(where(sort))
      expect(after.body.total, sort).toBe(1)
      expect(after.body.items.map((i: any) => i.id), sort).toEqual([second.user.id])
    }
    expect((await admin.get(where('audience_desc'))).body.items.map((i: any) => i.id)).toEqual([second.user.id])
    expect((await admin.get(where('audience_desc'))).body.total).toBe(2)
  })

  it('lists the newest creators by the day they joined, whatever order their accounts were stored in', async () => {
    const admin = await loginAs('admin')
    const all: { username: string, memberSince: string }[] = []
    for (let page = 1; ; page++) {
      const res = await admin.get(`/api/influencers?sort=newest&pageSize=100&page=${page}`)
      expect(res.status).toBe(200)
      all.push(...res.body.items)
      if (all.length >= res.body.total) break
    }
    const joined = all.map(i => Date.parse(i.memberSince))
    expect(joined).toEqual([...joined].sort((a, b) => b - a))
    // Tom joined 30 days ago, Ana 45 days ago but was stored after him.
    const position = (username: string) => all.findIndex(i => i.username === username)
    expect(position('tom')).toBeGreaterThanOrEqual(0)
    expect(position('tom')).toBeLessThan(position('ana'))
  })

  it('rejects bad filters with the field named', async () => {
    const res = await (await loginAs('acme')).get('/api/influencers?minAudience=-1&niche=crypto')
    expect(res.status).toBe(400)
    expect(Object.keys(res.body.data.fields).sort()).toEqual(['minAudience', 'niche'])
  })
})

describe('matching', () => {
  it('ranks influencers for a campaign with a score and readable reasons', async () => {
    const sponsor = await newUser('sponsor')
    const c = await liveCampaign(sponsor, { niche: 'gaming', budget: 2_000_000 })
    const res = await sponsor.get(`/api/campaigns/${c.id}/recommendations`)
    expect(res.status).toBe(200)
    const [best] = res.body.items
    expect(best.influencer.niche).toBe('gaming')
    expect(best.score).toBeGreaterThan(50)
    expect(best.reasons[0]).toEqual({ kind: 'niche', tone: 'positive', text: 'Creates gaming content, the campaign\'s niche' })
    const scores = res.body.items.map((r: any) => r.score)
    expect(scores).toEqual([...scores].sort((x, y) => y - x))
  })

  it('recommends no creator who is suspended or under moderation, and recommends them again once cleared', async () => {
    // A niche no other test uses, and creators who fit the campaign best and are bigger than any
    // made before (the audience grows with the clock), so they lead its list whatever earlier runs left.
    const audienceSize = 1_000_000_000 + Math.floor(Date.now() / 1000) % 1_000_000_000
    const profile = { niche: 'art', audienceSize, engagementRate: 9, minimumRate: 10_000 }
    const [suspended, flagged, steady] = [await newUser('influencer', { profile }), await newUser('influencer', { profile }), await newUser('influencer', { profile })]
    const sponsor = await newUser('sponsor')
    const c = await liveCampaign(sponsor, { niche: 'art', budget: 1_000_000 })
    const recommended = async () => (await sponsor.get(`/api/campaigns/${c.id}/recommendations`)).body.items.map((r: any) => r.influencer.id)
    expect(await recommended()).toEqual(expect.arrayContaining([suspended.user.id, flagged.user.id, steady.user.id]))

    const admin = await loginAs('admin')
    expect((await admin.patch(`/api/admin/users/${suspended.user.id}`, { status: 'suspended' })).status).toBe(200)
    expect((await admin.patch(`/api/admin/users/${flagged.user.id}`, { flagged: true, reason: 'Bought followers' })).status).toBe(200)
    const during = await recommended()
    expect(during).toContain(steady.user.id)
    expect(during).not.toContain(suspended.user.id)
    expect(during).not.toContain(flagged.user.id)

    expect((await admin.patch(`/api/admin/users/${suspended.user.id}`, { status: 'active' })).status).toBe(200)
    expect((await admin.patch(`/api/admin/users/${flagged.user.id}`, { flagged: false })).status).toBe(200)
    expect(await recommended()).toEqual(expect.arrayContaining([suspended.user.id, flagged.user.id, steady.user.id]))
  })

  it('ranks live public campaigns for an influencer, leaving out those it already has a request on', async () => {
    const mia = await loginAs('mia')
    const res = await mia.get('/api/campaigns/recommended')
    expect(res.status).toBe(200)
    expect(res.body.items.length).toBeGreaterThan(0)
    for (const r of res.body.items) {
      expect(['active', 'scheduled']).toContain(r.campaign.status)
      expect(r.reasons.length).toBeGreaterThan(0)
      for (const reason of r.reasons) expect(['positive', 'negative', 'neutral']).toContain(reason.tone)
    }
    const mine = (await mia.get('/api/ad-requests?pageSize=100')).body.items.map((r: any) => r.campaignId)
    expect(res.body.items.some((r: any) => mine.includes(r.campaign.id))).toBe(false)
  })
})

describe('match reasons from the real deal history', () => {
  const trackRecord = (reasons: { kind: string }[]) => reasons.filter(r => r.kind === 'history' || r.kind === 'brand')

  it('counts completed deals, names work with the same brand, and calls new only who has no deal, on both sides', async () => {
    // A niche no other test uses, and creators who fit the campaigns' budget exactly, so that
    // they are the ones recommended.
    await claimNiche('pets')
    const profile = { niche: 'pets', audienceSize: 1_000_000, engagementRate: 8, minimumRate: 10_000 }
    const [brand, otherBrand, newBrand] = [await newUser('sponsor'), await newUser('sponsor'), await newUser('sponsor')]
    const [veteran, declined, newcomer] = [await newUser('influencer', { profile }), await newUser('influencer', { profile }), await newUser('influencer', { profile })]
    const pets = { niche: 'pets', budget: 1_000_000 }
    const earlier = await liveCampaign(brand, pets)
    await deal(brand, earlier.id, veteran, 'completed')
    await deal(otherBrand, (await liveCampaign(otherBrand, pets)).id, veteran, 'completed')
    await deal(brand, earlier.id, declined, 'rejected')

    // The brand's next campaign ranks its candidates on what really happened.
    const next = await liveCampaign(brand, pets)
    const ranked = (await brand.get(`/api/campaigns/${next.id}/recommendations`)).body.items
    const forBrand = (creator: Client) => ranked.find((r: any) => r.influencer.id === creator.user.id)
    expect(trackRecord(forBrand(veteran).reasons)).toEqual([
      { kind: 'history', tone: 'positive', text: 'Completed 2 deals' },
      { kind: 'brand', tone: 'positive', text: 'Has completed 1 deal with this brand' },
    ])
    expect(trackRecord(forBrand(declined).reasons)).toEqual([
      { kind: 'history', tone: 'negative', text: 'No deals yet: 1 request rejected' },
      { kind: 'brand', tone: 'negative', text: '1 earlier request with this brand ended in rejection' },
    ])
    expect(trackRecord(forBrand(newcomer).reasons)).toEqual([{ kind: 'history', tone: 'neutral', text: 'New on Influencia: no deals yet' }])
    expect([forBrand(veteran).score, forBrand(newcomer).score, forBrand(declined).score]).toEqual([100, 93, 85])
    const completedDeals = async (creator: Client) => (await brand.get(`/api/influencers/${creator.user.id}`)).body.completedDeals
    expect([await completedDeals(veteran), await completedDeals(declined), await completedDeals(newcomer)]).toEqual([2, 0, 0])

    // Each creator's own list of campaigns says the same of that brand, and nothing of a new one.
    const unknown = await liveCampaign(newBrand, pets)
    for (const creator of [veteran, declined, newcomer]) {
      const items = (await creator.get('/api/campaigns/recommended')).body.items
      const forCampaign = (id: number) => trackRecord(items.find((r: any) => r.campaign.id === id).reasons)
      const seenByBrand = trackRecord(forBrand(creator).reasons)
      expect(forCampaign(next.id)).toEqual(seenByBrand)
      expect(forCampaign(unknown.id)).toEqual(seenByBrand.filter(r => r.kind === 'history'))
    }
  })
})

describe('recommendations kept between requests', () => {
  it('show a deal made or ended elsewhere at once, and leave out whom the brand has just invited', async () => {
    // Every creator here fits the budget exactly, in a niche no other test uses, so all of them
    // are among the recommended.
    await claimNiche('automotive')
    const profile = { niche: 'automotive', audienceSize: 1_000_000, engagementRate: 8, minimumRate: 10_000 }
    const [brand, otherBrand] = [await newUser('sponsor'), await newUser('sponsor')]
    const [steady, invited] = [await newUser('influencer', { profile }), await newUser('influencer', { profile })]
    const campaign = await liveCampaign(brand, { niche: 'automotive', budget: 1_000_000 })
    const recommended = async () => {
      const res = await brand.get(`/api/campaigns/${campaign.id}/recommendations`)
      expect(res.status).toBe(200)
      return new Map(res.body.items.map((r: any) => [r.influencer.id, r]))
    }
    const historyOf = (item: any) => item.reasons.find((r: any) => r.kind === 'history').text
    expect(historyOf((await recommended()).get(steady.user.id))).toBe('New on Influencia: no deals yet')

    // A deal with another brand changes the track record the kept candidates carry.
    await deal(otherBrand, (await liveCampaign(otherBrand, { niche: 'automotive', budget: 1_000_000 })).id, steady, 'completed')
    expect(historyOf((await recommended()).get(steady.user.id))).toBe('Completed 1 deal')

    // An invitation is not a deal, yet the invited creator is no longer one to suggest.
    const invite = await brand.post('/api/ad-requests', { campaignId: campaign.id, influencerId: invited.user.id, requirements: 'One video', paymentAmount: 20_000 })
    expect(invite.status).toBe(201)
    const after = await recommended()
    expect(after.has(invited.user.id)).toBe(false)
    expect(after.has(steady.user.id)).toBe(true)
  })
})

describe('admin moderation', () => {
  it('finds users by the beginnings of the words of their username, e-mail address or display name', async () => {
    const creator = await newUser('influencer')
    const word = `quill${creator.user.username.split('_')[1]}`
    expect((await creator.patch('/api/me/profile', { displayName: `${word} Marlowe-Vance` })).status).toBe(200)
    const admin = await loginAs('admin')
    const found = async (q: string) => (await admin.get(`/api/admin/users?q=${encodeURIComponent(q)}`)).body.items.map((u: any) => u.id)

    expect(await found(word.toUpperCase().slice(0, -2))).toEqual([creator.user.id])
    expect(await found(`vance ${word}`)).toEqual([creator.user.id])
    expect(await found(creator.email)).toEqual([creator.user.id])
    expect(await found(creator.user.username)).toEqual([creator.user.id])
    // Every word must begin a word of theirs.
    expect(await found(word.slice(2))).toEqual([])
    expect(await found(`${word} nobody`)).toEqual([])

    expect((await creator.patch('/api/me/profile', { displayName: `re${word}` })).status).toBe(200)
    expect(await found(word)).toEqual([])
    expect(await found(`re${word}`)).toEqual([creator.user.id])
  })

  it('approves a pending sponsor, who can then publish', async () => {
    const pending = await newUser('sponsor', { pending: true })
    const admin = await loginAs('admin')
    const list = await admin.get(`/api/admin/users?status=pending&q=${pending.user.username}`)
    expect(list.body.items.map((u: any) => u.id)).toEqual([pending.user.id])
    expect((await admin.patch(`/api/admin/users/${pending.user.id}`, { status: 'active' })).body.status).toBe('active')
    expect((await liveCampaign(pending)).status).toBe('active')
  })

  it('flags a campaign out of public lists and searches, and unflags it back', async () => {
    const sponsor = await newUser('sponsor')
    const tag = `fl${Math.random().toString(36).slice(2, 7)}`
    const c = await liveCampaign(sponsor, { title: `Flag ${tag} test` })
    const admin = await loginAs('admin')
    expect((await anonymous().get(`/api/campaigns?q=${tag}`)).body.total).toBe(1)

    const flagged = await admin.patch(`/api/admin/campaigns/${c.id}`, { flagged: true, reason: 'Misleading health claims' })
    expect(flagged.body).toMatchObject({ flagged: true, flagReason: 'Misleading health claims' })
    expect((await anonymous().get(`/api/campaigns?q=${tag}`)).body.total).toBe(0)
    expect((await (await loginAs('mia')).get(`/api/campaigns?q=${tag}`)).body.total).toBe(0)
    expect((await admin.get('/api/campaigns?flagged=true&pageSize=100')).body.items.map((x: any) => x.id)).toContain(c.id)

    const missingReason = await admin.patch(`/api/admin/campaigns/${c.id}`, { flagged: true })
    expect(missingReason.status).toBe(400)
    expect(missingReason.body.data.fields).toHaveProperty('reason')

    await admin.patch(`/api/admin/campaigns/${c.id}`, { flagged: false })
    expect((await anonymous().get(`/api/campaigns?q=${tag}`)).body.total).toBe(1)
    const unflagged = (await sponsor.get(`/api/campaigns/${c.id}`)).body
    expect(unflagged.flagged).toBe(false)
    expect(unflagged).not.toHaveProperty('flagReason')
  })

  it('takes no new requests on a campaign under review, while its deals stay visible to their parties', async () => {
    const sponsor = await newUser('sponsor')
    const [party, newcomer] = [await newUser('influencer'), await newUser('influencer')]
    const c = await liveCampaign(sponsor)
    const deal = (await sponsor.post('/api/ad-requests', { campaignId: c.id, influencerId: party.user.id, requirements: 'Post', paymentAmount: 10_000 })).body
    const admin = await loginAs('admin')
    expect((await admin.patch(`/api/admin/campaigns/${c.id}`, { flagged: true, reason: 'Misleading claims' })).status).toBe(200)

    // Whoever still sees the campaign is told it is under review; only its brand and admins why.
    for (const insider of [sponsor, admin]) {
      expect((await insider.get(`/api/campaigns/${c.id}`)).body).toMatchObject({ flagged: true, flagReason: 'Misleading claims' })
    }
    const seenByParty = (await party.get(`/api/campaigns/${c.id}`)).body
    expect(seenByParty.flagged).toBe(true)
    expect(seenByParty).not.toHaveProperty('flagReason')

    const invite = await sponsor.post('/api/ad-requests', { campaignId: c.id, influencerId: newcomer.user.id, requirements: 'Post', paymentAmount: 10_000 })
    expect(invite.status).toBe(409)
    expect(invite.body.message).toMatch(/under review/)
    expect((await newcomer.post('/api/ad-requests', { campaignId: c.id, requirements: 'Post', paymentAmount: 10_000 })).status).toBe(404)
    expect((await party.get(`/api/ad-requests/${deal.id}`)).body.status).toBe('pending')
    const stored = (await admin.get(`/api/ad-requests?campaignId=${c.id}`)).body
    expect(stored.total).toBe(1)
  })

  it('reports platform statistics that move with what happens', async () => {
    const admin = await loginAs('admin')
    const before = (await admin.get('/api/admin/stats')).body
    expect(before.users.byRole).toEqual(expect.objectContaining({ admin: 1 }))
    expect(before.signups).toHaveLength(30)
    expect(before.requestsOverTime).toHaveLength(30)

    const sponsor = await newUser('sponsor')
    const creator = await newUser('influencer')
    const c = await liveCampaign(sponsor)
    const req = (await sponsor.post('/api/ad-requests', { campaignId: c.id, influencerId: creator.user.id, requirements: 'Post', paymentAmount: 12_300 })).body
    await creator.post(`/api/ad-requests/${req.id}/accept`, {})

    const after = (await admin.get('/api/admin/stats')).body
    expect(after.users.total).toBe(before.users.total + 2)
    expect(after.money.committed - before.money.committed).toBe(12_300)
    expect(after.adRequests.byStatus.accepted).toBe((before.adRequests.byStatus.accepted ?? 0) + 1)
    expect(after.signups.at(-1).influencers).toBeGreaterThanOrEqual(before.signups.at(-1).influencers + 1)
  })
})

describe('own profile', () => {
  it('updates account and role fields, checked by the role\'s schema', async () => {
    const creator = await newUser('influencer')
    const ok = await creator.patch('/api/me/profile', { displayName: 'New Name', profile: { audienceSize: 99_000, location: 'Lima, PE' } })
    expect(ok.body).toMatchObject({ displayName: 'New Name', profile: { audienceSize: 99_000, location: 'Lima, PE', niche: 'fitness' } })
    const sponsorField = await creator.patch('/api/me/profile', { profile: { budget: 5 } })
    expect(sponsorField.status).toBe(400)
    const bad = await creator.patch('/api/me/profile', { profile: { audienceSize: -3 } })
    expect(bad.body.data.fields).toEqual({ 'profile.audienceSize': 'Enter a number from 0 to 2,000,000,000' })
  })

  it('gives each role the profile it can send back as it is, as the profile page does', async () => {
    for (const role of ['influencer', 'sponsor'] as const) {
      const user = await newUser(role)
      const { profile } = (await user.get('/api/auth/me')).body
      const saved = await user.patch('/api/me/profile', { displayName: 'Same Profile', profile })
      expect(saved.status, role).toBe(200)
      expect(saved.body.profile, role).toEqual(profile)
    }
  })
})
