import { campaignSlugParam } from '#shared/schemas/campaign'
import { campaignOfSlug, getPublicCampaign } from '../../../domain/campaigns'

/** A campaign's public page data: the same for everyone, whoever is logged in. */
export default defineApiHandler(async (event) => {
  const { slug } = readParamsAs(event, campaignSlugParam)
  const db = useDb()
  const campaign = await campaignOfSlug(db, slug)
  if (!campaign) return getPublicCampaign(db, slug)
  return cachedJson(event, cached.publicCampaign(slug, campaignPageTags(campaign)), () => getPublicCampaign(db, slug))
})
