import { inArray, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { Db } from '../client'
import { adRequests, influencerProfiles } from '../schema'
import { TRACK_RECORD_STATUSES } from '#shared/constants'
import type { AdRequestStatus } from '#shared/constants'

/**
 * Counts every influencer's track record from their requests: after requests written in bulk.
 * The product keeps each record as its requests change status (server/domain/track-records.ts).
 */
export async function recountTrackRecords(db: Db) {
  const requestsIn = (statuses: readonly AdRequestStatus[]): SQL => sql`(select count(*) from ${adRequests}
    where ${adRequests.influencerId} = ${influencerProfiles.userId} and ${inArray(adRequests.status, [...statuses])})`
  await db.update(influencerProfiles).set({
    trackAgreed: requestsIn(TRACK_RECORD_STATUSES.agreed),
    trackCompleted: requestsIn(TRACK_RECORD_STATUSES.completed),
    trackRejected: requestsIn(TRACK_RECORD_STATUSES.rejected),
  })
}
