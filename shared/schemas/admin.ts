import { z } from 'zod'
import { ROLES, USER_STATUSES } from '../constants'
import { pageQuery, searchText } from './common'

export const adminUserListQuery = pageQuery.extend({
  q: searchText().optional(),
  role: z.enum(ROLES, { error: 'Unknown role' }).optional(),
  status: z.enum(USER_STATUSES, { error: 'Unknown status' }).optional(),
  flagged: z.stringbool({ error: 'Use true or false' }).optional(),
})

/** Approve (pending → active), suspend, reactivate, flag or unflag a user. */
export const adminUserUpdate = z.strictObject({
  status: z.enum(['active', 'suspended'], { error: 'Status must be active or suspended' }).optional(),
  flagged: z.boolean({ error: 'Must be true or false' }).optional(),
  reason: z.string().trim().min(3, 'Say why, in a few words').max(500, 'Too long (max 500)').optional(),
}).refine(v => v.status !== undefined || v.flagged !== undefined, { message: 'Nothing to change: give status or flagged', path: ['status'] })
  .refine(v => v.flagged !== true || !!v.reason, { message: 'A reason is required to flag', path: ['reason'] })

export const adminOutboxQuery = pageQuery.extend({
  q: searchText(100, 'Too long (max 100)').optional(),
})
