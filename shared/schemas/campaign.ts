import { z } from 'zod'
import { CAMPAIGN_STATUS_FILTER, CAMPAIGN_VISIBILITIES, NICHES } from '../constants'
import { money } from './auth'
import { pageQuery, searchText } from './common'

const isoDate = (label: string) => z.string({ error: `${label} is required` })
  .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date (YYYY-MM-DD)`)
  .refine(v => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), `${label} is not a real date`)

/** Statuses a sponsor may ask for; `completed` comes only from the campaign's end date. */
export const SPONSOR_CAMPAIGN_STATUSES = ['draft', 'scheduled', 'active', 'paused', 'cancelled'] as const

const campaignFields = {
  title: z.string({ error: 'Title is required' }).trim().min(3, 'At least 3 characters').max(120, 'At most 120 characters'),
  description: z.string({ error: 'Description is required' }).trim().min(10, 'At least 10 characters').max(5000, 'At most 5000 characters'),
  niche: z.enum(NICHES, { error: 'Choose a niche' }),
  goals: z.string().trim().max(2000, 'At most 2000 characters').optional(),
  startDate: isoDate('Start date'),
  endDate: isoDate('End date'),
  visibility: z.enum(CAMPAIGN_VISIBILITIES, { error: 'Choose public or private' }),
  budget: money(100),
  status: z.enum(SPONSOR_CAMPAIGN_STATUSES, { error: 'Not a status a sponsor can set' }).optional(),
}

export const campaignCreateSchema = z.strictObject(campaignFields)
  .refine(c => c.endDate >= c.startDate, { message: 'Must be on or after the start date', path: ['endDate'] })
export type CampaignCreateInput = z.infer<typeof campaignCreateSchema>

/** A partial update; dates are checked against each other once merged with what is stored. */
export const campaignUpdateSchema = z.strictObject(campaignFields).partial()
  .refine(c => Object.keys(c).length > 0, { message: 'Nothing to change', path: ['_'] })
export type CampaignUpdateInput = z.infer<typeof campaignUpdateSchema>

export const CAMPAIGN_SORTS = ['newest', 'budget_desc', 'budget_asc', 'starts_soon', 'ends_soon', 'relevance'] as const

const budgetBound = z.coerce.number({ error: 'Must be a number of cents' }).int('Whole cents').min(0, 'Cannot be negative').optional()
const budgetRange = { message: 'Must be at least minBudget', path: ['maxBudget'] }
const inOrder = (q: { minBudget?: number, maxBudget?: number }) => q.minBudget === undefined || q.maxBudget === undefined || q.minBudget <= q.maxBudget

/** What anyone may search public campaigns by. */
const campaignSearch = pageQuery.extend({
  q: searchText().optional(),
  niche: z.enum(NICHES, { error: 'Unknown niche' }).optional(),
  minBudget: budgetBound,
  maxBudget: budgetBound,
  sort: z.enum(CAMPAIGN_SORTS, { error: `Sort by one of: ${CAMPAIGN_SORTS.join(', ')}` }).optional(),
})

/** GET /api/public/campaigns: the directory's search, the same for every visitor. */
export const publicCampaignListQuery = campaignSearch.refine(inOrder, budgetRange)
export type PublicCampaignListQuery = z.infer<typeof publicCampaignListQuery>

export const campaignListQuery = campaignSearch.extend({
  /** One status or a group's name (`live`), read as the statuses it stands for. */
  status: z.enum(CAMPAIGN_STATUS_FILTER.values, { error: `Unknown status: use one of ${CAMPAIGN_STATUS_FILTER.values.join(', ')}` })
    .transform(CAMPAIGN_STATUS_FILTER.statusesOf).optional(),
  visibility: z.enum(CAMPAIGN_VISIBILITIES, { error: 'Unknown visibility' }).optional(),
  sponsorId: z.coerce.number({ error: 'Must be a numeric id' }).int().positive().optional(),
  mine: z.stringbool({ error: 'Use true or false' }).optional(),
  flagged: z.stringbool({ error: 'Use true or false' }).optional(),
}).refine(inOrder, budgetRange)
export type CampaignListQuery = z.infer<typeof campaignListQuery>

/** A GET form sends every field, empty ones too: an empty field means "any". */
const blankAsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value)
const dollars = (label: string) => z.preprocess(blankAsAbsent, z.coerce.number({ error: `${label} must be a number of dollars` })
  .int(`${label} must be whole dollars`).min(0, `${label} cannot be negative`).max(100_000_000, `${label} is too large`).optional())

/**
 * The public directory's address, /campaigns?q=&niche=&min=&max=&sort=&page=, as its search form
 * sends it: budgets in whole dollars, as people type them (the API takes cents).
 */
export const campaignDirectoryQuery = z.object({
  q: z.preprocess(blankAsAbsent, searchText(100, 'Search at most 100 characters').optional()),
  niche: z.preprocess(blankAsAbsent, z.enum(NICHES, { error: 'Choose a niche from the list' }).optional()),
  min: dollars('Minimum budget'),
  max: dollars('Maximum budget'),
  sort: z.preprocess(blankAsAbsent, z.enum(CAMPAIGN_SORTS, { error: 'Choose an order from the list' }).optional()),
  page: z.preprocess(blankAsAbsent, pageQuery.shape.page),
}).refine(q => q.min === undefined || q.max === undefined || q.min <= q.max, { message: 'Maximum budget must be at least the minimum', path: ['max'] })
export type CampaignDirectoryQuery = z.infer<typeof campaignDirectoryQuery>

/** A campaign's public address, /campaigns/<slug>: lower-case words joined by hyphens. */
export const campaignSlugParam = z.object({
  slug: z.string().max(100, 'At most 100 characters').regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case letters, digits and hyphens only'),
})

export const adminCampaignUpdate = z.strictObject({
  flagged: z.boolean({ error: 'Must be true or false' }),
  reason: z.string().trim().min(3, 'Say why, in a few words').max(500, 'Too long (max 500)').optional(),
}).refine(v => !v.flagged || !!v.reason, { message: 'A reason is required to flag', path: ['reason'] })
