import { sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'

/**
 * Turns what a person typed into a safe FTS5 query: each word becomes a quoted prefix term,
 * all must match. Operators and quotes typed by the user are treated as plain text.
 */
export function ftsQuery(text: string): string | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 8)
  if (!words?.length) return null
  return words.map(w => `"${w}"*`).join(' ')
}

/** Escapes a value for a LIKE pattern that uses `escape '\'`. */
export function likeEscape(text: string): string {
  return text.replace(/[%_\\]/g, c => `\\${c}`)
}

/**
 * The rows an FTS5 table matches with their rank, as a subquery `hits (id, rank)` to join on and
 * sort by `hits.rank`. Ranking through a join runs the search once; a rank subquery in ORDER BY
 * would run it again for every candidate row before the sort.
 */
export function ftsHits(table: 'campaigns_fts' | 'influencers_fts', match: string): SQL {
  return sql`(select rowid as id, rank from ${sql.identifier(table)} where ${sql.identifier(table)} match ${match}) as hits`
}
