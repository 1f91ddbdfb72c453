import type { CampaignListKeeping } from '../domain/campaigns'

/**
 * What a visitor's campaign lists keep between requests, the same for every visitor: a directory
 * list's whole order (each of its pages is a slice of it), a text search's matches, and any other
 * list's length (`query` without its sort and page). The directory's pages and the visitor's
 * GET /api/campaigns ask for the same lists, so they share what is kept.
 */
export function visitorListKeeping(query: { sort?: string, page: number, pageSize: number }): CampaignListKeeping {
  const { sort: _sort, page: _page, pageSize: _pageSize, ...filters } = query
  return {
    order: (list, readAll) => cachedRead(null, cached.directoryOrder(list), readAll),
    search: (search, readAll) => cachedRead(null, cached.visitorSearch(search), readAll),
    total: countAll => cachedRead(null, cached.visitorCampaignTotal(filters), countAll),
  }
}
