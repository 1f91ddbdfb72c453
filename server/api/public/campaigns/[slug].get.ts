import { campaignSlugParam } from '#shared/schemas/campaign'
import { campaignOfSlug } from '../../../domain/campaigns'

/** A campaign's public page data: the same for everyone, whoever is logged in. */
export default defineApiHandler(async (event) => {
  const { slug } = readParamsAs(event, campaignSlugParam)
  const campaign = await campaignOfSlug(useDb(), slug)
  if (!campaign) return publicReads.campaign(slug)
  return cachedJson(event, cached.publicCampaign(slug, campaignPageTags(campaign)), () => publicReads.campaign(slug))
})
