import { randomUUID } from 'node:crypto'
import { finishJobRun, recentJobRuns, recordSkippedRun, startJobRun } from '../domain/job-runs'
import type { Counts, JobRunView } from '../domain/job-runs'
import { JOBS } from '#shared/jobs'
import type { JobName } from '#shared/jobs'

/** Longer than any run takes; it only matters when an instance dies holding the lock. */
const LOCK_TTL_MS = 5 * 60_000

// Compare-and-delete: an instance whose lock expired must not release the next holder's.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`

const runningHere = new Set<string>()

/**
 * Takes the task's lock: a Redis key (SET NX PX) shared by every instance when Redis answers,
 * so a schedule fires once across them; a flag in this process otherwise. Without Redis, or
 * while it does not answer, each instance may run the task: the tasks are idempotent (a second
 * run of the same moment finds nothing left to do), so running twice is safe where skipping
 * would miss the schedule. Resolves to the release function, or null when someone else holds it.
 */
async function acquireLock(name: JobName): Promise<(() => Promise<void>) | null> {
  const key = jobLockKey(name)
  const token = randomUUID()
  try {
    if (await withRedis(redis => redis.set(key, token, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') return null
    // A release that does not reach Redis leaves the lock to expire.
    return async () => { await withRedis(redis => redis.eval(RELEASE, 1, key, token)).catch(() => {}) }
  }
  catch {
    if (runningHere.has(name)) return null
    runningHere.add(name)
    return async () => { runningHere.delete(name) }
  }
}

export function jobLockKey(name: JobName) {
  return `${useRuntimeConfig().redisPrefix}:lock:job:${name}`
}

/**
 * Runs a task once under its lock and records the run in job_runs: running, then succeeded
 * with what it did or failed with why; skipped when another instance holds the lock. Both the
 * schedule and the admin's "Run now" come through here.
 */
export async function runJob(name: JobName, work: (now: Date) => Counts | Promise<Counts>, now = new Date()): Promise<JobRunView> {
  const db = useDb()
  const release = await acquireLock(name)
  if (!release) return recordSkippedRun(db, name, now)
  try {
    const id = await startJobRun(db, name, now)
    try {
      return await finishJobRun(db, id, { counts: await work(now) })
    }
    catch (error) {
      console.error(`[jobs] ${name} failed:`, error)
      return await finishJobRun(db, id, { error: error instanceof Error ? error.message : String(error) })
    }
  }
  finally {
    await release()
  }
}

/** The payload of a task an admin started with "Run now", rather than its schedule. */
export const RUN_NOW_PAYLOAD = { trigger: 'admin' }

/**
 * Whether the task was started by hand. Nitro's scheduler fires cron expressions in the server's
 * own time zone, so a task due at a time of NUXT_TZ is scheduled hourly and checks the hour
 * itself; started by hand, it runs whatever the hour.
 */
export function startedByHand(payload: Record<string, unknown> | undefined): boolean {
  return payload?.trigger === RUN_NOW_PAYLOAD.trigger
}

/** Every known task with its schedule and its last runs, for the admin jobs page. */
export function listJobs() {
  const db = useDb()
  return Promise.all(Object.entries(JOBS).map(async ([name, job]) => ({ name, ...job, runs: await recentJobRuns(db, name) })))
}
