import { and, eq, exists, gte, inArray, lt, lte } from 'drizzle-orm'
import type { Db } from '../database/client'
import { adRequests, campaigns } from '../database/schema'
import { AD_REQUEST_STATUS_GROUPS, CAMPAIGN_STATUS_GROUPS, FINISHED_CAMPAIGN_STATUSES } from '#shared/constants'
import { dayIn } from './calendar'
import { expireOpenRequests } from './campaigns'
import { writeWithEvents } from './events'

export interface LifecycleCounts {
  started: number
  completed: number
  expired: number
}

/**
 * Campaigns per step in one transaction. A platform that was down for a while (or a bulk import)
 * can owe thousands of transitions: done in one transaction they would hold the event loop and
 * the write lock for seconds; in batches, requests are served between them. Ten ended campaigns
 * with their open requests (each expiry a history row, two notices and two e-mails) took about
 * 100 ms on the benchmark data; a hundred took over a second.
 */
const BATCH = 10

/**
 * One batch of the lifecycle as of `today`: scheduled → active from the start date, active or
 * paused → completed once the end date is past (a campaign runs through its last day), and open
 * requests of completed or cancelled campaigns → expired. Each step selects only what still needs
 * it, so a run that finds nothing tells nobody twice. `more` says a step filled its batch.
 */
async function lifecycleBatch(db: Db, today: string, limit: number): Promise<LifecycleCounts & { more: boolean }> {
  return writeWithEvents(db, async (tx, emit) => {
    const starting = await tx.select().from(campaigns)
      .where(and(eq(campaigns.status, 'scheduled'), lte(campaigns.startDate, today), gte(campaigns.endDate, today))).limit(limit)
    for (const c of starting) {
      await tx.update(campaigns).set({ status: 'active' }).where(eq(campaigns.id, c.id))
      emit({ type: 'campaign.started', campaignId: c.id, campaign: c.title, sponsorId: c.sponsorId, actorId: null, recipients: [c.sponsorId] })
    }

    // A scheduled campaign whose whole run went by unseen (the platform was down) ends too.
    const ending = await tx.select().from(campaigns)
      .where(and(inArray(campaigns.status, [...CAMPAIGN_STATUS_GROUPS.live]), lt(campaigns.endDate, today))).limit(limit)
    for (const c of ending) {
      await tx.update(campaigns).set({ status: 'completed' }).where(eq(campaigns.id, c.id))
      emit({ type: 'campaign.ended', campaignId: c.id, campaign: c.title, sponsorId: c.sponsorId, actorId: null, recipients: [c.sponsorId] })
    }

    // Driven by the ended campaigns (each probes its own requests through their index), not by
    // every open request on the platform.
    const openRequest = tx.select({ id: adRequests.id }).from(adRequests)
      .where(and(eq(adRequests.campaignId, campaigns.id), inArray(adRequests.status, [...AD_REQUEST_STATUS_GROUPS.in_negotiation])))
    const over = await tx.select({ id: campaigns.id, sponsorId: campaigns.sponsorId, title: campaigns.title, status: campaigns.status })
      .from(campaigns).where(and(inArray(campaigns.status, [...FINISHED_CAMPAIGN_STATUSES]), exists(openRequest))).limit(limit)
    let expired = 0
    for (const c of over) {
      expired += await expireOpenRequests(tx, emit, c, c.status === 'cancelled' ? 'The campaign was cancelled.' : 'The campaign ended before an agreement.')
    }
    const more = [starting, ending, over].some(step => step.length === limit)
    return { started: starting.length, completed: ending.length, expired, more }
  })
}

function add(total: LifecycleCounts, batch: LifecycleCounts) {
  total.started += batch.started
  total.completed += batch.completed
  total.expired += batch.expired
}

/**
 * Moves campaigns along their dates as of `now` (days in `timeZone`), batch after batch until
 * nothing is left, pausing between batches with `yieldBetween` (the scheduled task lets the
 * requests waiting meanwhile be served). A second run of the same moment finds nothing to do.
 */
export async function runCampaignLifecycle(db: Db, now: Date, timeZone?: string, yieldBetween: () => Promise<void> = async () => {}, limit = BATCH): Promise<LifecycleCounts> {
  const today = dayIn(now, timeZone)
  const total: LifecycleCounts = { started: 0, completed: 0, expired: 0 }
  for (;;) {
    const { more, ...batch } = await lifecycleBatch(db, today, limit)
    add(total, batch)
    if (!more) return total
    await yieldBetween()
  }
}
