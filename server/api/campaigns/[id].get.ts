import { idParam } from '#shared/schemas/common'
import { getCampaign } from '../../domain/campaigns'

export default defineApiHandler(async (event) => {
  const { id } = readParamsAs(event, idParam)
  return getCampaign(useDb(), await getViewer(event), id)
})
