import { AD_REQUEST_STATUS_GROUPS } from '#shared/constants'
import type { AdRequestParty, AdRequestStatus } from '#shared/constants'
import type { AdRequestAction } from '#shared/schemas/ad-request'
import { AD_REQUEST_ACTIONS } from '#shared/schemas/ad-request'

// The ad-request state machine, as a pure function:
//   pending → negotiating (counter) → accepted | rejected
//   pending/negotiating → withdrawn (by the side that opened it)
//   pending/negotiating → expired (the campaign ended; done by the platform, not an action)
//   accepted → completed (by the sponsor)
// Only the side that did not make the offer on the table may accept, reject or counter it.

export interface RequestState {
  status: AdRequestStatus
  initiatedBy: AdRequestParty
  lastOfferBy: AdRequestParty
}

export type Decision =
  | { ok: true, status: AdRequestStatus, lastOfferBy: AdRequestParty }
  | { ok: false, reason: string }

const OPEN: readonly AdRequestStatus[] = AD_REQUEST_STATUS_GROUPS.in_negotiation

// People read "declined" where the API says `reject`/`rejected`: the buttons and labels say so too.
const WORD: Partial<Record<AdRequestStatus, string>> = { rejected: 'declined' }
const DONE: Record<'counter' | 'accept' | 'reject', string> = { counter: 'countered', accept: 'accepted', reject: 'declined' }

export function decide(state: RequestState, action: AdRequestAction, side: AdRequestParty): Decision {
  const refuse = (reason: string): Decision => ({ ok: false, reason })
  const isOpen = OPEN.includes(state.status)

  switch (action) {
    case 'counter':
    case 'accept':
    case 'reject': {
      if (!isOpen) return refuse(`This request is ${WORD[state.status] ?? state.status}: it can no longer be ${DONE[action]}`)
      if (side === state.lastOfferBy) return refuse('You made the offer on the table: wait for the other side to answer it')
      if (action === 'counter') return { ok: true, status: 'negotiating', lastOfferBy: side }
      return { ok: true, status: action === 'accept' ? 'accepted' : 'rejected', lastOfferBy: state.lastOfferBy }
    }
    case 'withdraw':
      if (!isOpen) return refuse(`This request is ${WORD[state.status] ?? state.status}: it can no longer be withdrawn`)
      if (side !== state.initiatedBy) return refuse(`Only the ${state.initiatedBy} who opened this request can withdraw it; you can decline it instead`)
      return { ok: true, status: 'withdrawn', lastOfferBy: state.lastOfferBy }
    case 'complete':
      if (state.status !== 'accepted') return refuse(`Only an accepted deal can be completed; this request is ${WORD[state.status] ?? state.status}`)
      if (side !== 'sponsor') return refuse('The sponsor marks the work as completed')
      return { ok: true, status: 'completed', lastOfferBy: state.lastOfferBy }
  }
}

/** What one side may do now: the buttons a page shows. */
export function allowedActions(state: RequestState, side: AdRequestParty): AdRequestAction[] {
  return AD_REQUEST_ACTIONS.filter(action => decide(state, action, side).ok)
}

/** Whose answer an open request waits for, or null when it is not open. */
export function awaitingSide(state: RequestState): AdRequestParty | null {
  if (!OPEN.includes(state.status)) return null
  return state.lastOfferBy === 'sponsor' ? 'influencer' : 'sponsor'
}
