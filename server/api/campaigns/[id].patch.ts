import { campaignUpdateSchema } from '#shared/schemas/campaign'
import { idParam } from '#shared/schemas/common'
import { updateCampaign } from '../../domain/campaigns'

export default defineApiHandler(async (event) => {
  const sponsor = await requireUser(event, 'sponsor')
  const { id } = readParamsAs(event, idParam)
  const input = await readBodyAs(event, campaignUpdateSchema)
  return updateCampaign(useDb(), sponsor, id, input)
})
