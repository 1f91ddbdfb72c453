import type { ExportKind, Role } from './constants'

/**
 * Domain events: every state change someone must hear about. The domain emits them inside the
 * write's transaction; the notifications table, live updates, e-mail and the cache (which drops
 * what each one makes stale) all hear of them through one delivery path. `recipients` are the
 * users told in their inbox (empty when nobody needs to be told, e.g. the sponsor who published
 * their own campaign); `actorId` is null when the platform itself acted (the lifecycle task).
 * The types double as notification kinds.
 */

interface Told {
  actorId: number | null
  recipients: number[]
  /**
   * Users whose open pages follow the change live without an inbox row (an export's owner
   * watching its progress). Recipients and the actor are told live anyway.
   */
  watchers?: number[]
}

interface AboutAdRequest extends Told {
  adRequestId: number
  campaignId: number
  /** The campaign's title, so a notification reads well even after the campaign is renamed. */
  campaign: string
  paymentAmount?: number
  /** The note the step carries in the request's history, e.g. why it expired. */
  message?: string
}

interface AboutCampaign extends Told {
  campaignId: number
  campaign: string
  sponsorId: number
}

/** An influencer's evening nudge: requests waiting for their answer, or days away from the platform. */
interface DailyReminder {
  /** The day it is for, `YYYY-MM-DD` in the platform's time zone. */
  day: string
  /** How many requests wait for the influencer's answer. */
  awaiting: number
  /** When exactly one waits: that request, so the reminder leads straight to it. */
  adRequestId?: number
  campaign?: string
  /** Days since the last visit, when that is why they are reminded. */
  idleDays?: number
}

export type AdRequestEventType =
  | 'ad_request.invited' | 'ad_request.applied' | 'ad_request.counter' | 'ad_request.accepted'
  | 'ad_request.rejected' | 'ad_request.withdrawn' | 'ad_request.completed' | 'ad_request.expired'

export type CampaignEventType =
  | 'campaign.published' | 'campaign.started' | 'campaign.ended' | 'campaign.cancelled' | 'campaign.unflagged'
  // Told to nobody (recipients: []), but heard by the cache and anyone following the campaign live.
  | 'campaign.drafted' | 'campaign.edited' | 'campaign.paused' | 'campaign.resumed'

export type DomainEvent =
  | AboutAdRequest & { type: AdRequestEventType }
  | AboutCampaign & { type: CampaignEventType }
  | AboutCampaign & { type: 'campaign.flagged', reason: string }
  | Told & { type: 'account.approved' | 'user.suspended', userId: number }
  // Account changes nobody is told of in their inbox (recipients: []).
  | Told & { type: 'account.created' | 'profile.updated', userId: number, role: Role }
  | Told & { type: 'user.reactivated' | 'user.flagged' | 'user.unflagged', userId: number }
  | Told & { type: 'export.progress', exportId: number, kind: ExportKind, progress: number }
  | Told & { type: 'export.finished', exportId: number, kind: ExportKind }
  | Told & { type: 'export.failed', exportId: number, kind: ExportKind, error: string }
  | Told & DailyReminder & { type: 'reminder.daily' }
  /** A sponsor's activity report for `month` (`YYYY-MM`) can be read. */
  | Told & { type: 'report.ready', month: string }

export type DomainEventType = DomainEvent['type']

/**
 * Every event type, for clients that follow them all (an SSE client must name each event it
 * listens to). A Record so that adding a type to DomainEvent without listing it here fails to compile.
 */
const EVENT_TYPES: Record<DomainEventType, true> = {
  'ad_request.invited': true, 'ad_request.applied': true, 'ad_request.counter': true, 'ad_request.accepted': true,
  'ad_request.rejected': true, 'ad_request.withdrawn': true, 'ad_request.completed': true, 'ad_request.expired': true,
  'campaign.published': true, 'campaign.started': true, 'campaign.ended': true, 'campaign.cancelled': true,
  'campaign.unflagged': true, 'campaign.flagged': true,
  'campaign.drafted': true, 'campaign.edited': true, 'campaign.paused': true, 'campaign.resumed': true,
  'account.approved': true, 'user.suspended': true,
  'account.created': true, 'profile.updated': true, 'user.reactivated': true, 'user.flagged': true, 'user.unflagged': true,
  'export.progress': true, 'export.finished': true, 'export.failed': true,
  'reminder.daily': true, 'report.ready': true,
}
export const DOMAIN_EVENT_TYPES = Object.keys(EVENT_TYPES) as DomainEventType[]
export const AD_REQUEST_EVENT_TYPES = DOMAIN_EVENT_TYPES.filter((t): t is AdRequestEventType => t.startsWith('ad_request.'))
export const CAMPAIGN_EVENT_TYPES = DOMAIN_EVENT_TYPES.filter(t => t.startsWith('campaign.'))

type WithoutAudience<E> = E extends unknown ? Omit<E, 'recipients' | 'watchers' | 'actorId'> : never

/** An event as its audience may see it: the facts, without who else was told or who acted. */
export type EventFacts<T extends DomainEventType = DomainEventType> = WithoutAudience<Extract<DomainEvent, { type: T }>>

/**
 * What GET /api/events sends as the `data:` of an event: its facts, and the id of the inbox row
 * it left for the reader (also the message's SSE `id:`), when it left one.
 */
export type LiveEventData<T extends DomainEventType = DomainEventType> = EventFacts<T> & { notificationId?: number }

export function eventFacts<E extends DomainEvent>(event: E): WithoutAudience<E> {
  const { recipients: _recipients, watchers: _watchers, actorId: _actor, ...facts } = event
  return facts as WithoutAudience<E>
}

export interface NotificationDraft {
  userId: number
  kind: DomainEventType
  payload: Record<string, unknown>
}

/**
 * The inbox rows an event leaves: one per recipient, its kind the event's type and its payload
 * the event's facts. The app's notification texts read these payloads, so the demo seed and the
 * live delivery both go through here.
 */
export function notificationsFor(event: DomainEvent): NotificationDraft[] {
  const { type, ...payload } = eventFacts(event)
  return event.recipients.map(userId => ({ userId, kind: type, payload }))
}

/** Everyone whose open pages should follow the event as it happens: recipients, watchers, the actor. */
export function liveAudience(event: DomainEvent): number[] {
  const users = new Set([...event.recipients, ...(event.watchers ?? [])])
  if (event.actorId !== null) users.add(event.actorId)
  return [...users]
}
