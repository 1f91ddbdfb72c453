import { databaseAt } from '../tests/support/database'

/** How many sponsors and influencers act in the writes (each logs in once, before the scenarios). */
const ACTING_SPONSORS = 16
const ACTING_INFLUENCERS = 30
/** What an invitation or an application offers, in cents: small enough to fit any budget left. */
export const OFFER_CENTS = 10_000

/** A write on a request of the seeded data, by the party whose turn it is. */
export interface RequestWrite { id: number, actor: string, amount: number }
/** A new request: a sponsor's invitation (influencerId set) or an influencer's application. */
export interface NewRequest { campaignId: number, influencerId?: number, actor: string }

/** The accounts, pages and write targets the scenarios use, read from the seeded data. */
export interface Data {
  /** The busiest of each kind: the reads of one user. */
  sponsor: string
  influencer: string
  /** An active campaign of that sponsor, for its recommendations. */
  campaignId: number
  /** Public campaigns' slugs, in a fixed shuffled order: campaign pages never asked for before. */
  slugs: string[]
  /** Words from campaign titles, for text searches. */
  words: string[]
  /** How many campaigns the public sees, in all and by niche: the last pages of its lists. */
  publicCampaigns: number
  publicByNiche: Record<string, number>
  /** How many ad requests there are: the last pages of the admin's list. */
  adRequests: number
  /** Accounts that log in during the logins scenario, each once. */
  loginNames: string[]
  /** Campaigns of the acting sponsors, with their owner: recommendations never asked for. */
  sponsorCampaigns: { id: number, sponsor: string }[]
  counters: RequestWrite[]
  accepts: RequestWrite[]
  invites: NewRequest[]
  applications: NewRequest[]
  /** Everyone who acts in a scenario, to log in before they start. */
  actors: string[]
}

/** The same order on every run: a scenario takes the same targets from the same data. */
export function shuffled<T>(items: T[], seed = 20261130): T[] {
  const out = [...items]
  let state = seed
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}

// Dates are ISO text on both databases; tomorrow is written in, as the ids below are: values the
// benchmark made itself, so the queries stay plain SQL that SQLite and PostgreSQL both read.
const TOMORROW = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)
const LIVE = `c.status in ('scheduled', 'active') and c.flagged = false and c.end_date > '${TOMORROW}'`
const OPEN_REQUEST = `('pending', 'negotiating', 'accepted')`

