import { getTableName, sql } from 'drizzle-orm'
import type { AnyColumn, SQL } from 'drizzle-orm'
import type { Db } from './client'
import { dialectOf } from './client'

// The few pieces of SQL that differ between SQLite and PostgreSQL, so the domain writes each
// query once: full-text search, a list of ids given as one parameter, a timestamp's calendar day.

/** The words of what a person typed, as the search matches them: letters and digits only, at most eight. */
function searchWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 8) ?? []
}

export type SearchTarget = 'campaigns' | 'influencers' | 'users'

/**
 * Each target's full-text index on each database, keyed by the row's id. Users are searched by
 * name, unstemmed: on PostgreSQL with the 'simple' configuration, as their document is made.
 */
const SEARCH_INDEX = {
  sqlite: { campaigns: 'campaigns_fts', influencers: 'influencers_fts', users: 'users_fts' },
  postgres: {
    campaigns: { table: 'campaigns', id: 'id', document: 'search_document', config: 'english' },
    influencers: { table: 'influencer_search', id: 'user_id', document: 'document', config: 'english' },
    users: { table: 'users', id: 'id', document: 'search_document', config: 'simple' },
  },
} as const

export interface TextSearch {
  /** The ids that match, as a condition on `idColumn`. */
  matches: (idColumn: AnyColumn) => SQL
  /**
   * The matches with their rank, as `innerJoin`'s arguments: a subquery `hits (id, rank)` joined
   * on `idColumn`, to select and sort by `hits.rank` (best first). Ranking through a join runs
   * the search once; a rank subquery in ORDER BY would run it again for every candidate row.
   */
  joinHits: (idColumn: AnyColumn) => [hits: SQL, on: SQL]
}

/**
 * A full-text search for what a person typed: every word must match, each as a prefix
 * ("fit" finds "fitness"). Operators and quotes typed by the user are plain text. Null when
 * the text has no word to search for.
 */
export function textSearch(db: Db, target: SearchTarget, text: string): TextSearch | null {
  const words = searchWords(text)
  if (!words.length) return null
  if (dialectOf(db) === 'postgres') {
    const { table, id, document, config } = SEARCH_INDEX.postgres[target]
    const query = sql`to_tsquery(${sql.raw(`'${config}'`)}, ${words.map(w => `${w}:*`).join(' & ')})`
    const found = sql`${sql.identifier(document)} @@ ${query}`
    // A query over the document's own table checks each row's document, which the search index
    // finds: as a join of the table with its matches, PostgreSQL scanned the whole table to
    // hash it (10,000 campaigns read for 400 matches), so the cost grew with the table.
    const ownRow = (column: AnyColumn) => getTableName(column.table) === table && column.name === id
    const foundInRow = sql`${sql.identifier(table)}.${sql.identifier(document)} @@ ${query}`
    const matches = (column: AnyColumn) => ownRow(column) ? foundInRow : sql`${column} in (select ${sql.identifier(id)} from ${sql.identifier(table)} where ${found})`
    // ts_rank grows with relevance; negated, the best sorts first as FTS5's rank does.
    const hits = sql`(select ${sql.identifier(id)} as id, -ts_rank(${sql.identifier(document)}, ${query}) as rank from ${sql.identifier(table)} where ${found}) as hits`
    return {
      matches,
      joinHits: column => [hits, ownRow(column) ? sql`hits.id = ${column} and ${foundInRow}` : sql`hits.id = ${column}`],
    }
  }
  const index = sql.identifier(SEARCH_INDEX.sqlite[target])
  const match = words.map(w => `"${w}"*`).join(' ')
  return {
    matches: column => sql`${column} in (select rowid from ${index} where ${index} match ${match})`,
    joinHits: column => [sql`(select rowid as id, rank from ${index} where ${index} match ${match}) as hits`, sql`hits.id = ${column}`],
  }
}

/**
 * `column` is one of the ids in the placeholder `name`, whose value is a JSON array of
 * integers (`JSON.stringify(ids)`): one prepared statement serves any number of ids.
 */
