import { desc, eq } from 'drizzle-orm'
import type { Db } from '../database/client'
import { writeTransaction } from '../database/client'
import { jobRuns } from '../database/schema'

export type JobRunRow = typeof jobRuns.$inferSelect
export type Counts = Record<string, number>

export function presentJobRun(row: JobRunRow) {
  return {
    id: row.id,
    task: row.task,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    outcome: row.outcome,
    summary: row.summary,
    counts: row.counts,
    error: row.error,
  }
}

export type JobRunView = ReturnType<typeof presentJobRun>

/** "1 started, 0 completed, 2 expired": a run's counts as one line for lists and logs. */
function describeCounts(counts: Counts) {
  const entries = Object.entries(counts)
  return entries.some(([, n]) => n > 0) ? entries.map(([what, n]) => `${n} ${what}`).join(', ') : 'Nothing to do'
}

export async function startJobRun(db: Db, task: string, startedAt: Date): Promise<number> {
  const [run] = await writeTransaction(db, tx => tx.insert(jobRuns).values({ task, startedAt, outcome: 'running' }).returning({ id: jobRuns.id }))
  return run!.id
}

export async function finishJobRun(db: Db, id: number, result: { counts: Counts } | { error: string }) {
  const [row] = await writeTransaction(db, tx => tx.update(jobRuns).set('error' in result
    ? { outcome: 'failed', finishedAt: new Date(), error: result.error, summary: 'Failed' }
    : { outcome: 'succeeded', finishedAt: new Date(), counts: result.counts, summary: describeCounts(result.counts) },
  ).where(eq(jobRuns.id, id)).returning())
  return presentJobRun(row!)
}

/** A run that did not happen here because another instance held the task's lock. */
export async function recordSkippedRun(db: Db, task: string, at: Date) {
  const [row] = await writeTransaction(db, tx => tx.insert(jobRuns).values({
    task, startedAt: at, finishedAt: at, outcome: 'skipped', summary: 'Another instance was running this task',
  }).returning())
  return presentJobRun(row!)
}

export async function recentJobRuns(db: Db, task: string, limit = 10) {
  return (await db.select().from(jobRuns).where(eq(jobRuns.task, task))
    .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id)).limit(limit)).map(presentJobRun)
}
