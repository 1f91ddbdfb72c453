import { campaignListQuery } from '#shared/schemas/campaign'
import { listCampaigns } from '../../domain/campaigns'

export default defineApiHandler(async (event) => {
  const query = readQueryAs(event, campaignListQuery)
  const viewer = await getViewer(event)
  if (viewer) return listCampaigns(useDb(), viewer, query)
  return cachedJson(event, cached.anonymousCampaignList(query), () => listCampaigns(useDb(), null, query, visitorListKeeping(query)))
})
