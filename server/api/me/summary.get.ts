import { dashboardSummary } from '../../domain/summary'

/** The caller's dashboard figures: deals by status, whose turn, earnings or budgets. */
export default defineApiHandler(async (event) => {
  const viewer = await requireUser(event, 'sponsor', 'influencer')
  return cachedJson(event, cached.dashboardSummary(viewer.id), () => dashboardSummary(useDb(), viewer))
})
