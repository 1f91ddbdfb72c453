import { publicCampaignListQuery } from '#shared/schemas/campaign'

// The campaign directory. Unlike GET /api/campaigns it never looks at who is asking: the answer
// is the same for everyone, so the public pages built on it carry nothing personal.
export default defineApiHandler((event) => {
  const query = readQueryAs(event, publicCampaignListQuery)
  return cachedJson(event, cached.publicCampaignList(query), () => publicReads.campaignList(query))
})
