import type { DomainEvent } from '#shared/events'
import type { DirectoryOrder, VisitorSearch } from '../domain/campaigns'
import type { CacheSpec } from './cache'

/**
 * What each cached read depends on (tags), and which tags each committed domain event makes
 * stale: the one place that ties writes to cached reads. A tag is bumped, never listed for purge.
 */
export const CacheTag = {
  /** Every public list of campaigns: the directory, the home page's featured, the sitemap. */
  publicCampaigns: 'campaigns',
  /** One campaign as its public page and its recommendations show it. */
  campaign: (id: number) => `campaign:${id}`,
  /** What others see of a user: a sponsor's company on its campaign pages. */
  profile: (userId: number) => `profile:${userId}`,
  /** A user's own figures: dashboard summary, recommended campaigns. */
  user: (userId: number) => `user:${userId}`,
  /** Who can be found in the influencer directory, and with which profile. */
  influencers: 'influencers',
  /** Requests anywhere on the platform: who was asked on which campaign, offers, deals. */
  deals: 'deals',
  /**
   * Track records (deals made, completed, requests rejected) that match scores weigh: changed
   * only by the steps that start or end a deal, not by the offers and answers between.
   */
  trackRecords: 'track-records',
  /** The admin overview's platform figures. */
  stats: 'stats',
}

/** The request steps that change a track record: a deal made, completed or withdrawn, a request rejected. */
const RECORD_CHANGES = new Set<DomainEvent['type']>(['ad_request.accepted', 'ad_request.completed', 'ad_request.withdrawn', 'ad_request.rejected'])

/** The tags an event makes stale. Every event changes something the admin figures count. */
export function staleAfter(event: DomainEvent): string[] {
  const tags = [CacheTag.stats]
  switch (event.type) {
    case 'campaign.drafted':
      // A draft is seen by its sponsor only.
      return [...tags, CacheTag.user(event.sponsorId), CacheTag.campaign(event.campaignId)]
    case 'campaign.published':
    case 'campaign.edited':
    case 'campaign.paused':
    case 'campaign.resumed':
    case 'campaign.started':
    case 'campaign.ended':
    case 'campaign.cancelled':
    case 'campaign.flagged':
    case 'campaign.unflagged':
      return [...tags, CacheTag.publicCampaigns, CacheTag.campaign(event.campaignId), CacheTag.user(event.sponsorId)]
    case 'ad_request.invited':
    case 'ad_request.applied':
    case 'ad_request.counter':
    case 'ad_request.accepted':
    case 'ad_request.rejected':
    case 'ad_request.withdrawn':
    case 'ad_request.completed':
    case 'ad_request.expired': {
      // The two parties are the actor and the one told, or both told when the platform acted.
      const parties = new Set([...event.recipients, ...(event.actorId === null ? [] : [event.actorId])])
      tags.push(CacheTag.deals, ...[...parties].map(CacheTag.user))
      if (RECORD_CHANGES.has(event.type)) tags.push(CacheTag.trackRecords)
      // Accepting is the one step that commits budget: the campaign's remaining amount changes.
      if (event.type === 'ad_request.accepted') tags.push(CacheTag.publicCampaigns, CacheTag.campaign(event.campaignId))
      return tags
    }
    case 'account.created':
      return event.role === 'influencer' ? [...tags, CacheTag.influencers] : tags
    case 'profile.updated':
      return [
        ...tags, CacheTag.user(event.userId), CacheTag.profile(event.userId),
        event.role === 'sponsor' ? CacheTag.publicCampaigns : CacheTag.influencers,
      ]
    case 'account.approved':
    case 'user.suspended':
    case 'user.reactivated':
    case 'user.flagged':
    case 'user.unflagged':
      return [...tags, CacheTag.influencers, CacheTag.user(event.userId)]
    case 'export.progress':
    case 'export.finished':
    case 'export.failed':
    case 'reminder.daily':
    case 'report.ready':
      return []
  }
}

const MINUTE = 60

/** A query object as a key part that does not depend on the order its fields were parsed in. */
function queryKey(query: object): string {
  const entries = Object.entries(query).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b))
  return JSON.stringify(entries)
}

/**
 * Each cached read: its key and its tags. Lifetimes only bound how long unused entries stay;
 * freshness comes from the tags. Data for one user is keyed by that user.
 */
