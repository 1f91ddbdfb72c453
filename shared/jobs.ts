/**
 * The scheduled tasks: nuxt.config.ts builds Nitro's schedule from this list and the admin jobs
 * page shows it, so the two cannot disagree. A new task adds its entry here and its file in
 * server/tasks/.
 */
export const JOBS = {
  'campaigns:lifecycle': {
    cron: '* * * * *',
    schedule: 'Every minute',
    description: 'Starts scheduled campaigns on their start date, completes campaigns after their end date and expires their open requests; both parties are told.',
  },
} as const satisfies Record<string, { cron: string, schedule: string, description: string }>

export type JobName = keyof typeof JOBS

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name)
}

/** Nitro's `scheduledTasks`: task names grouped by cron expression. */
export function scheduledTasks(): Record<string, string[]> {
  const byCron: Record<string, string[]> = {}
  for (const [name, job] of Object.entries(JOBS)) (byCron[job.cron] ??= []).push(name)
  return byCron
}
