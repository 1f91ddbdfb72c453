import { idParam } from '#shared/schemas/common'
import { getExport } from '../../domain/exports'

/** One of the sponsor's exports: its status and progress. */
export default defineApiHandler(async (event) => {
  const sponsor = await requireUser(event, 'sponsor')
  const { id } = readParamsAs(event, idParam)
  return getExport(useDb(), sponsor, id)
})
