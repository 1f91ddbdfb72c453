import { z } from 'zod'

/** `?page=&pageSize=` of every list; lists answer `{ items, total, page, pageSize }`. */
export const pageQuery = z.object({
  page: z.coerce.number({ error: 'Must be a number' }).int('Whole number').min(1, 'Starts at 1').max(100_000, 'Too large').default(1),
  pageSize: z.coerce.number({ error: 'Must be a number' }).int('Whole number').min(1, 'At least 1').max(100, 'At most 100').default(20),
})
export type PageQuery = z.infer<typeof pageQuery>

export const idParam = z.object({
  id: z.coerce.number({ error: 'Must be a numeric id' }).int('Must be a numeric id').positive('Must be a numeric id'),
})

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

/**
 * What a person typed into a search box. Control characters are refused: none is typed on
 * purpose, and SQLite ends a LIKE pattern at a NUL, so `%\0%` would match every row.
 */
export function searchText(max = 100, tooLong = `At most ${max} characters`) {
  return z.string().trim().max(max, tooLong).refine(text => !/\p{Cc}/u.test(text), 'Remove the control characters from the search')
}
