import type { Db } from './client'

const statements = new WeakMap<Db, Map<string, unknown>>()

/**
 * A statement built once per database handle, then reused: otherwise drizzle builds the SQL and
 * the database plans it again on every call, which for a small indexed read on a hot path costs
 * more than the read itself. `prepare` gets the statement's name, which PostgreSQL needs to keep
 * it prepared on each pooled connection.
 */
export function preparedOnce<T>(db: Db, name: string, prepare: (name: string) => T): T {
  let byName = statements.get(db)
  if (!byName) statements.set(db, byName = new Map())
  if (!byName.has(name)) byName.set(name, prepare(name))
  return byName.get(name) as T
}
