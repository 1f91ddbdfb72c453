import type { CampaignDirectoryQuery } from '#shared/schemas/campaign'
import { capitalize, formatCents } from './format'
import { CAMPAIGN_SORT_LABELS } from './labels'

export const DIRECTORY_PATH = '/campaigns'
export const DIRECTORY_PAGE_SIZE = 12

/** A campaign's public page. */
export function publicCampaignPath(slug: string): string {
  return `${DIRECTORY_PATH}/${slug}`
}

/**
 * The directory's address for these filters and page, in one fixed order and without empty or
 * default values: the canonical URL of a filtered page, and the target of its page links.
 */
export function directoryLocation(filters: Partial<CampaignDirectoryQuery>, page = 1): string {
  const query = new URLSearchParams()
  if (filters.q) query.set('q', filters.q)
  if (filters.niche) query.set('niche', filters.niche)
  if (filters.min !== undefined) query.set('min', String(filters.min))
  if (filters.max !== undefined) query.set('max', String(filters.max))
  if (filters.sort) query.set('sort', filters.sort)
  if (page > 1) query.set('page', String(page))
  const search = query.toString()
  return search ? `${DIRECTORY_PATH}?${search}` : DIRECTORY_PATH
}

/** GET /api/public/campaigns's query: cents instead of dollars; relevance needs a search text. */
export function directoryApiQuery(filters: CampaignDirectoryQuery) {
  return {
    q: filters.q,
    niche: filters.niche,
    minBudget: filters.min === undefined ? undefined : filters.min * 100,
    maxBudget: filters.max === undefined ? undefined : filters.max * 100,
    sort: filters.sort === 'relevance' && !filters.q ? undefined : filters.sort,
    page: filters.page,
    pageSize: DIRECTORY_PAGE_SIZE,
  }
}

/**
 * The page's title, which names every filter so that each filtered page has its own:
 * "Fitness campaigns matching “trail” with budgets from $500, highest budget first, page 2".
 */
export function directoryTitle(filters: CampaignDirectoryQuery): string {
  const parts = [filters.niche ? `${capitalize(filters.niche)} sponsorship campaigns` : 'Sponsorship campaigns']
  if (filters.q) parts.push(`matching “${filters.q}”`)
  if (filters.min !== undefined && filters.max !== undefined) parts.push(`with budgets of ${formatCents(filters.min * 100)}–${formatCents(filters.max * 100)}`)
  else if (filters.min !== undefined) parts.push(`with budgets from ${formatCents(filters.min * 100)}`)
  else if (filters.max !== undefined) parts.push(`with budgets up to ${formatCents(filters.max * 100)}`)
  let title = parts.join(' ')
  if (filters.sort && filters.sort !== 'relevance' && filters.sort !== 'newest') title += `, ${CAMPAIGN_SORT_LABELS[filters.sort].toLowerCase()} first`
  if (filters.page > 1) title += `, page ${filters.page}`
  return title
}

/** Whether anything narrows the list (the order and page narrow nothing). */
export function isFilteredDirectory(filters: CampaignDirectoryQuery): boolean {
  return !!filters.q || !!filters.niche || filters.min !== undefined || filters.max !== undefined
}

/**
 * The page numbers a pager shows: the first and last, the current one with `siblings` either
 * side, and '…' where a run is left out (a gap of one page shows the page itself instead).
 */
export function pageWindow(page: number, pageCount: number, siblings = 1): (number | '…')[] {
  const wanted = new Set([1, pageCount])
  for (let p = page - siblings; p <= page + siblings; p++) if (p >= 1 && p <= pageCount) wanted.add(p)
  const pages = [...wanted].sort((a, b) => a - b)
  const shown: (number | '…')[] = []
  for (const [i, p] of pages.entries()) {
    const previous = pages[i - 1]
    if (previous !== undefined && p - previous === 2) shown.push(p - 1)
    else if (previous !== undefined && p - previous > 2) shown.push('…')
    shown.push(p)
  }
  return shown
}
