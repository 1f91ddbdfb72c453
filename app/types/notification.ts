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
  }
  read: boolean
  createdAt: string
}
