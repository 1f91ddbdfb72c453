import { idParam } from '#shared/schemas/common'
import { candidatePool, recommendInfluencers } from '../../../domain/discovery'

export default defineApiHandler(async (event) => {
  const viewer = await requireUser(event, 'sponsor', 'admin')
  const { id } = readParamsAs(event, idParam)
  const db = useDb()
  const keptPool = (niche: string) => cachedRead(null, cached.recommendationPool(niche), () => candidatePool(db, niche))
  return cachedJson(event, cached.recommendedInfluencers(viewer.id, id), async () => ({ items: await recommendInfluencers(db, viewer, id, keptPool) }))
})
