import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { idParam } from '#shared/schemas/common'
import { exportFile } from '../../../domain/exports'

/** Streams a finished export's CSV from disk as an attachment. */
export default defineApiHandler(async (event) => {
  const sponsor = await requireUser(event, 'sponsor')
  const { id } = readParamsAs(event, idParam)
  const file = await exportFile(useDb(), sponsor, id)
  const path = join(exportsDirectory(), file.fileName)
  const found = await stat(path).catch(() => null)
  if (!found) throw createError({ status: 410, statusText: 'Gone', message: 'The file of this export is no longer kept: start a new export' })
  setResponseHeaders(event, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${file.downloadName}"`,
    'Content-Length': String(found.size),
    'Cache-Control': 'private, no-store',
  })
  return sendStream(event, createReadStream(path))
})