export function inIdList(db: Db, column: AnyColumn, name: string): SQL {
  if (dialectOf(db) === 'postgres') {
    return sql`${column} in (select (jsonb_array_elements_text(${sql.placeholder(name)}::jsonb))::integer)`
  }
  return sql`${column} in (select value from json_each(${sql.placeholder(name)}))`
}

/**
 * A fixed list of the project's own words (statuses) as SQL literals, for `in (...)`: the same
 * SQL text as written by hand, so plans and partial indexes that name the literals still apply.
 */
export function literalList(values: readonly string[]): SQL {
  return sql.raw(values.map(value => `'${value.replaceAll('\'', '\'\'')}'`).join(', '))
}

/**
 * Several values as one column, a JSON array of them: a correlated subquery gives one value, so
 * this is how one probe answers several counts. Read it back with `fromJsonArray`.
 */
export function jsonArray(db: Db, values: (SQL | AnyColumn)[]): SQL {
  const list = sql.join(values, sql`, `)
  return dialectOf(db) === 'postgres' ? sql`json_build_array(${list})` : sql`json_array(${list})`
}

/**
 * The rows of a query as one value: a JSON array holding a `jsonArray` of `values` per row, in no
 * particular order (ordering inside the aggregate costs PostgreSQL a sort of its own). Thousands
 * of rows cost the driver far more read one by one than as one value. Aggregate over a subquery
 * that limits them, and read it back with `fromJsonArray`.
 */
export function jsonRows(db: Db, values: (SQL | AnyColumn)[]): SQL {
  const row = jsonArray(db, values)
  return dialectOf(db) === 'postgres' ? sql`coalesce(json_agg(${row}), '[]')` : sql`json_group_array(${row})`
}

/**
 * Every `column` value a query selects, in `order`, as one JSON array (read it back with
 * `fromJsonArray`). Read row by row, the 6,500 ids of the whole campaign directory cost 3.5 to
 * 4.5 ms of the main thread on PostgreSQL (the driver's and the ORM's work per row), and about
 * 1 ms as one value, sorted in the database's own process; on SQLite 2.2 ms either way.
 */
export function valuesInOrder(db: Db, column: AnyColumn, order: SQL[]): SQL {
  const by = sql.join(order, sql`, `)
  return dialectOf(db) === 'postgres' ? sql`coalesce(json_agg(${column} order by ${by}), '[]')` : sql`json_group_array(${column} order by ${by})`
}

/** A `jsonArray` column's value: PostgreSQL's driver parses JSON itself, SQLite answers text. */
export function fromJsonArray<T>(value: unknown): T[] {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[]
}

/** A timestamp column's calendar day in UTC, as YYYY-MM-DD. */
export function utcDay(db: Db, column: AnyColumn): SQL<string> {
  if (dialectOf(db) === 'postgres') return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`
  return sql<string>`strftime('%Y-%m-%d', ${column} / 1000, 'unixepoch')`
}

/**
 * A subquery PostgreSQL plans on its own: it may not pull it up into a join of the outer query.
 * Pulled up, a condition on another table can turn a walk of the page's index that stops at the
 * page's end into a scan of the whole table: a sponsor's first page of requests walked the index
 * of the list's order through all 200,000 requests (6,600 entries for 20: 19 ms, where reading
 * the sponsor's 691 through its campaigns takes 0.8 ms). OFFSET 0 keeps it apart. SQLite's
 * planner already keeps these apart.
 */
function apart(db: Db, subquery: SQL): SQL {
  return dialectOf(db) === 'postgres' ? sql`${subquery} offset 0` : subquery
}

/** `column in (subquery)`, the subquery planned on its own (see `apart`). */
export function inSubquery(db: Db, column: AnyColumn, subquery: SQL): SQL {
  return sql`${column} in (${apart(db, subquery)})`
}

/**
 * Whether deep pages of a long list are worth reading from anchors (see domain/paging.ts). An
 * index walk is about ten times dearer per entry on PostgreSQL: to a page 100,000 requests deep
 * it takes 10 ms there and 0.9 ms on SQLite, while finding the anchors (one numbered walk of the
 * whole list, once per change to it) takes 54 ms and 72 ms. So only PostgreSQL keeps them.
 */
export function deepPagesFromAnchors(db: Db): boolean {
  return dialectOf(db) === 'postgres'
}
