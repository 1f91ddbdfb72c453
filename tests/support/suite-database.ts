import { inject } from 'vitest'
import { databaseAt } from './database'

/** The database of the server the whole API suite shares. */
export const testDatabase = () => databaseAt(inject('database'))

export const countRows = (table: string, where = '1 = 1', ...params: unknown[]) => testDatabase().count(table, where, ...params)
