import { campaignListQuery } from '#shared/schemas/campaign'
import { listCampaigns } from '../../domain/campaigns'

export default defineApiHandler(async (event) => {
  const query = readQueryAs(event, campaignListQuery)
  const viewer = await getViewer(event)
  // A visitor's list is the same for every visitor; a member's depends on who they are.
  if (!viewer) return cachedJson(event, cached.anonymousCampaignList(query), () => listCampaigns(useDb(), null, query))
  return listCampaigns(useDb(), viewer, query)
})
