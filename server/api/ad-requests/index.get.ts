import { adRequestListQuery } from '#shared/schemas/ad-request'
import { listAdRequests } from '../../domain/ad-requests'

export default defineApiHandler(async (event) => {
  const viewer = await requireUser(event)
  const query = readQueryAs(event, adRequestListQuery)
  const { page: _page, pageSize: _pageSize, ...filters } = query
  const keptTotal = (countAll: () => Promise<number>) => cachedRead(null, cached.adRequestTotal(viewer, filters), countAll)
  return listAdRequests(useDb(), viewer, query, keptTotal)
})
