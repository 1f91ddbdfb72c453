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

/** How far apart a long list's anchors are: no page read from one walks more rows than this. */
export const ANCHOR_EVERY = 1000

/**
 * A row of a list whose position is known: the rows after it, in the list's order, start at
 * `skip`. A page deep in a long list is read from the last anchor before it: the index is entered
 * at the anchor's key (keyset pagination) and fewer than `every` rows are walked to the page,
 * where an OFFSET walks every row before it. Anchors are positions, so they are as current as the
 * list's total and are kept with it.
 */
export interface Anchor<Key> {
  skip: number
  key: Key
}

/** How a caller keeps a list's length: from `countAll`, or kept between requests. */
export type KeptTotal = (countAll: () => Promise<number>) => Promise<number>

/** The list's length: the kept one when the caller keeps it, counted otherwise. */
export function listTotal(kept: { total?: KeptTotal }, countAll: () => Promise<number>): Promise<number> {
  return kept.total ? kept.total(countAll) : countAll()
}

/** How a list keeps what is dear to recompute for every page; by default nothing is kept. */
export interface ListKeeping<Key> {
  /** The list's length. */
  total?: KeptTotal
  /** The anchors, every `every` rows (ANCHOR_EVERY unless given), from `find` or kept. */
  anchors?: (find: () => Promise<Anchor<Key>[]>) => Promise<Anchor<Key>[]>
  every?: number
}

/** Where page `start` (its first row's position) is read from the anchors: after `anchor`, skipping `offset` more. */
export function fromAnchor<Key>(anchors: Anchor<Key>[], start: number): { anchor: Anchor<Key> | undefined, offset: number } {
  let anchor: Anchor<Key> | undefined
  for (const a of anchors) {
    if (a.skip > start) break
    anchor = a
  }
  return { anchor, offset: start - (anchor?.skip ?? 0) }
}
