import { announceMonthlyReports, isReportDay } from '../../domain/reports'

export default defineTask({
  meta: {
    name: 'reports:monthly',
    description: 'Tells each sponsor on the 1st that last month\'s activity report is ready',
  },
  async run({ payload }) {
    const now = new Date()
    if (!startedByHand(payload) && !isReportDay(now)) return {}
    const run = await runJob('reports:monthly', at => announceMonthlyReports(useDb(), at), now)
    return { result: run }
  },
})
