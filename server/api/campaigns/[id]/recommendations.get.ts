import { idParam } from '#shared/schemas/common'
import { recommendInfluencers } from '../../../domain/discovery'

export default defineApiHandler(async (event) => {
  const viewer = await requireUser(event, 'sponsor', 'admin')
  const { id } = readParamsAs(event, idParam)
  return cachedJson(event, cached.recommendedInfluencers(viewer.id, id), async () => ({ items: await recommendInfluencers(useDb(), viewer, id) }))
})
