import { platformStats } from '../../domain/stats'

export default defineApiHandler(async (event) => {
  await requireUser(event, 'admin')
  return cachedRead(event, cached.adminStats(), () => platformStats(useDb()))
})
