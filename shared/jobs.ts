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
  // Hourly: the scheduler's clock is the server's, the task acts only in the evening hour of NUXT_TZ.
  'reminders:daily': {
    cron: '0 * * * *',
    schedule: 'Daily in the evening hour of NUXT_TZ (checked hourly)',
    description: 'Reminds each influencer with requests waiting for their answer, or away for some days, once a day (notification and e-mail).',
  },
  // Hourly: acts on the 1st of the month in NUXT_TZ only; later runs that day find everyone told.
  'reports:monthly': {
    cron: '0 * * * *',
    schedule: 'The 1st of each month in NUXT_TZ (checked hourly)',
    description: 'Tells each sponsor that last month\'s activity report is ready, with a link to it (notification and e-mail).',
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
