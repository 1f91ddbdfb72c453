import { isSessionEndReason } from '#shared/constants'
import type { SessionEndReason } from '#shared/constants'

export interface ApiProblem {
  message: string
  /** Messages by dotted field path, e.g. `profile.budget`, as the API reports them. */
  fields: Record<string, string>
}

interface FetchFailure {
  statusCode?: number
  data?: { message?: string, data?: { fields?: Record<string, string>, reason?: unknown, adRequestId?: unknown } }
}

/** Reads an error thrown by `$api`/`$fetch` into what a form can show. */
export function describeApiError(error: unknown): ApiProblem {
  const { statusCode, data } = (error ?? {}) as FetchFailure
  if (!statusCode) return { message: 'Could not reach Influencia. Check your connection and try again.', fields: {} }
  return {
    message: data?.message || 'Something went wrong. Please try again.',
    fields: data?.data?.fields ?? {},
  }
}

export function apiErrorStatus(error: unknown): number | undefined {
  return (error as FetchFailure | null)?.statusCode
}

/** Why a session ended, as a failed refresh reports it; undefined when it does not say. */
export function sessionEndReasonOf(error: unknown): SessionEndReason | undefined {
  const reason = (error as FetchFailure | null)?.data?.data?.reason
  return isSessionEndReason(reason) ? reason : undefined
}

/** The open request a refused new request collides with (one open request per creator and campaign). */
export function openRequestIdOf(error: unknown): number | undefined {
  const id = (error as FetchFailure | null)?.data?.data?.adRequestId
  return typeof id === 'number' ? id : undefined
}
