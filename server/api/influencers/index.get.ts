import { influencerSearchQuery } from '../../../shared/schemas/influencer'
import { searchInfluencers } from '../../domain/discovery'

export default defineApiHandler(async (event) => {
  const viewer = await requireUser(event, 'sponsor', 'admin')
  return searchInfluencers(useDb(), viewer, readQueryAs(event, influencerSearchQuery))
})
