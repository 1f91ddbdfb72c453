import { influencerSearchQuery } from '#shared/schemas/influencer'
import { searchInfluencers } from '../../domain/discovery'

export default defineApiHandler(async (event) => {
  const viewer = await requireUser(event, 'sponsor', 'admin')
  const query = readQueryAs(event, influencerSearchQuery)
  return cachedJson(event, cached.influencerSearch(viewer.role === 'admin' ? 'admin' : 'sponsor', query), () => searchInfluencers(useDb(), viewer, query))
})
