import type { LocationQuery, LocationQueryValue } from 'vue-router'
import { CAMPAIGN_STATUSES, NICHES } from '#shared/constants'
import type { CampaignStatus, Niche } from '#shared/constants'
import { CAMPAIGN_SORTS } from '#shared/schemas/campaign'

export type CampaignSort = (typeof CAMPAIGN_SORTS)[number]

/** Live campaigns are what a creator can apply to, so the browser opens on them. */
export const DEFAULT_BROWSE_STATUS: CampaignStatus = 'active'
/** In the URL, `status=any` lifts the default status filter. */
export const ANY_STATUS = 'any'
export const BROWSE_PAGE_SIZE = 12

export interface CampaignBrowserFilters {
  q?: string
  niche?: Niche
  /** undefined: campaigns in any status. */
  status?: CampaignStatus
  /** Cents, like the API; the URL carries whole dollars so people can read and edit it. */
  minBudget?: number
  maxBudget?: number
  sort?: CampaignSort
}

function single(value: LocationQueryValue | LocationQueryValue[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value
  return first?.trim() || undefined
}

function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return list.find(item => item === value)
}

function dollarsToCents(value: string | undefined): number | undefined {
  const dollars = Number(value)
  return value !== undefined && Number.isFinite(dollars) && dollars >= 0 ? Math.round(dollars * 100) : undefined
}

function centsToDollars(cents: number | undefined): string | undefined {
  return cents === undefined ? undefined : String(cents / 100)
}

/** Parses what a hand-edited or stale URL may hold; anything unknown is left out. */
function parse(query: LocationQuery): CampaignBrowserFilters {
  const status = single(query.status)
  return {
    q: single(query.q),
    niche: oneOf(NICHES, single(query.niche)),
    status: status === ANY_STATUS ? undefined : oneOf(CAMPAIGN_STATUSES, status) ?? DEFAULT_BROWSE_STATUS,
    minBudget: dollarsToCents(single(query.min)),
    maxBudget: dollarsToCents(single(query.max)),
    sort: oneOf(CAMPAIGN_SORTS, single(query.sort)),
  }
}

function toQuery(filters: CampaignBrowserFilters, page: number): LocationQuery {
  const query: Record<string, string | undefined> = {
    q: filters.q || undefined,
    niche: filters.niche,
    status: filters.status === DEFAULT_BROWSE_STATUS ? undefined : filters.status ?? ANY_STATUS,
    min: centsToDollars(filters.minBudget),
    max: centsToDollars(filters.maxBudget),
    sort: filters.sort,
    page: page > 1 ? String(page) : undefined,
  }
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as LocationQuery
}

/**
 * The campaign browser's filters and page, kept in the URL query so back/forward, a reload or a
 * shared link show the same list. Changing a filter goes back to the first page.
 */
export function useCampaignBrowserQuery() {
  const route = useRoute()
  const router = useRouter()

  const filters = computed(() => parse(route.query))
  const page = computed(() => Math.max(1, Math.floor(Number(single(route.query.page))) || 1))

  /** Whether the list is narrowed beyond the default view; the sort order narrows nothing. */
  const isFiltered = computed(() => {
    const { q, niche, status, minBudget, maxBudget } = filters.value
    return !!q || !!niche || status !== DEFAULT_BROWSE_STATUS || minBudget !== undefined || maxBudget !== undefined
  })

  /** GET /api/campaigns's query: relevance needs a search text, so without one the server's default applies. */
  const apiQuery = computed(() => {
    const { sort, ...rest } = filters.value
    return {
      ...rest,
      sort: sort === 'relevance' && !rest.q ? undefined : sort,
      page: page.value,
      pageSize: BROWSE_PAGE_SIZE,
    }
  })

  function update(patch: Partial<CampaignBrowserFilters>) {
    return router.push({ query: toQuery({ ...filters.value, ...patch }, 1) })
  }

  function pageLink(value: number) {
    return { query: toQuery(filters.value, value) }
  }

  /** Back to the default view; the chosen order stays, unless it ranked by the search text. */
  function reset() {
    const sort = filters.value.sort === 'relevance' ? undefined : filters.value.sort
    return router.push({ query: toQuery({ status: DEFAULT_BROWSE_STATUS, sort }, 1) })
  }

  return { filters, page, isFiltered, apiQuery, update, pageLink, reset }
}
