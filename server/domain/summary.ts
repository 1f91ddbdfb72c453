import { and, count, eq, inArray, sum } from 'drizzle-orm'
import type { Db } from '../database/client'
import { adRequests, campaigns } from '../database/schema'
import { AD_REQUEST_STATUSES, AD_REQUEST_STATUS_GROUPS, CAMPAIGN_STATUSES, CAMPAIGN_STATUS_GROUPS } from '#shared/constants'
import type { AdRequestParty, CampaignStatus } from '#shared/constants'
import { awaitingAnswerFrom } from './ad-requests'
import { DomainError } from './errors'
import type { DealTotals, InfluencerSummary, SponsorSummary } from '#shared/types/summary'
import type { Viewer } from './viewer'

/** The group the dashboard's "Live campaigns" counts and its list filters by. */
const LIVE_CAMPAIGN = [...CAMPAIGN_STATUS_GROUPS.live]

async function dealTotals(db: Db, viewer: Viewer & { role: AdRequestParty }): Promise<DealTotals> {
  const mine = viewer.role === 'sponsor' ? eq(campaigns.sponsorId, viewer.id) : eq(adRequests.influencerId, viewer.id)
  const rows = await db.select({ status: adRequests.status, n: count(), amount: sum(adRequests.paymentAmount) })
    .from(adRequests).innerJoin(campaigns, eq(campaigns.id, adRequests.campaignId))
    .where(mine).groupBy(adRequests.status)
  const byStatus = Object.fromEntries(AD_REQUEST_STATUSES.map(s => [s, { count: 0, amount: 0 }])) as DealTotals['byStatus']
  for (const row of rows) byStatus[row.status] = { count: row.n, amount: Number(row.amount ?? 0) }

  const awaitingYou = (await db.select({ n: count() }).from(adRequests)
    .innerJoin(campaigns, eq(campaigns.id, adRequests.campaignId))
    .where(and(mine, awaitingAnswerFrom(viewer.role)))
  )[0]!.n
  return { byStatus, awaitingYou }
}

/** The figures of a sponsor's or an influencer's dashboard, computed in the database. */
export async function dashboardSummary(db: Db, viewer: Viewer): Promise<SponsorSummary | InfluencerSummary> {
  if (viewer.role === 'influencer') {
    const deals = await dealTotals(db, { ...viewer, role: 'influencer' })
    return { role: 'influencer', deals, earnings: { earned: deals.byStatus.completed.amount, agreed: deals.byStatus.accepted.amount } }
  }
  if (viewer.role !== 'sponsor') throw new DomainError('forbidden', 'Only sponsors and influencers have a dashboard summary')

  const deals = await dealTotals(db, { ...viewer, role: 'sponsor' })
  const byStatus = Object.fromEntries(CAMPAIGN_STATUSES.map(s => [s, 0])) as Record<CampaignStatus, number>
  const rows = await db.select({ status: campaigns.status, n: count() }).from(campaigns)
    .where(eq(campaigns.sponsorId, viewer.id)).groupBy(campaigns.status)
  for (const row of rows) byStatus[row.status] = row.n

  const [live] = await db.select({ budget: sum(campaigns.budget) }).from(campaigns)
    .where(and(eq(campaigns.sponsorId, viewer.id), inArray(campaigns.status, LIVE_CAMPAIGN)))
  const [committed] = await db.select({ amount: sum(adRequests.paymentAmount) }).from(adRequests)
    .innerJoin(campaigns, eq(campaigns.id, adRequests.campaignId))
    .where(and(eq(campaigns.sponsorId, viewer.id), inArray(campaigns.status, LIVE_CAMPAIGN), inArray(adRequests.status, [...AD_REQUEST_STATUS_GROUPS.agreed])))
  return {
    role: 'sponsor',
    deals,
    campaigns: byStatus,
    budget: { live: Number(live?.budget ?? 0), committed: Number(committed?.amount ?? 0) },
  }
}
