import { describe, expect, it } from 'vitest'
import { describeNotification } from '../../shared/notification-text'

const deal = { adRequestId: 42, campaignId: 7, campaign: 'Trail Week', paymentAmount: 50_000 }

describe('describeNotification', () => {
  it('words a step of a deal with its campaign and amount, and leads each side to its own copy of the request', () => {
    expect(describeNotification({ kind: 'ad_request.counter', payload: deal }, 'sponsor')).toEqual({
      title: 'Counter-offer on Trail Week', description: 'New amount: $500', icon: 'i-lucide-arrow-left-right', to: '/sponsor/requests/42',
    })
    expect(describeNotification({ kind: 'ad_request.counter', payload: deal }, 'influencer')).toMatchObject({
      title: 'Counter-offer on Trail Week', to: '/influencer/requests/42',
    })
  })

  it('tells an invited creator the offer and a sponsor an application’s asking price', () => {
    expect(describeNotification({ kind: 'ad_request.invited', payload: deal }, 'influencer')).toMatchObject({ title: 'Invitation to Trail Week', description: 'Offer: $500' })
    expect(describeNotification({ kind: 'ad_request.applied', payload: deal }, 'sponsor')).toMatchObject({ title: 'New application to Trail Week', description: 'Asking: $500' })
  })

  it('links a campaign’s news to the campaign for its sponsor only: others have no page for it', () => {
    const flagged = { kind: 'campaign.flagged', payload: { campaignId: 7, campaign: 'Trail Week', reason: 'Misleading claims' } }
    expect(describeNotification(flagged, 'sponsor')).toEqual({
      title: 'Trail Week is under review', description: 'Misleading claims', icon: 'i-lucide-flag', to: '/sponsor/campaigns/7',
    })
    expect(describeNotification(flagged, 'influencer').to).toBeUndefined()
    expect(describeNotification(flagged, 'admin').to).toBeUndefined()
  })

  it('says why a request expired, or that the campaign ended when the step gives no reason', () => {
    expect(describeNotification({ kind: 'ad_request.expired', payload: { ...deal, message: 'Nobody answered in 14 days.' } }, 'sponsor').description).toBe('Nobody answered in 14 days.')
    expect(describeNotification({ kind: 'ad_request.expired', payload: deal }, 'influencer').description).toBe('The campaign ended before an agreement.')
  })

  it('counts what waits in a creator’s daily reminder, and how long they have been away', () => {
    expect(describeNotification({ kind: 'reminder.daily', payload: { awaiting: 1, campaign: 'Trail Week', adRequestId: 42 } }, 'influencer')).toMatchObject({
      title: 'Waiting for your answer: Trail Week', description: 'A brand is waiting to hear from you.', to: '/influencer/requests/42',
    })
    expect(describeNotification({ kind: 'reminder.daily', payload: { awaiting: 3, idleDays: 5 } }, 'influencer')).toMatchObject({
      title: '3 requests wait for your answer', description: 'You have not visited for 5 days.', to: '/influencer/requests?view=waiting',
    })
    expect(describeNotification({ kind: 'reminder.daily', payload: { awaiting: 0 } }, 'influencer')).toMatchObject({
      title: 'New campaigns are waiting for you', description: 'See what brands are looking for.', to: '/influencer/campaigns',
    })
  })

  it('names the month of a sponsor’s report and the kind of a finished export', () => {
    expect(describeNotification({ kind: 'report.ready', payload: { month: '2026-03' } }, 'sponsor')).toMatchObject({
      title: 'Your report for March 2026 is ready', to: '/sponsor/reports?month=2026-03',
    })
    expect(describeNotification({ kind: 'export.finished', payload: { exportId: 9, kind: 'ad_requests' } }, 'sponsor')).toEqual({
      title: 'Your ad requests export is ready', description: 'Download the CSV file.', icon: 'i-lucide-file-down',
      to: '/api/exports/9/download', external: true, page: '/sponsor/exports',
    })
  })

  it('falls back to a plain line for a kind it does not know, and to “A campaign” for a missing name', () => {
    expect(describeNotification({ kind: 'something.new', payload: {} }, 'admin')).toEqual({ title: 'Something changed', icon: 'i-lucide-bell' })
    expect(describeNotification({ kind: 'ad_request.rejected', payload: { adRequestId: 1 } }, 'sponsor').title).toBe('Declined: A campaign')
  })
})
