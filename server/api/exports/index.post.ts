import { exportCreateSchema } from '#shared/schemas/export'
import { queueExport } from '../../domain/exports'

/** Queues a CSV export of the sponsor's campaigns or ad requests; 202, as it is written in the background. */
export default defineApiHandler(async (event) => {
  const sponsor = await requireUser(event, 'sponsor')
  const { kind } = await readBodyAs(event, exportCreateSchema)
  const queued = await queueExport(useDb(), sponsor, kind)
  startExportWorker()
  setResponseStatus(event, 202)
  return queued
})
