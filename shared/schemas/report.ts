import { z } from 'zod'

/** A calendar month, `YYYY-MM`. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/

export const monthlyReportQuery = z.object({
  /** Which month; the last full month when left out. */
  month: z.string({ error: 'A month as YYYY-MM' }).regex(MONTH_PATTERN, 'A month as YYYY-MM, e.g. 2026-03').optional(),
})
export type MonthlyReportQuery = z.infer<typeof monthlyReportQuery>
