import bcrypt from 'bcryptjs'
import { eq } from 'drizzle-orm'
import type { Db } from '../client'
import { writeTransaction } from '../client'
import { adRequestEvents, adRequests, campaigns, flags, influencerProfiles, notifications, sponsorProfiles, users } from '../schema'
import type { AdRequestParty, CampaignStatus, CampaignVisibility, Niche, Platform } from '#shared/constants'
import { notificationsFor } from '#shared/events'
import type { AdRequestEventType, DomainEvent } from '#shared/events'
import { dayOffset, daysAgo, slugify } from './helpers'
import { recountTrackRecords } from './track-records'

/** Every demo account but the admin logs in with this password. */
export const DEMO_PASSWORD = 'demo-password'
/** The admin's password in development when NUXT_ADMIN_PASSWORD is not set. */
export const DEV_ADMIN_PASSWORD = 'admin-password'

// A brand has one name: its display name is its company name. `joined`: days ago.
const SPONSORS = [
  { username: 'acme', company: 'Acme Outdoor', sector: 'Outdoor gear', website: 'https://acme-outdoor.example', budget: 25_000_00, status: 'active', joined: 150 },
  { username: 'glowlab', company: 'GlowLab', sector: 'Beauty', website: 'https://glowlab.example', budget: 40_000_00, status: 'active', joined: 120 },
  { username: 'bytebrew', company: 'ByteBrew', sector: 'Food & drink', website: 'https://bytebrew.example', budget: 12_000_00, status: 'active', joined: 100 },
  { username: 'novabank', company: 'Nova Bank', sector: 'Finance', website: 'https://novabank.example', budget: 60_000_00, status: 'pending', joined: 3 },
] as const

const INFLUENCERS: { username: string, displayName: string, niche: Niche, audience: number, engagement: number, location: string, minimumRate: number, platforms: [Platform, string][], bio: string, joined: number }[] = [
  { username: 'mia', displayName: 'Mia Fit', niche: 'fitness', audience: 182_000, engagement: 4.8, location: 'Berlin, DE', minimumRate: 450_00, platforms: [['instagram', '@miafit'], ['youtube', 'MiaFitTV']], bio: 'Strength training, trail runs and honest gear reviews.', joined: 140 },
  { username: 'leo', displayName: 'Leo Codes', niche: 'tech', audience: 96_000, engagement: 6.1, location: 'Lisbon, PT', minimumRate: 300_00, platforms: [['youtube', 'LeoCodes'], ['x', '@leocodes']], bio: 'Gadgets, desk setups and developer tools, explained calmly.', joined: 120 },
  { username: 'sofia', displayName: 'Sofia Glow', niche: 'beauty', audience: 410_000, engagement: 3.2, location: 'Madrid, ES', minimumRate: 900_00, platforms: [['instagram', '@sofiaglow'], ['tiktok', '@sofiaglow']], bio: 'Skincare routines for real skin.', joined: 110 },
  { username: 'kai', displayName: 'Kai Wander', niche: 'travel', audience: 250_000, engagement: 3.9, location: 'Auckland, NZ', minimumRate: 700_00, platforms: [['instagram', '@kaiwander'], ['youtube', 'KaiWander']], bio: 'Slow travel and long hikes on five continents.', joined: 100 },
  { username: 'nina', displayName: 'Nina Eats', niche: 'food', audience: 64_000, engagement: 7.4, location: 'Lyon, FR', minimumRate: 200_00, platforms: [['tiktok', '@ninaeats'], ['blog', 'ninaeats.example']], bio: 'Weeknight recipes and the best coffee in town.', joined: 95 },
  { username: 'omar', displayName: 'Omar Plays', niche: 'gaming', audience: 520_000, engagement: 2.9, location: 'Cairo, EG', minimumRate: 1_200_00, platforms: [['twitch', 'omarplays'], ['youtube', 'OmarPlays']], bio: 'Strategy games, speedruns and late-night streams.', joined: 80 },
  { username: 'zoe', displayName: 'Zoe Style', niche: 'fashion', audience: 133_000, engagement: 5.0, location: 'Milan, IT', minimumRate: 500_00, platforms: [['instagram', '@zoestyle']], bio: 'Capsule wardrobes and second-hand finds.', joined: 70 },
  { username: 'ravi', displayName: 'Ravi Money', niche: 'finance', audience: 88_000, engagement: 4.1, location: 'London, UK', minimumRate: 400_00, platforms: [['youtube', 'RaviMoney'], ['podcast', 'Money Minutes']], bio: 'Personal finance without the jargon.', joined: 60 },
  { username: 'emma', displayName: 'Emma & Kids', niche: 'parenting', audience: 45_000, engagement: 8.2, location: 'Dublin, IE', minimumRate: 150_00, platforms: [['instagram', '@emmaandkids']], bio: 'Family life, outdoor weekends and kid-tested products.', joined: 50 },
  { username: 'jules', displayName: 'Jules Beats', niche: 'music', audience: 210_000, engagement: 3.6, location: 'Paris, FR', minimumRate: 600_00, platforms: [['tiktok', '@julesbeats'], ['youtube', 'JulesBeats']], bio: 'Producer. Beats, gear and studio diaries.', joined: 40 },
  { username: 'tom', displayName: 'Tom Trails', niche: 'sports', audience: 72_000, engagement: 5.7, location: 'Denver, US', minimumRate: 250_00, platforms: [['youtube', 'TomTrails'], ['instagram', '@tomtrails']], bio: 'Ultrarunning and mountain biking.', joined: 30 },
  { username: 'ana', displayName: 'Ana Everyday', niche: 'lifestyle', audience: 158_000, engagement: 4.4, location: 'Porto, PT', minimumRate: 350_00, platforms: [['instagram', '@anaeveryday'], ['tiktok', '@anaeveryday']], bio: 'Home, habits and small joys.', joined: 45 },
]

