import type { RouterMethod } from 'h3'
import type { InternalApi, NitroFetchRequest, TypedInternalResponse } from 'nitropack/types'
import type { FetchOptions } from 'ofetch'

// Names for what the API answers, taken from the handlers' own return types (Nitro's route
// types): the shapes are written once, by the server code that produces them, so a field the
// server renames or drops is a type error wherever a page still uses it.

type Method<Route extends keyof InternalApi> = keyof InternalApi[Route] & string
/** The answer of `method` on `route`, as the browser receives it (JSON-serialized). */
export type ApiAnswer<Route extends keyof InternalApi, M extends Method<Route> = 'get' & Method<Route>> = InternalApi[Route][M]
/** One entry of a list answer (`{ items: [...] }`). */
type ItemOf<Answer> = Answer extends { items: (infer Item)[] } ? Item : never

/** A campaign; its owner and admins also get `flagReason`. Money in cents, dates 'YYYY-MM-DD'. */
export type CampaignView = ApiAnswer<'/api/campaigns/:id'>
/** A campaign ranked for the influencer asking, with the reasons, for and against. */
export type RecommendedCampaign = ItemOf<ApiAnswer<'/api/campaigns/recommended'>>

export type AdRequestView = ItemOf<ApiAnswer<'/api/ad-requests'>>
export type AdRequestDetail = ApiAnswer<'/api/ad-requests/:id'>
/** One step of a request's history, oldest first. */
export type AdRequestEvent = AdRequestDetail['history'][number]
/** The fields of an ad request the campaign pages show; the request page shows the rest. */
export type AdRequestSummary = Pick<AdRequestView, 'id' | 'campaignId' | 'requirements' | 'paymentAmount' | 'status' | 'createdAt' | 'updatedAt'>

export type InfluencerCard = ItemOf<ApiAnswer<'/api/influencers'>>
export type InfluencerProfileView = ApiAnswer<'/api/influencers/:id'>
export type InfluencerRecommendation = ItemOf<ApiAnswer<'/api/campaigns/:id/recommendations'>>

export type ExportJob = ItemOf<ApiAnswer<'/api/exports'>>
export type AppNotification = ItemOf<ApiAnswer<'/api/notifications'>>

export type PlatformStats = ApiAnswer<'/api/admin/stats'>
export type AdminUser = ItemOf<ApiAnswer<'/api/admin/users'>>
export type OutboxMail = ItemOf<ApiAnswer<'/api/admin/outbox'>>
export type AdminJob = ItemOf<ApiAnswer<'/api/admin/jobs'>>
export type JobRun = AdminJob['runs'][number]

/**
 * `$api`'s signature: the answer's type comes from the route and the method, as with `$fetch`.
 * The method is a plain type parameter rather than read back from the whole options object (as
 * `$fetch` does), and the route is read from the URL only, never guessed back from where the
 * answer goes: both keep TypeScript's route matching shallow enough for an API of this size.
 */
export type ApiFetch = <
  T = unknown,
  R extends NitroFetchRequest = NitroFetchRequest,
  M extends RouterMethod | Uppercase<RouterMethod> = 'get',
>(request: R, options?: FetchOptions<'json'> & { method?: M }) => Promise<NoInfer<TypedInternalResponse<R, T, Lowercase<M>>>>

/**
 * The public routes' answers as a public page's server render reads them, in-process
 * (server/utils/public-reads.ts): the same answers, with the same errors, as the routes'.
 */
export interface PublicReads {
  campaignList: (query: Record<string, unknown>) => Promise<ApiAnswer<'/api/public/campaigns'>>
  campaign: (slug: string) => Promise<ApiAnswer<'/api/public/campaigns/:slug'>>
  featuredCampaigns: () => Promise<ApiAnswer<'/api/public/featured-campaigns'>>
}
