import { and, eq, gte, inArray, lt, lte } from 'drizzle-orm'
import type { Db } from '../database/client'
import { adRequests, campaigns } from '../database/schema'
import { dayIn } from './calendar'
import { expireOpenRequests } from './campaigns'
import { writeWithEvents } from './events'

export interface LifecycleCounts {
  started: number
  completed: number
  expired: number
}

/**
 * Moves campaigns along their dates as of `now`: scheduled → active from the start date,
 * active or paused → completed once the end date is past (a campaign runs through its last
 * day), and open requests of completed or cancelled campaigns → expired. Each step selects only
 * what still needs it, so a second run of the same moment finds nothing and tells nobody twice.
 */
export function runCampaignLifecycle(db: Db, now: Date, timeZone?: string): LifecycleCounts {
  const today = dayIn(now, timeZone)
  return writeWithEvents(db, (tx, emit) => {
    const starting = tx.select().from(campaigns)
      .where(and(eq(campaigns.status, 'scheduled'), lte(campaigns.startDate, today), gte(campaigns.endDate, today))).all()
    for (const c of starting) {
      tx.update(campaigns).set({ status: 'active' }).where(eq(campaigns.id, c.id)).run()
      emit({ type: 'campaign.started', campaignId: c.id, campaign: c.title, sponsorId: c.sponsorId, actorId: null, recipients: [c.sponsorId] })
    }

    // A scheduled campaign whose whole run went by unseen (the platform was down) ends too.
    const ending = tx.select().from(campaigns)
      .where(and(inArray(campaigns.status, ['scheduled', 'active', 'paused']), lt(campaigns.endDate, today))).all()
    for (const c of ending) {
      tx.update(campaigns).set({ status: 'completed' }).where(eq(campaigns.id, c.id)).run()
      emit({ type: 'campaign.ended', campaignId: c.id, campaign: c.title, sponsorId: c.sponsorId, actorId: null, recipients: [c.sponsorId] })
    }

    const over = tx.selectDistinct({ id: campaigns.id, sponsorId: campaigns.sponsorId, title: campaigns.title, status: campaigns.status })
      .from(campaigns).innerJoin(adRequests, eq(adRequests.campaignId, campaigns.id))
      .where(and(inArray(campaigns.status, ['completed', 'cancelled']), inArray(adRequests.status, ['pending', 'negotiating']))).all()
    let expired = 0
    for (const c of over) {
      expired += expireOpenRequests(tx, emit, c, c.status === 'cancelled' ? 'The campaign was cancelled.' : 'The campaign ended before an agreement.')
    }
    return { started: starting.length, completed: ending.length, expired }
  })
}
