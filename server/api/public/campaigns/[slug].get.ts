import { campaignSlugParam } from '../../../../shared/schemas/campaign'
import { getPublicCampaign } from '../../../domain/campaigns'

/** A campaign's public page data: the same for everyone, whoever is logged in. */
export default defineApiHandler((event) => {
  const { slug } = readParamsAs(event, campaignSlugParam)
  return getPublicCampaign(useDb(), slug)
})