export const cached = {
  publicCampaignList: (query: object): CacheSpec =>
    ({ key: `campaigns:public:${queryKey(query)}`, tags: [CacheTag.publicCampaigns], ttlSeconds: 10 * MINUTE }),
  /** GET /api/campaigns for a visitor who is not logged in (its query has more filters than the directory's). */
  anonymousCampaignList: (query: object): CacheSpec =>
    ({ key: `campaigns:anonymous:${queryKey(query)}`, tags: [CacheTag.publicCampaigns], ttlSeconds: 10 * MINUTE }),
  /** How many campaigns a visitor's list's filters match (`filters` without sort and page). */
  visitorCampaignTotal: (filters: object): CacheSpec =>
    ({ key: `campaigns:anonymous:total:${queryKey(filters)}`, tags: [CacheTag.publicCampaigns], ttlSeconds: 10 * MINUTE }),
  /** A visitor's text search's matches with their sort keys, which its sorts and pages are cut from (see `KeptSearch`). */
  visitorSearch: (search: VisitorSearch): CacheSpec =>
    ({ key: `campaigns:search:${queryKey(search)}`, tags: [CacheTag.publicCampaigns], ttlSeconds: 10 * MINUTE }),
  /** The ids of a whole directory list in order, which its pages are cut from (see `KeptOrder`). */
  directoryOrder: (list: DirectoryOrder): CacheSpec =>
    ({ key: `campaigns:order:${list.sort}:${list.niche ?? ''}`, tags: [CacheTag.publicCampaigns], ttlSeconds: 10 * MINUTE }),
  featuredCampaigns: (): CacheSpec =>
    ({ key: 'campaigns:featured', tags: [CacheTag.publicCampaigns], ttlSeconds: 10 * MINUTE }),
  sitemapCampaigns: (): CacheSpec =>
    ({ key: 'campaigns:sitemap', tags: [CacheTag.publicCampaigns], ttlSeconds: 10 * MINUTE }),
  /** One campaign's public page data; its tags come from `campaignPageTags`. */
  publicCampaign: (slug: string, tags: string[]): CacheSpec =>
    ({ key: `campaign:public:${slug}`, tags, ttlSeconds: 10 * MINUTE }),
  /** Admins also see flagged and suspended influencers: one entry for them, one for sponsors. */
  influencerSearch: (audience: 'admin' | 'sponsor', query: object): CacheSpec =>
    ({ key: `influencers:${audience}:${queryKey(query)}`, tags: [CacheTag.influencers], ttlSeconds: 5 * MINUTE }),
  /** How many influencers a search's filters match (`filters` without sort and page): every sort and page of it shares the count. */
  influencerSearchTotal: (audience: 'admin' | 'sponsor', filters: object): CacheSpec =>
    ({ key: `influencers:total:${audience}:${queryKey(filters)}`, tags: [CacheTag.influencers], ttlSeconds: 5 * MINUTE }),
  recommendedInfluencers: (viewerId: number, campaignId: number): CacheSpec => ({
    key: `recommendations:influencers:${viewerId}:${campaignId}`,
    tags: [CacheTag.campaign(campaignId), CacheTag.influencers, CacheTag.deals],
    ttlSeconds: 5 * MINUTE,
  }),
  /** The most engaged candidates, matched against every campaign, with their track records. */
  mostEngagedPool: (): CacheSpec => ({
    key: 'recommendations:pool:most-engaged',
    tags: [CacheTag.influencers, CacheTag.trackRecords],
    ttlSeconds: 5 * MINUTE,
  }),
  recommendedCampaigns: (influencerId: number): CacheSpec => ({
    key: `recommendations:campaigns:${influencerId}`,
    tags: [CacheTag.publicCampaigns, CacheTag.user(influencerId)],
    ttlSeconds: 5 * MINUTE,
  }),
  /**
   * How many requests a viewer's list holds under its filters (`query` without the page), or
   * (`anchors`) where its every thousandth row is: positions, current exactly as long as the
   * length is. Every change to a request bumps `deals` and its two parties' `user:<id>`: the
   * admin's list (all requests) depends on the first, a party's list on its own tag.
   */
  adRequestList: (viewer: { id: number, role: string }, query: object, part: 'total' | 'anchors'): CacheSpec => {
    const scope = viewer.role === 'admin' ? 'all' : `user:${viewer.id}`
    return {
      key: `ad-requests:${part}:${scope}:${queryKey(query)}`,
      tags: [viewer.role === 'admin' ? CacheTag.deals : CacheTag.user(viewer.id)],
      ttlSeconds: 10 * MINUTE,
    }
  },
  dashboardSummary: (userId: number): CacheSpec =>
    ({ key: `summary:${userId}`, tags: [CacheTag.user(userId)], ttlSeconds: 5 * MINUTE }),
  /** Its daily series roll over at midnight without any write: a short lifetime. */
  adminStats: (): CacheSpec =>
    ({ key: 'admin:stats', tags: [CacheTag.stats], ttlSeconds: MINUTE }),
  /** A public page's HTML, by its normalised address. */
  publicPage: (url: string, tags: string[]): CacheSpec =>
    ({ key: `page:${url}`, tags, ttlSeconds: 10 * MINUTE }),
}

/** A campaign's public page (data and HTML) depends on the campaign and on its sponsor's profile. */
export function campaignPageTags(campaign: { id: number, sponsorId: number }): string[] {
  return [CacheTag.campaign(campaign.id), CacheTag.profile(campaign.sponsorId)]
}
