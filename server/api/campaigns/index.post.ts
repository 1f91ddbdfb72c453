import { campaignCreateSchema } from '#shared/schemas/campaign'
import { createCampaign } from '../../domain/campaigns'

export default defineApiHandler(async (event) => {
  const sponsor = await requireUser(event, 'sponsor')
  const input = await readBodyAs(event, campaignCreateSchema)
  setResponseStatus(event, 201)
  return createCampaign(useDb(), sponsor, input)
})
