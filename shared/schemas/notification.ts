import { z } from 'zod'
import { pageQuery } from './common'

export const notificationListQuery = pageQuery.extend({
  /** Only the ones not read yet. */
  unread: z.stringbool({ error: 'Use true or false' }).optional(),
})
export type NotificationListQuery = z.infer<typeof notificationListQuery>

/** Marks some notifications (by id) or all of them as read. */
export const markReadSchema = z.strictObject({
  ids: z.array(z.number({ error: 'Must be numeric ids' }).int('Must be numeric ids').positive('Must be numeric ids'), { error: 'A list of ids' })
    .min(1, 'At least one id').max(100, 'At most 100 ids').optional(),
  all: z.literal(true, { error: 'Use true' }).optional(),
}).refine(v => (v.ids === undefined) !== (v.all === undefined), { message: 'Give either ids or all: true', path: ['ids'] })
export type MarkReadInput = z.infer<typeof markReadSchema>
