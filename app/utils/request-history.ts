import type { TimelineItem } from '@nuxt/ui'
import type { AdRequestEventKind } from '#shared/constants'
import type { AdRequestEvent } from '~/types/api'

const EVENT_ICONS: Record<AdRequestEventKind, string> = {
  offer: 'i-lucide-send',
  counter: 'i-lucide-arrow-left-right',
  message: 'i-lucide-message-square',
  accepted: 'i-lucide-check',
  rejected: 'i-lucide-x',
  withdrawn: 'i-lucide-undo-2',
  expired: 'i-lucide-clock',
  completed: 'i-lucide-badge-check',
}

function sentence(event: AdRequestEvent, viewerId: number | undefined): string {
  // The parties know who is who; an admin looking on is told each actor's side.
  const onlooker = viewerId === undefined && event.actorSide
  const who = event.actorId !== null && event.actorId === viewerId ? 'You' : onlooker ? `${event.actorName} (${event.actorSide})` : event.actorName
  const amount = event.paymentAmount !== undefined ? formatCents(event.paymentAmount) : ''
  switch (event.kind) {
    case 'offer': return `${who} offered ${amount}`.trim()
    case 'counter': return `${who} countered with ${amount}`
    case 'message': return `${who} wrote`
    case 'accepted': return amount ? `${who} accepted ${amount}` : `${who} accepted`
    case 'rejected': return `${who} declined`
    case 'withdrawn': return `${who} withdrew the request`
    case 'expired': return 'Expired when the campaign ended'
    case 'completed': return `${who} marked the work completed`
  }
}

/**
 * A request's history as timeline entries, oldest first. For a party (`viewerId`), their own
 * steps read "You"; without one, as an admin sees it, each name carries its side.
 */
export function historyTimeline(history: AdRequestEvent[], viewerId?: number): TimelineItem[] {
  return history.map((event, index) => ({
    value: index,
    date: formatDateTime(event.at),
    title: sentence(event, viewerId),
    description: event.message,
    icon: EVENT_ICONS[event.kind],
  }))
}
