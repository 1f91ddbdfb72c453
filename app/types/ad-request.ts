import type { AdRequestEventKind, AdRequestParty, AdRequestStatus, CampaignStatus } from '#shared/constants'
import type { AdRequestAction } from '#shared/schemas/ad-request'

/** An ad request as the lists answer it; money in cents. */
export interface AdRequestView {
  id: number
  campaignId: number
  influencerId: number
  campaign: { id: number, title: string, slug: string, status: CampaignStatus }
  sponsor: { id: number, company: string }
  influencer: { id: number, displayName: string, username: string }
  requirements: string
  /** The amount on the table. */
  paymentAmount: number
  status: AdRequestStatus
  initiatedBy: AdRequestParty
  lastOfferBy: AdRequestParty
  /** Whose answer an open request waits for. */
  awaiting: AdRequestParty | null
  yourSide: AdRequestParty | null
  allowedActions: AdRequestAction[]
  createdAt: string
  updatedAt: string
}

/** One step of a request's history, oldest first. */
export interface AdRequestEvent {
  kind: AdRequestEventKind
  actorId: number | null
  actorName: string
  /** null when the platform did it (an expiry). */
  actorSide: AdRequestParty | null
  paymentAmount?: number
  message?: string
  at: string
}

export interface AdRequestDetail extends AdRequestView {
  history: AdRequestEvent[]
}

/** The fields of an ad request the campaign pages show; the request page shows the rest. */
export type AdRequestSummary = Pick<AdRequestView, 'id' | 'campaignId' | 'requirements' | 'paymentAmount' | 'status' | 'createdAt' | 'updatedAt'>
