import { eq, sql } from 'drizzle-orm'
import type { Db } from '../database/client'
import { influencerProfiles } from '../database/schema'
import { TRACK_RECORD_STATUSES } from '#shared/constants'
import type { AdRequestStatus } from '#shared/constants'
import type { DealRecord } from './matching'

// An influencer's track record: how many of their requests became deals (accepted or completed),
// how many of those were completed, and how many were rejected. Each profile keeps its overall
// record, changed in the same transaction as the status of one of its requests, so that ranking
// thousands of candidates reads a few columns instead of counting requests for each one. The
// seeds, which write requests in bulk, count the records afterwards (../database/seed/track-records.ts).

/** Which statuses each figure counts, as a `DealRecord` names them. */
const COUNTED: { [K in keyof DealRecord]: readonly AdRequestStatus[] } = TRACK_RECORD_STATUSES

/** The statuses a track record counts at all. */
export const RECORDED_STATUSES = [...new Set(Object.values(COUNTED).flat())]

/** A track record from how many requests are in each status. */
export function recordFrom(requestsIn: (status: AdRequestStatus) => number): DealRecord {
  const figure = (statuses: readonly AdRequestStatus[]) => statuses.reduce((sum, status) => sum + requestsIn(status), 0)
  return { agreed: figure(COUNTED.agreed), completed: figure(COUNTED.completed), rejected: figure(COUNTED.rejected) }
}

/** What a request moving from one status to another changes in its influencer's track record. */
export function recordChange(from: AdRequestStatus, to: AdRequestStatus): DealRecord {
  return recordFrom(status => Number(status === to) - Number(status === from))
}

/** A profile's kept track record, as columns to select. */
export const trackRecordColumns = {
  agreed: influencerProfiles.trackAgreed,
  completed: influencerProfiles.trackCompleted,
  rejected: influencerProfiles.trackRejected,
}

/**
 * Keeps an influencer's track record as one of their requests moves from `from` to `to`: call it
 * in the transaction that moves the request, so that the record and the requests never disagree.
 */
export async function keepTrackRecord(tx: Db, influencerId: number, from: AdRequestStatus, to: AdRequestStatus) {
  const change = recordChange(from, to)
  if (!change.agreed && !change.completed && !change.rejected) return
  const changed = (figure: keyof DealRecord) => sql`${trackRecordColumns[figure]} + ${change[figure]}`
  await tx.update(influencerProfiles).set({
    trackAgreed: changed('agreed'),
    trackCompleted: changed('completed'),
    trackRejected: changed('rejected'),
  }).where(eq(influencerProfiles.userId, influencerId))
}
