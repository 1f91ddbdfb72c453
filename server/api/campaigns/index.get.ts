import { campaignListQuery } from '#shared/schemas/campaign'
import { listCampaigns } from '../../domain/campaigns'
import type { KeptOrder } from '../../domain/campaigns'

/** A directory list's order is kept between requests: every page of it is a slice then. */
const keptOrder: KeptOrder = (list, readAll) => cachedRead(null, cached.directoryOrder(list), readAll)

export default defineApiHandler(async (event) => {
  const query = readQueryAs(event, campaignListQuery)
  const viewer = await getViewer(event)
  // A visitor's list is the same for every visitor; a member's depends on who they are.
  if (!viewer) return cachedJson(event, cached.anonymousCampaignList(query), () => listCampaigns(useDb(), null, query, keptOrder))
  return listCampaigns(useDb(), viewer, query)
})
