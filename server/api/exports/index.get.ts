import { listExports } from '../../domain/exports'

/** The sponsor's own exports, newest first. */
export default defineApiHandler(async (event) => {
  const sponsor = await requireUser(event, 'sponsor')
  return listExports(useDb(), sponsor)
})
