// npm run db:seed [-- --reset] [-- --influencers 50000 --campaigns 10000 --requests 200000]
// Fills the database (NUXT_DATABASE_URL, else the SQLite file at NUXT_DB_PATH, default
// .data/influencia.sqlite) with demo data, and optionally with a benchmark-size bulk set on top.
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { analyzeDatabase, closeDatabase, migrateDatabase, openDatabase } from '../server/database/client'
import { DEV_ADMIN_PASSWORD, isEmpty, seedDemo } from '../server/database/seed/demo'
import { seedBulk } from '../server/database/seed/bulk'

const { values } = parseArgs({
  options: {
    reset: { type: 'boolean', default: false },
    influencers: { type: 'string', default: '0' },
    campaigns: { type: 'string', default: '0' },
    requests: { type: 'string', default: '0' },
    sponsors: { type: 'string' },
  },
})

const databaseUrl = process.env.NUXT_DATABASE_URL
const path = resolve(process.env.NUXT_DB_PATH || '.data/influencia.sqlite')
/** Where the data goes, as told to the person running this: never the URL's password. */
const target = databaseUrl ? postgresName(databaseUrl) : path
if (values.reset) {
  if (databaseUrl) throw new Error('--reset removes an SQLite file; on PostgreSQL, drop and create the database instead')
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
}
const db = openDatabase(databaseUrl || path, { bulkLoad: true })
await migrateDatabase(db, resolve('drizzle'))

const started = performance.now()
if (await isEmpty(db)) {
  const logins = await seedDemo(db, { adminPassword: process.env.NUXT_ADMIN_PASSWORD || DEV_ADMIN_PASSWORD })
  console.log(`Demo data written to ${target}. Logins:\n${logins}`)
}
else {
  console.log(`${target} already has data: demo data not added (use --reset to start over).`)
}

const counts = { influencers: Number(values.influencers), campaigns: Number(values.campaigns), requests: Number(values.requests), sponsors: values.sponsors ? Number(values.sponsors) : undefined }
if (counts.influencers || counts.campaigns || counts.requests) {
  if (counts.requests && (!counts.campaigns || !counts.influencers)) {
    console.error('--requests needs --campaigns and --influencers to attach them to')
    process.exit(1)
  }
  await seedBulk(db, counts, line => console.log(`  + ${line}`))
}
await analyzeDatabase(db)
await closeDatabase(db)
console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`)

function postgresName(url: string) {
  const { host, pathname } = new URL(url)
  return `PostgreSQL database ${decodeURIComponent(pathname.slice(1)) || '(default)'} on ${host}`
}
