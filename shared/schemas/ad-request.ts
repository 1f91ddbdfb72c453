import { z } from 'zod'
import { AD_REQUEST_STATUS_FILTER } from '../constants'
import { money } from './auth'
import { pageQuery } from './common'

const message = z.string().trim().max(2000, 'At most 2000 characters').optional()
const amount = money(100)

/** A sponsor's invite names the influencer; an influencer's application leaves it out. */
export const adRequestCreateSchema = z.strictObject({
  campaignId: z.number({ error: 'Choose a campaign' }).int().positive('Choose a campaign'),
  influencerId: z.number({ error: 'Must be a numeric id' }).int().positive().optional(),
  requirements: z.string({ error: 'Describe the deliverables' }).trim().min(3, 'Describe the deliverables').max(2000, 'At most 2000 characters'),
  paymentAmount: amount,
  message,
})
export type AdRequestCreateInput = z.infer<typeof adRequestCreateSchema>

export const counterOfferSchema = z.strictObject({
  paymentAmount: amount,
  message,
})

/** accept, reject, withdraw and complete take an optional note for the history. */
export const transitionNoteSchema = z.strictObject({ message })

export const AD_REQUEST_ACTIONS = ['accept', 'reject', 'counter', 'withdraw', 'complete'] as const
export type AdRequestAction = (typeof AD_REQUEST_ACTIONS)[number]

export const adRequestListQuery = pageQuery.extend({
  /** One status or a group's name (`agreed`, `in_negotiation`), read as the statuses it stands for. */
  status: z.enum(AD_REQUEST_STATUS_FILTER.values, { error: `Unknown status: use one of ${AD_REQUEST_STATUS_FILTER.values.join(', ')}` })
    .transform(AD_REQUEST_STATUS_FILTER.statusesOf).optional(),
  campaignId: z.coerce.number({ error: 'Must be a numeric id' }).int().positive().optional(),
  /** Only requests waiting for the caller's answer. */
  awaitingMe: z.stringbool({ error: 'Use true or false' }).optional(),
})
export type AdRequestListQuery = z.infer<typeof adRequestListQuery>
