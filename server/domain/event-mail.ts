import { inArray } from 'drizzle-orm'
import { ROLE_HOME } from '#shared/constants'
import { notificationsFor } from '#shared/events'
import type { DomainEventType } from '#shared/events'
import { describeNotification } from '#shared/notification-text'
import type { Db } from '../database/client'
import { users } from '../database/schema'
import { notificationMail, siteLink } from '../mail/templates'
import type { MailSite } from '../mail/templates'
import type { Delivered } from './events'
import type { MailMessage } from './outbox'

/**
 * The notifications worth an e-mail: an offer or an answer someone is waiting on, a deal's end,
 * a moderator's decision, the daily reminder, the monthly report and an export's end. The
 * others (a campaign of one's own starting or ending on its dates, a request withdrawn by the
 * side that made it, a campaign shown again) stay in the inbox.
 */
export const MAILED_KINDS: ReadonlySet<DomainEventType> = new Set<DomainEventType>([
  'ad_request.invited', 'ad_request.applied', 'ad_request.counter', 'ad_request.accepted',
  'ad_request.rejected', 'ad_request.expired', 'ad_request.completed',
  'campaign.flagged', 'account.approved', 'reminder.daily', 'report.ready', 'export.finished', 'export.failed',
])

/**
 * The e-mails a committed event sends: one to each recipient of an inbox row it left, saying
 * what the inbox says, with a link to where it can be seen in the app. Each is keyed by its
 * notification row, so delivering the same event again mails nobody twice. Suspended accounts
 * get none: they cannot follow the link.
 */
export async function eventMails(db: Db, site: MailSite, { event, notificationIds }: Delivered): Promise<MailMessage[]> {
  if (!MAILED_KINDS.has(event.type) || !notificationIds.length) return []
  const people = new Map((await db.select({ id: users.id, email: users.email, name: users.displayName, role: users.role, status: users.status })
    .from(users).where(inArray(users.id, event.recipients))).map(p => [p.id, p]))
  return notificationsFor(event).flatMap((row, i) => {
    const person = people.get(row.userId)
    if (!person || person.status === 'suspended') return []
    const view = describeNotification(row, person.role)
    const link = siteLink(site, view.page ?? view.to ?? ROLE_HOME[person.role])
    const content = notificationMail(site, { name: person.name, title: view.title, description: view.description, link })
    return [{ to: person.email, ...content, dedupeKey: `notification:${notificationIds[i]}` }]
  })
}
