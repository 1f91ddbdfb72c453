import { recommendCampaigns } from '../../domain/discovery'

/** Live public campaigns ranked for the influencer asking. */
export default defineApiHandler(async (event) => {
  const influencer = await requireUser(event, 'influencer')
  return cachedJson(event, cached.recommendedCampaigns(influencer.id), async () => ({ items: await recommendCampaigns(useDb(), influencer) }))
})
