import { z } from 'zod'
import { AD_REQUEST_ACTIONS, counterOfferSchema, transitionNoteSchema } from '#shared/schemas/ad-request'
import { idParam } from '#shared/schemas/common'
import { actOnAdRequest } from '../../../domain/ad-requests'

const params = idParam.extend({ action: z.enum(AD_REQUEST_ACTIONS, { error: `One of: ${AD_REQUEST_ACTIONS.join(', ')}` }) })

/** POST /api/ad-requests/:id/{accept,reject,counter,withdraw,complete} */
export default defineApiHandler(async (event) => {
  const viewer = await requireUser(event)
  const { id, action } = readParamsAs(event, params)
  const body = await readBodyAs(event, action === 'counter' ? counterOfferSchema : transitionNoteSchema)
  return actOnAdRequest(useDb(), viewer, id, action, body)
})
