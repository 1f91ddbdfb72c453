import { idParam } from '#shared/schemas/common'
import { mostEngagedPool, nichePool, recommendInfluencers } from '../../../domain/discovery'

export default defineApiHandler(async (event) => {
  const viewer = await requireUser(event, 'sponsor', 'admin')
  const { id } = readParamsAs(event, idParam)
  const db = useDb()
  const keptPool = async (niche: string) => ({
    inNiche: await cachedRead(null, cached.recommendationPool(niche), () => nichePool(db, niche)),
    mostEngaged: await cachedRead(null, cached.mostEngagedPool(), () => mostEngagedPool(db)),
  })
  return cachedJson(event, cached.recommendedInfluencers(viewer.id, id), async () => ({ items: await recommendInfluencers(db, viewer, id, keptPool) }))
})
