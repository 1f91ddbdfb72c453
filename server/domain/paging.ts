/** Where a page's rows are read: `offset` and `limit` in the list's order, or from its other end. */
export interface PageWindow {
  offset: number
  limit: number
  /**
   * Read in the opposite order (every sort key flipped) and reverse the rows read: they are then
   * the page's rows in the list's order.
   */
  fromEnd: boolean
}

/**
 * Which end of a list of `total` rows to read page `page` from. An OFFSET walks every row it
 * skips, so a deep page of a long list costs as much as reading the list up to it (150,000 index
 * entries for page 7,501 of 200,000 requests at 20 a page); read from the nearer end, no page
 * walks more than half the list. The rows and their order are those of the forward walk as long
 * as the sort is total (ends in a unique key) and `total` is the list's current length.
 */
export function pageWindow(total: number, page: number, pageSize: number): PageWindow {
  const start = (page - 1) * pageSize
  const end = Math.min(start + pageSize, total)
  if (start >= total || start <= total - end) return { offset: start, limit: pageSize, fromEnd: false }
  return { offset: total - end, limit: end - start, fromEnd: true }
}
