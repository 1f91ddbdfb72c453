import { z } from 'zod'
import { EXPORT_KINDS } from '../constants'

export const exportCreateSchema = z.strictObject({
  kind: z.enum(EXPORT_KINDS, { error: `Choose one of: ${EXPORT_KINDS.join(', ')}` }),
})
export type ExportCreateInput = z.infer<typeof exportCreateSchema>