/** Reads the fixtures from a seeded database: an SQLite file or a `postgres://` URL. */
export async function readData(location: string): Promise<Data> {
  const db = databaseAt(location)
  const all = <T>(query: string, ...params: unknown[]) => db.rows<T>(query, ...params)
  const one = async <T>(query: string, ...params: unknown[]) => (await db.rows<T>(query, ...params))[0]!

  const sponsor = await one<{ username: string, id: number }>(`select u.username, u.id from campaigns c join users u on u.id = c.sponsor_id
    where u.status = 'active' group by u.id order by count(*) desc limit 1`)
  const campaign = await one<{ id: number }>(`select id from campaigns where sponsor_id = ? and status = 'active' order by id limit 1`, sponsor.id)
  const influencer = await one<{ username: string }>(`select u.username from ad_requests r join users u on u.id = r.influencer_id
    where u.status = 'active' group by u.id order by count(*) desc limit 1`)
  const publicWhere = `visibility = 'public' and flagged = false and status in ('scheduled', 'active', 'paused', 'completed')`
  const slugs = shuffled((await all<{ slug: string }>(`select slug from campaigns where ${publicWhere}`)).map(r => r.slug))
  const words = (await all<{ title: string }>(`select title from campaigns order by id limit 400`))
    .map(r => r.title.split(/\s+/)[0]!.toLowerCase().replace(/[^a-z]/g, '')).filter(w => w.length > 3)
  const loginNames = (await all<{ username: string }>(`select username from users where role = 'influencer' and status = 'active'
    and email like '%@bulk.example' order by id desc limit 2000`)).map(r => r.username)

  // The sponsors and influencers with the most offers waiting for their answer act in the writes.
  const waiting = (side: 'influencer' | 'sponsor') => `r.status in ('pending', 'negotiating') and r.last_offer_by = '${side}' and ${LIVE}`
  const actingSponsors = await all<{ id: number, username: string }>(`select u.id, u.username from ad_requests r
    join campaigns c on c.id = r.campaign_id join users u on u.id = c.sponsor_id and u.status = 'active'
    where ${waiting('influencer')} group by u.id order by count(*) desc, u.id limit ?`, ACTING_SPONSORS)
  const actingInfluencers = await all<{ id: number, username: string }>(`select u.id, u.username from ad_requests r
    join campaigns c on c.id = r.campaign_id join users u on u.id = r.influencer_id and u.status = 'active'
    where ${waiting('sponsor')} group by u.id order by count(*) desc, u.id limit ?`, ACTING_INFLUENCERS)
  const sponsorName = new Map(actingSponsors.map(s => [s.id, s.username]))
  const influencerName = new Map(actingInfluencers.map(i => [i.id, i.username]))
  const ids = (rows: { id: number }[]) => rows.length ? rows.map(r => Number(r.id)).join(', ') : 'null'

  const sponsorCampaigns = shuffled(await all<{ id: number, sponsorId: number }>(`select id, sponsor_id as "sponsorId" from campaigns
    where sponsor_id in (${ids(actingSponsors)}) and status in ('scheduled', 'active', 'paused')`))
    .map(c => ({ id: c.id, sponsor: sponsorName.get(c.sponsorId)! }))

  // What each live campaign can still commit. Accepts are chosen first and reserve their amount,
  // so that no write of any scenario, in any order, meets an exhausted budget.
  const remaining = new Map((await all<{ id: number, left: number }>(`select c.id, c.budget - coalesce((select sum(r.payment_amount)
    from ad_requests r where r.campaign_id = c.id and r.status in ('accepted', 'completed')), 0) as "left" from campaigns c where ${LIVE}`))
    .map(r => [r.id, r.left]))
  const offers = shuffled(await all<{ id: number, campaignId: number, amount: number, lastOfferBy: 'sponsor' | 'influencer', sponsorId: number, influencerId: number }>(`
    select r.id, r.campaign_id as "campaignId", r.payment_amount as amount, r.last_offer_by as "lastOfferBy", c.sponsor_id as "sponsorId", r.influencer_id as "influencerId"
    from ad_requests r join campaigns c on c.id = r.campaign_id
    where r.status in ('pending', 'negotiating') and ${LIVE} and (
      (r.last_offer_by = 'influencer' and c.sponsor_id in (${ids(actingSponsors)}))
      or (r.last_offer_by = 'sponsor' and r.influencer_id in (${ids(actingInfluencers)})))`))
  const accepts: RequestWrite[] = []
  const counterCandidates: typeof offers = []
  let sponsorAnswers = 0
  for (const offer of offers) {
    const sponsorAnswering = offer.lastOfferBy === 'influencer'
    // Every other offer a sponsor answers is countered rather than accepted: both scenarios get targets.
    if (sponsorAnswering && sponsorAnswers++ % 2 === 0) {
      counterCandidates.push(offer)
      continue
    }
    const actor = sponsorAnswering ? sponsorName.get(offer.sponsorId)! : influencerName.get(offer.influencerId)!
    const left = remaining.get(offer.campaignId) ?? 0
    if (offer.amount <= left) {
      accepts.push({ id: offer.id, actor, amount: offer.amount })
      remaining.set(offer.campaignId, left - offer.amount)
    }
  }
  const counters: RequestWrite[] = counterCandidates.map(o => ({ id: o.id, actor: sponsorName.get(o.sponsorId)!, amount: Math.floor(o.amount * 0.9 / 100) * 100 }))
    .filter((c, i) => c.amount >= 100 && c.amount < counterCandidates[i]!.amount && c.amount <= (remaining.get(counterCandidates[i]!.campaignId) ?? 0))

  // New requests go where no request is open between the two and the budget left takes the offer.
  const taken = new Set((await all<{ pair: string }>(`select r.campaign_id || ':' || r.influencer_id as pair from ad_requests r
    where r.status in ${OPEN_REQUEST} and r.influencer_id in (${ids(actingInfluencers)})`)).map(r => r.pair))
  const fits = (campaignId: number) => (remaining.get(campaignId) ?? 0) >= OFFER_CENTS
  const invites: NewRequest[] = []
  for (const c of await all<{ id: number, sponsorId: number }>(`select c.id, c.sponsor_id as "sponsorId" from campaigns c
    where c.sponsor_id in (${ids(actingSponsors)}) and ${LIVE}`)) {
    if (!fits(c.id)) continue
    for (const i of actingInfluencers) {
      const pair = `${c.id}:${i.id}`
      if (taken.has(pair)) continue
      taken.add(pair)
      invites.push({ campaignId: c.id, influencerId: i.id, actor: sponsorName.get(c.sponsorId)! })
    }
  }
  const applications: NewRequest[] = []
  const publicLive = await all<{ id: number }>(`select c.id from campaigns c where c.visibility = 'public' and ${LIVE} order by c.id`)
  for (const [n, i] of actingInfluencers.entries()) {
    // Each influencer applies to a different stretch of the campaigns: the load spreads over many.
    for (let k = 0; k < 40; k++) {
      const c = publicLive[(n * 40 + k) % publicLive.length]
      if (!c || !fits(c.id)) continue
      const pair = `${c.id}:${i.id}`
      if (taken.has(pair)) continue
      taken.add(pair)
      applications.push({ campaignId: c.id, actor: i.username })
    }
  }

  const publicCampaigns = (await one<{ n: number }>(`select count(*) as n from campaigns where ${publicWhere}`)).n
  const adRequests = (await one<{ n: number }>('select count(*) as n from ad_requests')).n
  const publicByNiche = Object.fromEntries((await all<{ niche: string, n: number }>(`select niche, count(*) as n from campaigns
    where ${publicWhere} group by niche`)).map(r => [r.niche, r.n]))
  return {
    sponsor: sponsor.username, influencer: influencer.username, campaignId: campaign.id, slugs, words: [...new Set(words)],
    publicCampaigns, publicByNiche, adRequests, loginNames, sponsorCampaigns,
    counters: shuffled(counters), accepts: shuffled(accepts), invites: shuffled(invites), applications: shuffled(applications),
    actors: [...new Set([sponsor.username, influencer.username, ...actingSponsors.map(s => s.username), ...actingInfluencers.map(i => i.username)])],
  }
}
