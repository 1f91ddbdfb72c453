import { platformStats } from '../../domain/stats'

export default defineApiHandler(async (event) => {
  await requireUser(event, 'admin')
  return cachedJson(event, cached.adminStats(), () => platformStats(useDb()))
})
