import { adRequestCreateSchema } from '#shared/schemas/ad-request'
import { createAdRequest } from '../../domain/ad-requests'

/** A sponsor's invitation (with influencerId) or an influencer's application (without). */
export default defineApiHandler(async (event) => {
  const viewer = await requireUser(event, 'sponsor', 'influencer')
  const input = await readBodyAs(event, adRequestCreateSchema)
  setResponseStatus(event, 201)
  return createAdRequest(useDb(), viewer, input)
})