interface CampaignSeed {
  sponsor: string
  title: string
  niche: Niche
  status: CampaignStatus
  visibility: CampaignVisibility
  budget: number
  /** Start and end dates, in days from today. */
  start: number
  end: number
  /** When it was created and last changed (published, paused, completed…), in days ago. */
  created: number
  updated: number
  flagged?: boolean
  description: string
  goals: string
}

const CAMPAIGNS: CampaignSeed[] = [
  { sponsor: 'acme', title: 'Summer Trail Gear Launch', niche: 'fitness', status: 'active', visibility: 'public', budget: 8_000_00, start: -10, end: 40, created: 14, updated: 10, description: 'Show our new ultralight trail pack on a real run or hike.', goals: 'Reach 500k outdoor enthusiasts; 2 posts and 1 story per creator.' },
  { sponsor: 'acme', title: 'Winter Camping Essentials', niche: 'travel', status: 'scheduled', visibility: 'public', budget: 6_000_00, start: 20, end: 80, created: 5, updated: 5, description: 'Cold-weather camping with the Acme Polar tent and sleeping system.', goals: 'Long-form video reviews from trips below freezing.' },
  { sponsor: 'acme', title: 'Trail Running Ambassadors', niche: 'sports', status: 'active', visibility: 'private', budget: 5_000_00, start: -30, end: 60, created: 35, updated: 30, description: 'A three-month ambassador programme for trail runners.', goals: 'Monthly training content featuring Acme shoes.' },
  { sponsor: 'acme', title: 'Spring Hiking Collection', niche: 'travel', status: 'completed', visibility: 'public', budget: 4_000_00, start: -80, end: -20, created: 85, updated: 19, description: 'Spring hikes in the new breathable shell jackets.', goals: 'Photo sets from three hikes.' },
  { sponsor: 'acme', title: 'Family Campground Weekend', niche: 'parenting', status: 'draft', visibility: 'public', budget: 2_500_00, start: 30, end: 45, created: 2, updated: 2, description: 'Family-friendly camping with kid-sized gear.', goals: 'Relatable weekend vlogs.' },
  { sponsor: 'glowlab', title: 'Vitamin C Serum Reviews', niche: 'beauty', status: 'active', visibility: 'public', budget: 15_000_00, start: -5, end: 55, created: 9, updated: 5, description: 'Honest 4-week reviews of the GlowLab Vitamin C serum.', goals: 'Before/after content with routine breakdowns.' },
  { sponsor: 'glowlab', title: 'Clean Makeup Masterclass', niche: 'beauty', status: 'paused', visibility: 'public', budget: 9_000_00, start: -20, end: 30, created: 25, updated: 6, description: 'Tutorials built around our clean makeup line.', goals: 'Three tutorials per creator.' },
  { sponsor: 'glowlab', title: 'Runway Looks for Less', niche: 'fashion', status: 'active', visibility: 'public', budget: 7_000_00, start: -3, end: 27, created: 6, updated: 3, description: 'Recreate runway looks with GlowLab products.', goals: 'Reels and TikToks with shoppable links.' },
  { sponsor: 'glowlab', title: 'Holiday Gift Sets', niche: 'lifestyle', status: 'cancelled', visibility: 'private', budget: 3_000_00, start: -40, end: -10, created: 50, updated: 25, description: 'Gift-guide placements for our holiday sets.', goals: 'Gift guides in December.' },
  { sponsor: 'glowlab', title: 'Miracle Cream Giveaway', niche: 'beauty', status: 'active', visibility: 'public', budget: 2_000_00, start: -2, end: 20, created: 4, updated: 1, flagged: true, description: 'Win a year of Miracle Cream: it erases wrinkles in three days, guaranteed.', goals: 'A giveaway post and a before/after reel per creator.' },
  { sponsor: 'bytebrew', title: 'Cold Brew for Coders', niche: 'tech', status: 'active', visibility: 'public', budget: 4_000_00, start: -15, end: 45, created: 20, updated: 15, description: 'Desk-setup content featuring ByteBrew cold brew cans.', goals: 'Desk tours, stream overlays and a discount code.' },
  { sponsor: 'bytebrew', title: 'Morning Routine Series', niche: 'food', status: 'scheduled', visibility: 'public', budget: 3_000_00, start: 10, end: 50, created: 3, updated: 3, description: 'Morning routines with our single-origin beans.', goals: 'Recipe videos and morning vlogs.' },
  { sponsor: 'bytebrew', title: 'Late Night Stream Fuel', niche: 'gaming', status: 'active', visibility: 'private', budget: 3_500_00, start: -8, end: 52, created: 12, updated: 8, description: 'Sponsored segments on late-night gaming streams.', goals: 'On-stream mentions and a channel-point reward.' },
  { sponsor: 'bytebrew', title: 'Barista at Home', niche: 'food', status: 'completed', visibility: 'public', budget: 2_000_00, start: -70, end: -10, created: 75, updated: 9, description: 'Latte art at home with ByteBrew espresso.', goals: 'Two tutorials.' },
  { sponsor: 'novabank', title: 'First Salary Money Guide', niche: 'finance', status: 'draft', visibility: 'public', budget: 10_000_00, start: 15, end: 75, created: 2, updated: 2, description: 'Money tips for people starting their first job.', goals: 'Explainers on budgeting with the Nova app.' },
]

