import { campaignSlugParam, publicCampaignListQuery } from '#shared/schemas/campaign'
import type { PublicCampaignListQuery } from '#shared/schemas/campaign'
import { featuredCampaigns, getPublicCampaign, listCampaigns } from '../domain/campaigns'

/**
 * What the public pages are made of, one read per public API route: the route answers with it
 * (behind its answer cache), and a page's server render calls it in-process, through
 * `event.context.publicReads`. A render used to fetch the route, which took the read through the
 * server's whole request chain (middleware, headers, its JSON written, compressed for the answer
 * cache and parsed back): about an eighth of the CPU time a cold directory page cost. A rendered
 * page has a cache of its own (utils/page-cache.ts), so the render reads around the answer cache.
 */
export const publicReads = {
  campaignList: (query: PublicCampaignListQuery) => listCampaigns(useDb(), null, query, visitorListKeeping(query)),
  campaign: (slug: string) => getPublicCampaign(useDb(), slug),
  featuredCampaigns: async () => ({ items: await featuredCampaigns(useDb()) }),
}

/**
 * The reads as a render calls them: its input checked and its errors given their HTTP status as
 * the route would, so a page treats an answer the same whether it was read here or fetched.
 */
export const publicReadsForRender = {
  campaignList: (query: unknown) => asRoute(() => publicReads.campaignList(validateAs(publicCampaignListQuery, query, 'query'))),
  campaign: (slug: unknown) => asRoute(() => publicReads.campaign(validateAs(campaignSlugParam, { slug }, 'path').slug)),
  featuredCampaigns: () => asRoute(publicReads.featuredCampaigns),
}

async function asRoute<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  }
  catch (error) {
    throw asHttpError(error)
  }
}
