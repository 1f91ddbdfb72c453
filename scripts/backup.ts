// npm run db:backup [-- <destination>]
// Copies the database at NUXT_DB_PATH (default .data/influencia.sqlite) while the app keeps
// serving, to <destination> or by default to a `backups` folder beside the database
// (.data/backups/influencia-<timestamp>.sqlite). Checks the copy and prints what it holds.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'

const { positionals } = parseArgs({ allowPositionals: true })
const source = resolve(process.env.NUXT_DB_PATH || '.data/influencia.sqlite')
const stamp = new Date().toISOString().replace(/[:.]/g, '-')
const destination = resolve(positionals[0] ?? join(dirname(source), 'backups', `influencia-${stamp}.sqlite`))

if (!existsSync(source)) {
  console.error(`No database at ${source} (NUXT_DB_PATH)`)
  process.exit(1)
}
if (existsSync(destination)) {
  console.error(`${destination} exists already: name another destination`)
  process.exit(1)
}
mkdirSync(dirname(destination), { recursive: true })

// SQLite's online backup through the app's own driver. Copied in one step, the copy is the
// database as of one moment: a read transaction (which in WAL mode holds up no writer) sees
// every page, whereas a copy in several steps starts over each time the app writes meanwhile.
// It is written under a temporary name, so a failed backup leaves nothing that looks complete.
const partial = join(dirname(destination), `.${basename(destination)}.part`)
const started = performance.now()
const db = new Database(source, { fileMustExist: true })
try {
  db.pragma('busy_timeout = 5000')
  await db.backup(partial, { progress: () => 0x7fffffff })
}
catch (error) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(partial + suffix, { force: true })
  throw error
}
finally {
  db.close()
}

const copy = new Database(partial, { fileMustExist: true })
const integrity = copy.pragma('integrity_check', { simple: true })
const counts = copy.prepare(`select (select count(*) from users) as users, (select count(*) from campaigns) as campaigns,
  (select count(*) from ad_requests) as adRequests`).get() as Record<string, number>
copy.close()
if (integrity !== 'ok') {
  rmSync(partial, { force: true })
  console.error(`The copy failed its integrity check (${integrity}); nothing was kept`)
  process.exit(1)
}
renameSync(partial, destination)

const megabytes = (statSync(destination).size / 1024 / 1024).toFixed(1)
console.log(`Backed up ${source}\n      to ${destination} (${megabytes} MB, ${(performance.now() - started).toFixed(0)} ms, integrity ok)`)
console.log(`   holds ${counts.users} users, ${counts.campaigns} campaigns, ${counts.adRequests} ad requests`)
