import type { ExportKind } from '#shared/constants'

/** One entry of GET /api/notifications; the payload depends on the kind. */
export interface AppNotification {
  id: number
  kind: string
  payload: {
    adRequestId?: number
    campaignId?: number
    campaign?: string
    paymentAmount?: number
    reason?: string
    /** The step's note in the request's history, e.g. why it expired. */
    message?: string
    exportId?: number
    kind?: ExportKind
    /** Why an export failed. */
    error?: string
  }
  read: boolean
  createdAt: string
}