type Outcome = 'open' | 'accepted' | 'rejected' | 'withdrawn' | 'expired' | 'completed'
interface RequestSeed {
  campaign: string
  influencer: string
  by: AdRequestParty
  /** Days ago: after both accounts and the campaign were created, before the campaign ended. */
  opened: number
  /** The first offer, then each counter-offer in turn. */
  offers: number[]
  outcome: Outcome
  requirements: string
}

const REQUESTS: RequestSeed[] = [
  { campaign: 'Summer Trail Gear Launch', influencer: 'mia', by: 'sponsor', opened: 9, offers: [600_00, 800_00, 700_00], outcome: 'accepted', requirements: '2 Instagram posts and 1 story showing the pack on a trail run.' },
  { campaign: 'Summer Trail Gear Launch', influencer: 'tom', by: 'influencer', opened: 3, offers: [400_00], outcome: 'open', requirements: 'One YouTube video featuring the pack on a 50k race.' },
  { campaign: 'Summer Trail Gear Launch', influencer: 'kai', by: 'sponsor', opened: 6, offers: [900_00, 1_100_00], outcome: 'open', requirements: 'Instagram carousel from a multi-day hike.' },
  { campaign: 'Summer Trail Gear Launch', influencer: 'emma', by: 'influencer', opened: 8, offers: [200_00], outcome: 'rejected', requirements: 'Family hike stories.' },
  { campaign: 'Trail Running Ambassadors', influencer: 'tom', by: 'sponsor', opened: 2, offers: [1_500_00], outcome: 'open', requirements: 'Monthly training video for three months.' },
  { campaign: 'Spring Hiking Collection', influencer: 'kai', by: 'sponsor', opened: 78, offers: [1_200_00], outcome: 'completed', requirements: 'Photo sets from three spring hikes.' },
  { campaign: 'Spring Hiking Collection', influencer: 'ana', by: 'influencer', opened: 30, offers: [500_00], outcome: 'expired', requirements: 'Weekend hike reel.' },
  { campaign: 'Vitamin C Serum Reviews', influencer: 'sofia', by: 'sponsor', opened: 4, offers: [2_000_00, 2_600_00], outcome: 'open', requirements: '4-week review: 3 reels and a final YouTube video.' },
  { campaign: 'Vitamin C Serum Reviews', influencer: 'ana', by: 'influencer', opened: 5, offers: [450_00], outcome: 'accepted', requirements: 'Routine reel and two stories.' },
  { campaign: 'Vitamin C Serum Reviews', influencer: 'zoe', by: 'sponsor', opened: 3, offers: [700_00], outcome: 'withdrawn', requirements: 'Get-ready-with-me reel.' },
  { campaign: 'Runway Looks for Less', influencer: 'zoe', by: 'sponsor', opened: 2, offers: [800_00], outcome: 'open', requirements: 'Three runway-inspired looks on Instagram.' },
  { campaign: 'Clean Makeup Masterclass', influencer: 'sofia', by: 'sponsor', opened: 18, offers: [1_800_00], outcome: 'accepted', requirements: 'Three tutorials.' },
  { campaign: 'Cold Brew for Coders', influencer: 'leo', by: 'sponsor', opened: 12, offers: [350_00, 450_00], outcome: 'accepted', requirements: 'Desk tour video with a discount code.' },
  { campaign: 'Cold Brew for Coders', influencer: 'omar', by: 'influencer', opened: 4, offers: [1_300_00, 1_000_00], outcome: 'open', requirements: 'Stream overlay for a month.' },
  { campaign: 'Late Night Stream Fuel', influencer: 'omar', by: 'sponsor', opened: 1, offers: [1_200_00], outcome: 'open', requirements: 'Four on-stream mentions.' },
  { campaign: 'Barista at Home', influencer: 'nina', by: 'sponsor', opened: 65, offers: [300_00], outcome: 'completed', requirements: 'Two latte-art tutorials.' },
  { campaign: 'Barista at Home', influencer: 'ana', by: 'influencer', opened: 20, offers: [250_00, 300_00], outcome: 'expired', requirements: 'Morning coffee reel.' },
  { campaign: 'Miracle Cream Giveaway', influencer: 'sofia', by: 'influencer', opened: 1.5, offers: [900_00], outcome: 'withdrawn', requirements: 'A giveaway reel and two stories.' },
]

