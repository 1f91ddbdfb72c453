import { FINISHED_CAMPAIGN_STATUSES, OPEN_CAMPAIGN_STATUSES, inGroup } from '#shared/constants'
import type { CampaignView } from '~/types/api'

/**
 * Why a campaign takes no applications now, or null when it does. The server's rule: public
 * campaigns take applications while live or about to start, and none while a moderator reviews
 * them.
 */
export function applicationsClosedReason(campaign: Pick<CampaignView, 'visibility' | 'status'> & { flagged?: boolean }): string | null {
  if (campaign.flagged) return 'A moderator is reviewing this campaign. It takes no new applications until the review ends.'
  if (campaign.visibility === 'private') return 'This is a private campaign: the brand invites creators directly.'
  if (campaign.status === 'paused') return 'The brand has paused this campaign. Applications reopen when it resumes.'
  if (inGroup(FINISHED_CAMPAIGN_STATUSES, campaign.status)) return `This campaign is ${campaign.status} and no longer takes applications.`
  if (!inGroup(OPEN_CAMPAIGN_STATUSES, campaign.status)) return 'This campaign does not take applications.'
  return null
}
