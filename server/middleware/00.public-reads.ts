import { campaignListQuery } from '#shared/schemas/campaign'

// The campaign list a visitor reads, answered here, first, when the cache holds it: as with a
// public page (./00.page-cache.ts), nothing later in the chain has anything to add to an answer
// that is the same for every visitor. A miss, a bad query, a request with an access token (even
// one that turns out to be expired), or one from another site's page (its CORS answer is added
// later in the chain) goes on to the route, which answers, checks and stores.
export default defineEventHandler(async (event) => {
  if (event.method !== 'GET' || !plainlyAnonymous(event) || getHeader(event, 'origin')) return
  if (event.path.split('?', 1)[0] !== '/api/campaigns') return
  // Read as the route reads it, so that both name the same cache entry.
  const query = campaignListQuery.safeParse(getQuery(event))
  if (!query.success) return
  return cachedJsonHit(event, cached.anonymousCampaignList(query.data))
})
