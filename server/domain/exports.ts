import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm'
import type { Db } from '../database/client'
import { writeTransaction } from '../database/client'
import { exports } from '../database/schema'
import type { ExportKind } from '#shared/constants'
import { DomainError } from './errors'
import { writeExportCsv } from './export-csv'
import type { ExportOptions } from './export-csv'
import { writeWithEvents } from './events'
import type { Emit } from './events'
import type { Viewer } from './viewer'

export type ExportRow = typeof exports.$inferSelect

/** How many of a sponsor's exports the list shows: older files are still there, but nobody scrolls to them. */
const LIST_LIMIT = 50

export function presentExport(row: ExportRow) {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
    rowCount: row.rowCount,
    byteSize: row.byteSize,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  }
}
export type ExportView = ReturnType<typeof presentExport>

/** The owner's condition of every query: another user's export is absent, whoever asks. */
function ownExport(viewer: Viewer, id: number) {
  return and(eq(exports.id, id), eq(exports.ownerId, viewer.id))
}

/**
 * Queues an export of the sponsor's data. While one of the same kind is queued or running, that
 * one is answered instead: it will hold the same rows, and repeated clicks do not pile up work.
 */
export async function queueExport(db: Db, sponsor: Viewer, kind: ExportKind): Promise<ExportView> {
  return writeTransaction(db, async (tx) => {
    const [underWay] = await tx.select().from(exports)
      .where(and(eq(exports.ownerId, sponsor.id), eq(exports.kind, kind), inArray(exports.status, ['queued', 'running'])))
    if (underWay) return presentExport(underWay)
    const [queued] = await tx.insert(exports).values({ ownerId: sponsor.id, kind }).returning()
    return presentExport(queued!)
  })
}

export async function listExports(db: Db, viewer: Viewer): Promise<{ items: ExportView[] }> {
  const rows = await db.select().from(exports).where(eq(exports.ownerId, viewer.id))
    .orderBy(desc(exports.createdAt), desc(exports.id)).limit(LIST_LIMIT)
  return { items: rows.map(presentExport) }
}

export async function getExport(db: Db, viewer: Viewer, id: number): Promise<ExportView> {
  const [row] = await db.select().from(exports).where(ownExport(viewer, id))
  if (!row) throw new DomainError('not_found', 'No such export')
  return presentExport(row)
}

/** The file of a finished export of the viewer's, and the name a download should carry. */
export async function exportFile(db: Db, viewer: Viewer, id: number): Promise<{ fileName: string, downloadName: string }> {
  const [row] = await db.select().from(exports).where(ownExport(viewer, id))
  if (!row) throw new DomainError('not_found', 'No such export')
  if (row.status !== 'done' || !row.filePath) {
    const why = row.status === 'failed' ? 'it failed; start a new one' : 'it is not finished yet'
    throw new DomainError('conflict', `This export cannot be downloaded: ${why}`, { status: row.status })
  }
  const day = row.createdAt.toISOString().slice(0, 10)
  return { fileName: row.filePath, downloadName: `influencia-${row.kind.replace('_', '-')}-${day}-${row.id}.csv` }
}

/**
 * Takes the oldest queued export for this process: queued → running in one statement, so two
 * processes on the same database never take the same one.
 */
export async function claimNextExport(db: Db, fileName: string, now = new Date()): Promise<ExportRow | null> {
  const oldest = sql`(select ${exports.id} from ${exports} where ${exports.status} = 'queued' order by ${exports.id} limit 1)`
  const [claimed] = await writeTransaction(db, tx => tx.update(exports).set({ status: 'running', progress: 0, filePath: fileName, startedAt: now, heartbeatAt: now })
    .where(and(eq(exports.status, 'queued'), eq(exports.id, oldest))).returning())
  return claimed ?? null
}

/** Records how far a running export has got, and tells its owner's open pages. */
export async function recordExportProgress(db: Db, row: ExportRow, progress: number) {
  await writeWithEvents(db, async (tx, emit) => {
    const running = await tx.update(exports).set({ progress, heartbeatAt: new Date() }).where(and(eq(exports.id, row.id), eq(exports.status, 'running')))
      .returning({ id: exports.id })
    if (running.length) emit({ type: 'export.progress', exportId: row.id, kind: row.kind, progress, actorId: null, recipients: [], watchers: [row.ownerId] })
  })
}

