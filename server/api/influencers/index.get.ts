import { influencerSearchQuery } from '#shared/schemas/influencer'
import { searchInfluencers } from '../../domain/discovery'

export default defineApiHandler(async (event) => {
  const viewer = await requireUser(event, 'sponsor', 'admin')
  const query = readQueryAs(event, influencerSearchQuery)
  const audience = viewer.role === 'admin' ? 'admin' : 'sponsor'
  const { sort: _sort, page: _page, pageSize: _pageSize, ...filters } = query
  return cachedJson(event, cached.influencerSearch(audience, query), () => searchInfluencers(useDb(), viewer, query, {
    total: countAll => cachedRead(null, cached.influencerSearchTotal(audience, filters), countAll),
  }))
})
