import { adRequestListQuery } from '#shared/schemas/ad-request'
import { listAdRequests } from '../../domain/ad-requests'

export default defineApiHandler(async (event) => {
  const viewer = await requireUser(event)
  return listAdRequests(useDb(), viewer, readQueryAs(event, adRequestListQuery))
})
