import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { claimNextExport, failAbandonedExports, HEARTBEAT_MS, runExport } from '../domain/exports'

/** A running export silent for this long was left by a process that stopped. */
const ABANDONED_AFTER_MS = 12 * HEARTBEAT_MS

/** Where export files live: NUXT_EXPORTS_DIR, or an `exports` folder beside the database. */
export function exportsDirectory(): string {
  const { exportsDir, dbPath } = useRuntimeConfig()
  return resolve(exportsDir || join(dirname(resolve(dbPath)), 'exports'))
}

/** A file name nobody can guess or enumerate: 144 random bits. */
function unguessableFileName() {
  return `${randomBytes(18).toString('base64url')}.csv`
}

let draining: Promise<number> | null = null

/**
 * Writes the queued exports one after another in this process, off the request that queued
 * them (the contract's on-demand `exports:csv` work). Starting it while it runs does nothing:
 * the running loop takes every export queued before it finds the queue empty. Resolves to how
 * many it wrote.
 */
export function startExportWorker(): Promise<number> {
  draining ??= drain().catch((error) => {
    console.error('[exports:csv] the export worker stopped:', error)
    return 0
  })
  return draining
}

async function drain() {
  // The first claim waits for the next turn of the event loop: the request that queued the
  // export answers first, and `draining` is set before the loop can clear it.
  await nextTurn()
  const db = useDb()
  const options = { directory: exportsDirectory(), siteUrl: useRuntimeConfig().public.site.url.replace(/\/$/, '') }
  let written = 0
  try {
    for (let row = await claimNextExport(db, unguessableFileName()); row; row = await claimNextExport(db, unguessableFileName())) {
      await runExport(db, row, options)
      written++
    }
  }
  finally {
    // Nothing is awaited between the last (empty) claim and here: an export queued after it
    // finds `draining` cleared and starts a new loop.
    draining = null
  }
  return written
}

/** Fails the exports whose writer died (see failAbandonedExports) and removes their partial files. */
export async function failAbandonedExportsNow() {
  const directory = exportsDirectory()
  const abandoned = await failAbandonedExports(useDb(), new Date(Date.now() - ABANDONED_AFTER_MS))
  await Promise.all(abandoned.map(row => row.filePath && rm(join(directory, `${row.filePath}.part`), { force: true })))
  return abandoned.length
}
