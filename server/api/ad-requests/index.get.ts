import { adRequestListQuery } from '#shared/schemas/ad-request'
import { deepPagesFromAnchors } from '../../database/dialect'
import { listAdRequests } from '../../domain/ad-requests'

export default defineApiHandler(async (event) => {
  const viewer = await requireUser(event)
  const query = readQueryAs(event, adRequestListQuery)
  const { page: _page, pageSize: _pageSize, ...filters } = query
  const db = useDb()
  return listAdRequests(db, viewer, query, {
    total: countAll => cachedRead(null, cached.adRequestList(viewer, filters, 'total'), countAll),
    anchors: deepPagesFromAnchors(db) ? find => cachedRead(null, cached.adRequestList(viewer, filters, 'anchors'), find) : undefined,
  })
})
