import { monthlyReportQuery } from '#shared/schemas/report'
import { monthlyReport } from '../../domain/reports'

/** The caller's own activity report for a month (`?month=YYYY-MM`, the last full month by default). */
export default defineApiHandler(async (event) => {
  const sponsor = await requireUser(event, 'sponsor')
  const { month } = readQueryAs(event, monthlyReportQuery)
  return monthlyReport(useDb(), sponsor.id, month)
})
