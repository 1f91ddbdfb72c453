import { featuredCampaigns } from '../../domain/campaigns'

/** The live campaigns the home page shows, the same for everyone. */
export default defineApiHandler(event => cachedJson(event, cached.featuredCampaigns(), async () => ({ items: await featuredCampaigns(useDb()) })))
