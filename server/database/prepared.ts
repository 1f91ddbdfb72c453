import type { Db } from './client'

const statements = new WeakMap<Db, Map<string, unknown>>()

/**
 * A statement built and prepared once per connection, then reused. Otherwise drizzle builds the
 * SQL and SQLite plans it again on every call, which for a small indexed read on a hot path costs
 * more than the read itself.
 */
export function preparedOnce<T>(db: Db, name: string, prepare: () => T): T {
  let byName = statements.get(db)
  if (!byName) statements.set(db, byName = new Map())
  if (!byName.has(name)) byName.set(name, prepare())
  return byName.get(name) as T
}
