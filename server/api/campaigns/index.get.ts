import { campaignListQuery } from '../../../shared/schemas/campaign'
import { listCampaigns } from '../../domain/campaigns'

export default defineApiHandler(async (event) => {
  const query = readQueryAs(event, campaignListQuery)
  return listCampaigns(useDb(), await getViewer(event), query)
})