/** A sign of life from the process writing the export (see failAbandonedExports). */
export async function touchExport(db: Db, id: number) {
  await writeTransaction(db, tx => tx.update(exports).set({ heartbeatAt: new Date() }).where(and(eq(exports.id, id), eq(exports.status, 'running'))))
}

export async function finishExport(db: Db, row: ExportRow, written: { rowCount: number, byteSize: number }) {
  await writeWithEvents(db, async (tx, emit) => {
    await tx.update(exports).set({ status: 'done', progress: 100, ...written, finishedAt: new Date(), heartbeatAt: null })
      .where(eq(exports.id, row.id))
    emit({ type: 'export.finished', exportId: row.id, kind: row.kind, actorId: null, recipients: [row.ownerId] })
  })
}

export async function failExport(db: Db, row: ExportRow, error: string) {
  await writeWithEvents(db, async (tx, emit) => failInTransaction(tx, emit, row, error))
}

async function failInTransaction(tx: Db, emit: Emit, row: ExportRow, error: string) {
  await tx.update(exports).set({ status: 'failed', error, filePath: null, finishedAt: new Date(), heartbeatAt: null })
    .where(eq(exports.id, row.id))
  emit({ type: 'export.failed', exportId: row.id, kind: row.kind, error, actorId: null, recipients: [row.ownerId] })
}

/**
 * Fails the running exports whose process stopped touching them before `staleBefore`: it died
 * (a restart, a crash) and nobody else will finish them. They are failed rather than re-run,
 * because an export that brought its process down would bring down the next one too; the owner
 * is told and can start it again. Returns the failed rows, whose partial files the caller removes.
 */
export async function failAbandonedExports(db: Db, staleBefore: Date): Promise<ExportRow[]> {
  return writeWithEvents(db, async (tx, emit) => {
    const abandoned = await tx.select().from(exports).where(and(eq(exports.status, 'running'), lt(exports.heartbeatAt, staleBefore)))
    for (const row of abandoned) await failInTransaction(tx, emit, row, 'The server stopped while this export was being written. Start it again.')
    return abandoned
  })
}

/** Progress is reported in steps of this many percent: a few events per export, not one per row. */
const PROGRESS_STEP = 10
/** How often a running export shows a sign of life when no progress step falls due. */
export const HEARTBEAT_MS = 5_000

/**
 * Writes a claimed export's file and records the outcome: done with its size and rows, the owner
 * told; or failed, the owner told, no partial file left. The file is written under a temporary
 * name and renamed when complete, so a download can never get half a file.
 */
export async function runExport(db: Db, row: ExportRow, options: ExportOptions & { directory: string }) {
  const finalPath = join(options.directory, row.filePath!)
  const partPath = `${finalPath}.part`
  let reported = 0
  let lastSign = Date.now()
  const onProgress = async (done: number) => {
    const progress = Math.floor(done * 100 / PROGRESS_STEP) * PROGRESS_STEP
    if (progress > reported && progress < 100) {
      reported = progress
      await recordExportProgress(db, row, progress)
      lastSign = Date.now()
    }
    else if (Date.now() - lastSign > HEARTBEAT_MS) {
      await touchExport(db, row.id)
      lastSign = Date.now()
    }
  }
  try {
    await mkdir(options.directory, { recursive: true })
    const { rowCount } = await writeExportCsv(db, row.ownerId, row.kind, partPath, { siteUrl: options.siteUrl, onProgress })
    await rename(partPath, finalPath)
    await finishExport(db, row, { rowCount, byteSize: (await stat(finalPath)).size })
  }
  catch (error) {
    console.error(`[exports:csv] export ${row.id} failed:`, error)
    await rm(partPath, { force: true })
    await failExport(db, row, 'The file could not be written. Start the export again; if it fails again, contact support.')
  }
}
