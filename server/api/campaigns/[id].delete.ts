import { idParam } from '#shared/schemas/common'
import { cancelCampaign } from '../../domain/campaigns'

/** DELETE cancels: the campaign and its history stay for the record. */
export default defineApiHandler(async (event) => {
  const sponsor = await requireUser(event, 'sponsor')
  const { id } = readParamsAs(event, idParam)
  return cancelCampaign(useDb(), sponsor, id)
})
