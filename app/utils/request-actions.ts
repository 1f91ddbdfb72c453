import type { ButtonProps } from '@nuxt/ui'
import type { AdRequestAction } from '#shared/schemas/ad-request'

interface ActionCopy {
  /** The button on the request page. */
  label: string
  icon: string
  color: ButtonProps['color']
  /** The confirmation dialog's title and what it tells before the step is taken. */
  title: string
  explain: (ctx: { amount: string, counterpart: string }) => string
  /** The toast once the server has taken the step. */
  done: string
}

/** How each step of the negotiation is offered, confirmed and reported on the request page. */
export const REQUEST_ACTIONS: Record<AdRequestAction, ActionCopy> = {
  accept: {
    label: 'Accept',
    icon: 'i-lucide-check',
    color: 'success',
    title: 'Accept this offer?',
    explain: ({ amount }) => `The deal is agreed at ${amount}, committed from the campaign’s budget.`,
    done: 'Deal accepted',
  },
  counter: {
    label: 'Counter-offer',
    icon: 'i-lucide-arrow-left-right',
    color: 'neutral',
    title: 'Make a counter-offer',
    explain: ({ counterpart }) => `Propose another amount: ${counterpart} can accept it, decline it or counter again.`,
    done: 'Counter-offer sent',
  },
  reject: {
    label: 'Decline',
    icon: 'i-lucide-x',
    color: 'error',
    title: 'Decline this offer?',
    explain: ({ counterpart }) => `The request closes and ${counterpart} sees that you declined.`,
    done: 'Offer declined',
  },
  withdraw: {
    label: 'Withdraw',
    icon: 'i-lucide-undo-2',
    color: 'error',
    title: 'Withdraw this request?',
    explain: () => 'The request closes for both sides. You can open a new one later.',
    done: 'Request withdrawn',
  },
  complete: {
    label: 'Mark completed',
    icon: 'i-lucide-badge-check',
    color: 'primary',
    title: 'Mark the work as completed?',
    explain: ({ counterpart, amount }) => `Confirms that ${counterpart} delivered: the ${amount} deal is closed as completed.`,
    done: 'Deal marked completed',
  },
}
