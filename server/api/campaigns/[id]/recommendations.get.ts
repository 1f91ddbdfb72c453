import { idParam } from '#shared/schemas/common'
import { mostEngagedPool, recommendInfluencers } from '../../../domain/discovery'

export default defineApiHandler(async (event) => {
  const viewer = await requireUser(event, 'sponsor', 'admin')
  const { id } = readParamsAs(event, idParam)
  const db = useDb()
  const keptMostEngaged = () => cachedRead(null, cached.mostEngagedPool(), () => mostEngagedPool(db))
  return cachedJson(event, cached.recommendedInfluencers(viewer.id, id), async () => ({ items: await recommendInfluencers(db, viewer, id, keptMostEngaged) }))
})
