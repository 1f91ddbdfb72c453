import { adminCampaignUpdate } from '#shared/schemas/campaign'
import { idParam } from '#shared/schemas/common'
import { moderateCampaign } from '../../../domain/campaigns'

export default defineApiHandler(async (event) => {
  const admin = await requireUser(event, 'admin')
  const { id } = readParamsAs(event, idParam)
  const change = await readBodyAs(event, adminCampaignUpdate)
  return moderateCampaign(useDb(), admin.id, id, change)
})
