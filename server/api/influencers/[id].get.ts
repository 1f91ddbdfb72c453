import { idParam } from '#shared/schemas/common'
import { getInfluencer } from '../../domain/discovery'

export default defineApiHandler(async (event) => {
  const viewer = await requireUser(event)
  const { id } = readParamsAs(event, idParam)
  return getInfluencer(useDb(), viewer, id)
})
