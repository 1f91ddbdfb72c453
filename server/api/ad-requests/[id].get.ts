import { idParam } from '#shared/schemas/common'
import { getAdRequest } from '../../domain/ad-requests'

export default defineApiHandler(async (event) => {
  const viewer = await requireUser(event)
  const { id } = readParamsAs(event, idParam)
  return getAdRequest(useDb(), viewer, id)
})
