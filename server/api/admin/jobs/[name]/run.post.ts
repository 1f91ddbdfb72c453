import { isJobName } from '../../../../../shared/jobs'
import type { JobRunView } from '../../../../domain/job-runs'

/** Runs a scheduled task now, through the same task (and lock) as its schedule. */
export default defineApiHandler(async (event) => {
  await requireUser(event, 'admin')
  const name = getRouterParam(event, 'name', { decode: true }) ?? ''
  if (!isJobName(name)) throw createError({ status: 404, statusText: 'Not Found', message: `No scheduled task is named "${name}"` })
  const { result } = await runTask(name)
  return result as JobRunView
})
