/** The live campaigns the home page shows, the same for everyone. */
export default defineApiHandler(event => cachedJson(event, cached.featuredCampaigns(), publicReads.featuredCampaigns))
