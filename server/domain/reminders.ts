import { and, asc, eq, exists, or, sql } from 'drizzle-orm'
import type { Db } from '../database/client'
import { adRequests, campaigns, users } from '../database/schema'
import { awaitingAnswerFrom } from './ad-requests'
import { dayIn, hourIn } from './calendar'
import { writeWithEvents } from './events'
import { claimNotice, notYetTold } from './periodic-notices'

const DAY_MS = 86_400_000
/** Influencers told per transaction: the write lock is never held for the whole evening's batch. */
const BATCH = 200

export interface ReminderSettings {
  /** The evening hour (0–23) in the platform's time zone when the schedule sends them. */
  hour: number
  /** Days without a visit after which an influencer is reminded even with nothing waiting. */
  idleDays: number
  timeZone?: string
}

export interface ReminderCounts {
  reminded: number
  /** Of those, how many had requests waiting for their answer, and how many had only stayed away. */
  awaiting: number
  idle: number
}

/** Whether `now` is in the evening hour the schedule reminds at, in the platform's time zone. */
export function isReminderHour(now: Date, { hour, timeZone }: ReminderSettings): boolean {
  return hourIn(now, timeZone) === hour
}

interface Candidate {
  id: number
  lastSeen: Date
  waiting: { adRequestId: number, campaign: string }[]
}

/**
 * Active influencers not yet reminded on `day`, each with the requests that wait for their
 * answer; those with none only when their last visit (or, never seen, their last login or
 * sign-up) is `idleDays` or more before `now`.
 */
async function candidates(db: Db, day: string, now: Date, idleDays: number): Promise<Candidate[]> {
  const lastSeen = sql<Date>`coalesce(${users.lastSeenAt}, ${users.lastLoginAt}, ${users.createdAt})`.mapWith(users.createdAt)
  const unreminded = and(eq(users.role, 'influencer'), eq(users.status, 'active'), notYetTold(db, 'reminder.daily', day))
  const waiting = await db.select({ userId: users.id, adRequestId: adRequests.id, campaign: campaigns.title }).from(users)
    .innerJoin(adRequests, eq(adRequests.influencerId, users.id))
    .innerJoin(campaigns, eq(campaigns.id, adRequests.campaignId))
    .where(and(unreminded, awaitingAnswerFrom('influencer')))
    .orderBy(asc(adRequests.id))
  const waitingFor = Map.groupBy(waiting, w => w.userId)
  const idleBefore = sql.param(new Date(now.getTime() - idleDays * DAY_MS), users.createdAt)
  const people = await db.select({ id: users.id, lastSeen }).from(users)
    .where(and(unreminded, or(exists(db.select({ one: adRequests.id }).from(adRequests)
      .where(and(eq(adRequests.influencerId, users.id), awaitingAnswerFrom('influencer')))), sql`${lastSeen} <= ${idleBefore}`)))
  return people.map(p => ({ id: p.id, lastSeen: p.lastSeen, waiting: waitingFor.get(p.id) ?? [] }))
}

/**
 * The reminders of the day `now` falls on in the platform's time zone: each active influencer
 * with requests waiting for their answer, or away for `idleDays` days, is told once (an inbox
 * notification, and an e-mail through the event). The day's notice is recorded with it, so a
 * second run of the same day, here or on another instance, finds nobody left to remind.
 */
export async function sendDailyReminders(db: Db, now: Date, { idleDays, timeZone }: ReminderSettings): Promise<ReminderCounts> {
  const day = dayIn(now, timeZone)
  const counts: ReminderCounts = { reminded: 0, awaiting: 0, idle: 0 }
  const due = await candidates(db, day, now, idleDays)
  for (let i = 0; i < due.length; i += BATCH) {
    await writeWithEvents(db, async (tx, emit) => {
      for (const person of due.slice(i, i + BATCH)) {
        if (!await claimNotice(tx, 'reminder.daily', person.id, day, now)) continue
        const awayDays = Math.floor((now.getTime() - person.lastSeen.getTime()) / DAY_MS)
        const only = person.waiting.length === 1 ? person.waiting[0] : undefined
        emit({
          type: 'reminder.daily',
          day,
          awaiting: person.waiting.length,
          ...(only && { adRequestId: only.adRequestId, campaign: only.campaign }),
          ...(awayDays >= idleDays && { idleDays: awayDays }),
          actorId: null,
          recipients: [person.id],
        })
        counts.reminded++
        if (person.waiting.length) counts.awaiting++
        else counts.idle++
      }
    })
  }
  return counts
}
