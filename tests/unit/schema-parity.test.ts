import { getTableName, is, Table } from 'drizzle-orm'
import type { InferInsertModel, InferSelectModel } from 'drizzle-orm'
import { getTableConfig as getPgTableConfig, PgDialect, PgTable } from 'drizzle-orm/pg-core'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import { getTableConfig as getSqliteTableConfig, SQLiteSyncDialect } from 'drizzle-orm/sqlite-core'
import { describe, expect, expectTypeOf, it } from 'vitest'
import * as postgres from '../../server/database/postgres/schema'
import * as sqlite from '../../server/database/sqlite/schema'

// The domain code is written once against these types and runs on either database, so a column
// that differs between the two schemas would be a bug on one of them only.
// The type half of this file is checked by `nuxt typecheck` (see nuxt.config.ts), the rest by vitest.

type Rows<Schema> = { [Name in keyof Schema]: Schema[Name] extends Table ? InferSelectModel<Schema[Name]> : never }
type NewRows<Schema> = { [Name in keyof Schema]: Schema[Name] extends Table ? InferInsertModel<Schema[Name]> : never }

/**
 * What a table promises beyond its row type: keys, uniqueness, indexes and foreign keys. (Defaults
 * are left to the insert types: SQLite's integer keys have the rowid as one.)
 */
function shape(table: Table) {
  const config = is(table, PgTable) ? getPgTableConfig(table) : getSqliteTableConfig(table as SQLiteTable)
  const dialect = is(table, PgTable) ? new PgDialect() : new SQLiteSyncDialect()
  return {
    name: getTableName(table),
    columns: config.columns.map(column => ({
      name: column.name, notNull: column.notNull, primary: column.primary, unique: column.isUnique, enum: column.enumValues,
    })),
    primaryKeys: config.primaryKeys.map(key => key.columns.map(column => column.name)),
    indexes: config.indexes.map(({ config: index }) => ({
      name: index.name,
      unique: index.unique,
      columns: index.columns.map(column => 'name' in column ? column.name : '(expression)'),
      where: index.where && dialect.sqlToQuery(index.where).sql,
    })),
    foreignKeys: config.foreignKeys.map((key) => {
      const { columns, foreignTable, foreignColumns } = key.reference()
      return {
        columns: columns.map(column => column.name),
        references: `${getTableName(foreignTable)}(${foreignColumns.map(column => column.name).join(', ')})`,
        onDelete: key.onDelete,
      }
    }).sort((a, b) => a.columns.join().localeCompare(b.columns.join())),
  }
}

const tablesOf = (schema: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(schema).filter((entry): entry is [string, Table] => is(entry[1], Table)))

describe('the PostgreSQL schema', () => {
  const sqliteTables = tablesOf(sqlite)
  const postgresTables = tablesOf(postgres)

  it('gives every table the same row types as the SQLite schema', () => {
    expectTypeOf<Rows<typeof postgres>>().toEqualTypeOf<Rows<typeof sqlite>>()
    expectTypeOf<NewRows<typeof postgres>>().toEqualTypeOf<NewRows<typeof sqlite>>()
  })

  it('exports the same tables', () => {
    expect(Object.keys(postgresTables).sort()).toEqual(Object.keys(sqliteTables).sort())
    expect(Object.keys(postgresTables).length).toBeGreaterThan(10)
  })

  it.each(Object.keys(sqliteTables))('gives %s the same columns, keys, indexes and foreign keys', (name) => {
    expect(shape(postgresTables[name]!)).toEqual(shape(sqliteTables[name]!))
  })
})
