import { mockNuxtImport, mountSuspended, registerEndpoint } from '@nuxt/test-utils/runtime'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import NotificationsSlideover from '~/components/notifications/Slideover.vue'
import type { Role } from '#shared/constants'

// Only the reader's role matters here; a whole logged-in user would also open the live event
// stream, which has no server to talk to in these tests.
const reader = vi.hoisted(() => ({ role: 'sponsor' as Role }))
mockNuxtImport('useAuthStore', () => () => reader)

const inbox = {
  items: [
    { id: 2, kind: 'ad_request.counter', payload: { adRequestId: 42, campaign: 'Trail Week', paymentAmount: 50_000 }, read: false, createdAt: '2026-11-30T09:00:00.000Z' },
    { id: 1, kind: 'campaign.flagged', payload: { campaignId: 7, campaign: 'Trail Week', reason: 'Misleading claims' }, read: true, createdAt: '2026-11-29T09:00:00.000Z' },
  ],
  total: 2, page: 1, pageSize: 30, unread: 1,
}

async function openInboxAs(role: Role) {
  registerEndpoint('/api/notifications', () => inbox)
  reader.role = role
  const wrapper = await mountSuspended(NotificationsSlideover, { props: { open: false } })
  onTestFinished(() => wrapper.unmount())
  // Opening it is what loads the latest notifications.
  await wrapper.setProps({ open: true })
  const panel = () => document.body.querySelector('[role="dialog"]')
  await vi.waitUntil(() => panel()?.querySelector('li'))
  return {
    text: () => panel()!.textContent!,
    link: (title: string) => [...panel()!.querySelectorAll('a')].find(a => a.textContent!.includes(title))?.getAttribute('href'),
  }
}

describe('the notifications inbox', () => {
  it('shows a sponsor each notification in its words, linked to the sponsor’s pages', async () => {
    const inboxPanel = await openInboxAs('sponsor')
    expect(inboxPanel.text()).toContain('1 unread')
    expect(inboxPanel.text()).toContain('Counter-offer on Trail Week')
    expect(inboxPanel.text()).toContain('New amount: $500')
    expect(inboxPanel.link('Counter-offer on Trail Week')).toBe('/sponsor/requests/42')
    expect(inboxPanel.link('Trail Week is under review')).toBe('/sponsor/campaigns/7')
  })

  it('leads a creator to the creator’s copy of the request, and links no campaign it has no page for', async () => {
    const inboxPanel = await openInboxAs('influencer')
    expect(inboxPanel.link('Counter-offer on Trail Week')).toBe('/influencer/requests/42')
    expect(inboxPanel.text()).toContain('Trail Week is under review')
    expect(inboxPanel.link('Trail Week is under review')).toBeUndefined()
  })
})