export async function isEmpty(db: Db): Promise<boolean> {
  return (await db.select({ id: users.id }).from(users).limit(1)).length === 0
}

function other(party: AdRequestParty): AdRequestParty {
  return party === 'sponsor' ? 'influencer' : 'sponsor'
}

/** The time of a step taken `hours` after `from`. */
const later = (from: Date, hours: number) => new Date(from.getTime() + hours * 3_600_000)

/** The lifecycle task runs just after midnight: a campaign starts or ends at this time of its day. */
const lifecycleAt = (day: string) => new Date(`${day}T00:05:00Z`)

/** Work agreed on takes about this long before the brand marks it completed. */
const DAYS_TO_DELIVER = 10

/**
 * Fills an empty database with a small, coherent marketplace: an admin, four sponsors (one
 * awaiting approval), twelve influencers, campaigns in every status and requests in every state
 * with their history. Its dates could have happened: nothing is older than the accounts and the
 * campaign it belongs to, and requests run within their campaign's dates. Returns the login
 * lines to print.
 */
export async function seedDemo(db: Db, options: { adminPassword?: string } = {}): Promise<string> {
  const demoHash = bcrypt.hashSync(DEMO_PASSWORD, 10)
  const adminHash = options.adminPassword ? bcrypt.hashSync(options.adminPassword, 10) : null
  const now = Date.now()

  await writeTransaction(db, async (tx) => {
    const ids = new Map<string, number>()
    const addUser = async (u: typeof users.$inferInsert) => {
      const [row] = await tx.insert(users).values(u).returning({ id: users.id })
      ids.set(u.username, row!.id)
      return row!.id
    }

    // The inbox holds what the events of this history told each person, through the same mapping
    // as live delivery; what is over two days old has been read.
    const tell = async (event: DomainEvent, at: Date) => {
      const readAt = now - at.getTime() > 2 * 86_400_000 ? later(at, 3) : null
      for (const row of notificationsFor(event)) await tx.insert(notifications).values({ ...row, createdAt: at, readAt })
    }

    if (adminHash) {
      await addUser({ username: 'admin', email: 'admin@influencia.example', passwordHash: adminHash, role: 'admin', displayName: 'Platform Admin', status: 'active', createdAt: daysAgo(200, now) })
    }
    for (const s of SPONSORS) {
      const id = await addUser({ username: s.username, email: `${s.username}@brands.example`, passwordHash: demoHash, role: 'sponsor', displayName: s.company, status: s.status, bio: `${s.company} — ${s.sector}.`, createdAt: daysAgo(s.joined, now) })
      await tx.insert(sponsorProfiles).values({ userId: id, company: s.company, sector: s.sector, website: s.website, budget: s.budget })
      if (s.status === 'active') await tell({ type: 'account.approved', userId: id, actorId: null, recipients: [id] }, later(daysAgo(s.joined, now), 20))
    }
    for (const p of INFLUENCERS) {
      const joinedAt = daysAgo(p.joined, now)
      const id = await addUser({ username: p.username, email: `${p.username}@creators.example`, passwordHash: demoHash, role: 'influencer', displayName: p.displayName, status: 'active', bio: p.bio, createdAt: joinedAt })
      await tx.insert(influencerProfiles).values({
        userId: id, niche: p.niche, specialization: p.bio.split(',')[0]!, audienceSize: p.audience, engagementRate: p.engagement,
        location: p.location, minimumRate: p.minimumRate, platforms: p.platforms.map(([platform, handle]) => ({ platform, handle })), joinedAt,
      })
    }
    await tx.update(users).set({ flagged: true }).where(eq(users.username, 'ana'))

    const today = new Date(now)
    const campaignIds = new Map<string, { id: number, sponsorId: number, end: number }>()
    for (const c of CAMPAIGNS) {
      const sponsorId = ids.get(c.sponsor)!
      const [row] = await tx.insert(campaigns).values({
        sponsorId, slug: slugify(c.title), title: c.title, description: c.description, niche: c.niche, goals: c.goals,
        startDate: dayOffset(c.start, today), endDate: dayOffset(c.end, today), visibility: c.visibility, budget: c.budget,
        status: c.status, flagged: c.flagged ?? false, createdAt: daysAgo(c.created, now), updatedAt: daysAgo(c.updated, now),
      }).returning({ id: campaigns.id })
      campaignIds.set(c.title, { id: row!.id, sponsorId, end: c.end })
      const about = { campaignId: row!.id, campaign: c.title, sponsorId, actorId: null, recipients: [sponsorId] }
      // Published before its start date, it was started by the lifecycle task; and ended by it.
      if (['active', 'paused', 'completed'].includes(c.status) && c.created > -c.start) await tell({ type: 'campaign.started', ...about }, lifecycleAt(dayOffset(c.start, today)))
      if (c.status === 'completed') await tell({ type: 'campaign.ended', ...about }, lifecycleAt(dayOffset(c.end + 1, today)))
    }

    for (const r of REQUESTS) {
      const campaign = campaignIds.get(r.campaign)!
      const influencerId = ids.get(r.influencer)!
      const actor = (party: AdRequestParty) => party === 'sponsor' ? campaign.sponsorId : influencerId
      // The first offer opens the request; each answer comes a few hours after the step before.
      const createdAt = daysAgo(r.opened, now)
      let at = createdAt
      const tick = () => (at = later(at, 5))

      const lastOfferBy: AdRequestParty = r.offers.length % 2 === 1 ? r.by : other(r.by)
      const status = r.outcome === 'open' ? (r.offers.length > 1 ? 'negotiating' : 'pending') : r.outcome
      const [request] = await tx.insert(adRequests).values({
        campaignId: campaign.id, influencerId, requirements: r.requirements, paymentAmount: r.offers.at(-1)!,
        status, initiatedBy: r.by, lastOfferBy, createdAt,
      }).returning({ id: adRequests.id })

      const events: (typeof adRequestEvents.$inferInsert)[] = []
      let party = r.by
      r.offers.forEach((amount, n) => {
        events.push({
          adRequestId: request!.id, kind: n === 0 ? 'offer' : 'counter', actorId: actor(party), paymentAmount: amount, createdAt: n === 0 ? createdAt : tick(),
          message: n === 0 ? (r.by === 'sponsor' ? 'We love your content and would like to work with you.' : 'I would love to be part of this campaign.') : 'Could we meet at this amount?',
        })
        party = other(party)
      })
      const decider = other(lastOfferBy)
      if (r.outcome === 'accepted' || r.outcome === 'completed') events.push({ adRequestId: request!.id, kind: 'accepted', actorId: actor(decider), paymentAmount: r.offers.at(-1)!, createdAt: tick() })
      if (r.outcome === 'completed') events.push({ adRequestId: request!.id, kind: 'completed', actorId: campaign.sponsorId, createdAt: later(at, 24 * DAYS_TO_DELIVER), message: 'Great work, thank you!' })
      if (r.outcome === 'rejected') events.push({ adRequestId: request!.id, kind: 'rejected', actorId: actor(decider), createdAt: tick(), message: 'Not the right fit this time.' })
      if (r.outcome === 'withdrawn') events.push({ adRequestId: request!.id, kind: 'withdrawn', actorId: actor(r.by), createdAt: tick() })
      // The lifecycle task expires what is still open just after the campaign's last day.
      if (r.outcome === 'expired') events.push({ adRequestId: request!.id, kind: 'expired', actorId: null, createdAt: lifecycleAt(dayOffset(campaign.end + 1, today)), message: 'The campaign ended before an agreement.' })
      await tx.insert(adRequestEvents).values(events)
      await tx.update(adRequests).set({ updatedAt: events.at(-1)!.createdAt }).where(eq(adRequests.id, request!.id))

      for (const e of events) {
        const type: AdRequestEventType = e.kind === 'offer' ? (r.by === 'sponsor' ? 'ad_request.invited' : 'ad_request.applied') : `ad_request.${e.kind}` as AdRequestEventType
        const recipients = e.actorId === null ? [influencerId, campaign.sponsorId] : [e.actorId === influencerId ? campaign.sponsorId : influencerId]
        await tell({ type, adRequestId: request!.id, campaignId: campaign.id, campaign: r.campaign, paymentAmount: e.paymentAmount ?? undefined, message: e.message ?? undefined, actorId: e.actorId ?? null, recipients }, e.createdAt!)
      }
    }

    const adminId = ids.get('admin') ?? null
    const flagged = campaignIds.get('Miracle Cream Giveaway')!
    const flagReason = 'Unverifiable health claims in the brief'
    await tell({ type: 'campaign.flagged', campaignId: flagged.id, campaign: 'Miracle Cream Giveaway', sponsorId: flagged.sponsorId, reason: flagReason, actorId: adminId, recipients: [flagged.sponsorId] }, daysAgo(1, now))
    await tx.insert(flags).values([
      { targetType: 'campaign', targetId: flagged.id, reason: flagReason, reporterId: adminId, status: 'open', createdAt: daysAgo(1, now) },
      { targetType: 'user', targetId: ids.get('ana')!, reason: 'Follower count under review', reporterId: adminId, status: 'open', createdAt: daysAgo(2, now) },
    ])
    await recountTrackRecords(tx)
  })

  const lines = [
    adminHash ? `  admin    admin / ${options.adminPassword}` : '  admin    (not created: NUXT_ADMIN_PASSWORD is not set)',
    `  sponsor  ${SPONSORS.filter(s => s.status === 'active').map(s => s.username).join(', ')} / ${DEMO_PASSWORD}  (novabank awaits approval)`,
    `  creator  ${INFLUENCERS.map(p => p.username).join(', ')} / ${DEMO_PASSWORD}`,
  ]
  return lines.join('\n')
}
