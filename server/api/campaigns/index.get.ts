import { campaignListQuery } from '#shared/schemas/campaign'
import { listCampaigns } from '../../domain/campaigns'

export default defineApiHandler(async (event) => {
  const query = readQueryAs(event, campaignListQuery)
  const viewer = await getViewer(event)
  if (viewer) return listCampaigns(useDb(), viewer, query)
  // A visitor's list is the same for every visitor, and so is what its pages share: a directory
  // list's whole order (every page is a slice of it), a text search's matches, any other list's length.
  const { sort: _sort, page: _page, pageSize: _pageSize, ...filters } = query
  return cachedJson(event, cached.anonymousCampaignList(query), () => listCampaigns(useDb(), null, query, {
    order: (list, readAll) => cachedRead(null, cached.directoryOrder(list), readAll),
    search: (search, readAll) => cachedRead(null, cached.visitorSearch(search), readAll),
    total: countAll => cachedRead(null, cached.anonymousCampaignTotal(filters), countAll),
  }))
})
