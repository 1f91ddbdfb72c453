import { isJobName } from '#shared/jobs'
import type { JobRunView } from '../../../../domain/job-runs'

/** Runs a scheduled task now, through the same task (and lock) as its schedule, whatever the hour. */
export default defineApiHandler(async (event) => {
  await requireUser(event, 'admin')
  const name = getRouterParam(event, 'name', { decode: true }) ?? ''
  if (!isJobName(name)) throw createError({ status: 404, statusText: 'Not Found', message: `No scheduled task is named "${name}"` })
  const { result } = await runTask(name, { payload: RUN_NOW_PAYLOAD })
  return result as JobRunView
})
