import { z } from 'zod'
import { NICHES } from '../constants'
import { pageQuery, searchText } from './common'

export const INFLUENCER_SORTS = ['relevance', 'audience_desc', 'audience_asc', 'engagement_desc', 'rate_asc', 'newest'] as const

export const influencerSearchQuery = pageQuery.extend({
  q: searchText().optional(),
  niche: z.enum(NICHES, { error: 'Unknown niche' }).optional(),
  minAudience: z.coerce.number({ error: 'Must be a number' }).int('Whole number').min(0, 'Cannot be negative').optional(),
  maxAudience: z.coerce.number({ error: 'Must be a number' }).int('Whole number').min(0, 'Cannot be negative').optional(),
  minEngagement: z.coerce.number({ error: 'Must be a number' }).min(0, 'Cannot be negative').max(100, 'At most 100').optional(),
  location: searchText().optional(),
  sort: z.enum(INFLUENCER_SORTS, { error: `Sort by one of: ${INFLUENCER_SORTS.join(', ')}` }).optional(),
}).refine(q => q.minAudience === undefined || q.maxAudience === undefined || q.minAudience <= q.maxAudience, { message: 'Must be at least minAudience', path: ['maxAudience'] })
export type InfluencerSearchQuery = z.infer<typeof influencerSearchQuery>
