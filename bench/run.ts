// npm run bench [-- --quick] [-- --no-build]
// Builds the production server, seeds a benchmark-size database (and one ten times smaller),
// drives each scenario with autocannon and writes bench/results/latest.{json,md}.
// NUXT_REDIS_URL, when set, is handed to the server (the cache then lives in Redis).
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { startBuiltServer, TEST_ADMIN_PASSWORD } from '../tests/support/built-server'
import type { RunningServer } from '../tests/support/built-server'
import { measure } from './load'
import type { LoadResult } from './load'
import { scenarios } from './scenarios'
import type { Fixtures, Scenario } from './scenarios'

const { values: args } = parseArgs({
  options: {
    'quick': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'only': { type: 'string' },
  },
})

const FULL = { influencers: 50_000, campaigns: 10_000, requests: 200_000 }
const SMALL = { influencers: 5_000, campaigns: 1_000, requests: 20_000 }
const load = args.quick
  ? { connections: 50, seconds: 3, warmupSeconds: 1 }
  : { connections: 50, seconds: 8, warmupSeconds: 2 }

const root = resolve(import.meta.dirname, '..')
const work = mkdtempSync(join(tmpdir(), 'influencia-bench-'))

function run(command: string, argv: string[], env: Record<string, string> = {}) {
  execFileSync(command, argv, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } })
}

function seed(name: string, counts: typeof FULL) {
  const dbPath = join(work, `${name}.sqlite`)
  console.log(`\n== Seeding ${name}: ${counts.influencers} influencers, ${counts.campaigns} campaigns, ${counts.requests} requests`)
  run('npx', ['tsx', 'scripts/seed.ts', '--influencers', String(counts.influencers), '--campaigns', String(counts.campaigns), '--requests', String(counts.requests)], { NUXT_DB_PATH: dbPath, NUXT_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD })
  return dbPath
}

/** The accounts and ids the scenarios use, read from the seeded data: the busiest of each kind. */
function fixtures(dbPath: string, baseURL: string): Omit<Fixtures, 'tokens'> {
  const db = new Database(dbPath, { readonly: true })
  const sponsor = db.prepare(`select u.username, u.id from campaigns c join users u on u.id = c.sponsor_id
    where u.status = 'active' group by u.id order by count(*) desc limit 1`).get() as { username: string, id: number }
  const campaign = db.prepare(`select id from campaigns where sponsor_id = ? and status = 'active' order by id limit 1`).get(sponsor.id) as { id: number }
  const influencer = db.prepare(`select u.username from ad_requests r join users u on u.id = r.influencer_id
    where u.status = 'active' group by u.id order by count(*) desc limit 1`).get() as { username: string }
  const slugs = (db.prepare(`select slug from campaigns where visibility = 'public' and flagged = 0
    and status in ('scheduled', 'active', 'paused', 'completed') order by id`).all() as { slug: string }[]).map(r => r.slug)
  const words = (db.prepare(`select title from campaigns order by id limit 200`).all() as { title: string }[])
    .map(r => r.title.split(/\s+/)[0]!.toLowerCase().replace(/[^a-z]/g, '')).filter(w => w.length > 3)
  db.close()
  return { baseURL, sponsor: sponsor.username, campaignId: campaign.id, influencer: influencer.username, slugs, words: [...new Set(words)] }
}

async function login(baseURL: string, login: string, password: string) {
  const res = await fetch(`${baseURL}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) })
  if (!res.ok) throw new Error(`Logging in as ${login} failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { accessToken: string }).accessToken
}

/** Peak resident memory of the server process so far (VmHWM), in MB. */
function peakRssMb(pid: number) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find(l => l.startsWith('VmHWM:'))
  return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : null
}

interface Row extends LoadResult { scenario: string, group: string, ratio: number }

async function bench(label: string, dbPath: string, chosen: Scenario[]) {
  // A long access-token lifetime: a run must not spend its time refreshing.
  const server: RunningServer = await startBuiltServer({
    NUXT_SEED_DEMO: '',
    NUXT_ACCESS_TOKEN_TTL: '3600',
    NUXT_LOGIN_MAX_ATTEMPTS_PER_CLIENT: '100000',
    ...(process.env.NUXT_REDIS_URL ? { NUXT_REDIS_URL: process.env.NUXT_REDIS_URL, NUXT_REDIS_PREFIX: `bench-${Date.now().toString(36)}` } : {}),
  }, { dbPath })
  try {
    const base = fixtures(dbPath, server.url)
    const tokens = {
      sponsor: await login(server.url, base.sponsor, 'demo-password'),
      influencer: await login(server.url, base.influencer, 'demo-password'),
      admin: await login(server.url, 'admin', TEST_ADMIN_PASSWORD),
    }
    const f: Fixtures = { ...base, tokens }
    console.log(`\n== ${label} (server ${server.url}, ${f.slugs.length} public campaigns)`)
    const rows: Row[] = []
    let baseline = 0
    for (const s of chosen) {
      const result = await measure({ baseURL: server.url, ...load, ...s.request(f) })
      if (s.name === 'baseline') baseline = result.requestsPerSecond
      const row = { scenario: s.name, group: s.group, ...result, ratio: baseline ? result.requestsPerSecond / baseline : 0 }
      rows.push(row)
      console.log(`${s.group.padEnd(10)} ${s.name.padEnd(34)} ${String(row.requestsPerSecond).padStart(6)} req/s  p50 ${String(row.p50).padStart(4)} ms  p99 ${String(row.p99).padStart(5)} ms  errors ${row.errors}  ×${row.ratio.toFixed(2)}`)
    }
    return { label, rows, peakRssMb: peakRssMb(server.pid) }
  }
  finally {
    await server.stop()
  }
}

function markdown(runs: Awaited<ReturnType<typeof bench>>[], meta: Record<string, unknown>) {
  const lines = [`# Benchmark results`, '', Object.entries(meta).map(([k, v]) => `- ${k}: ${v}`).join('\n'), '']
  for (const r of runs) {
    lines.push(`## ${r.label}`, '', `Peak server RSS: ${r.peakRssMb} MB`, '', '| group | scenario | req/s | p50 ms | p99 ms | errors | × baseline |', '| --- | --- | ---: | ---: | ---: | ---: | ---: |')
    for (const row of r.rows) lines.push(`| ${row.group} | ${row.scenario} | ${row.requestsPerSecond} | ${row.p50} | ${row.p99} | ${row.errors} | ${row.ratio.toFixed(2)} |`)
    lines.push('')
  }
  return lines.join('\n')
}

try {
  if (!args['no-build']) {
    console.log('== Building the production server')
    run('npx', ['nuxt', 'build'])
  }
  // The baseline always runs first: every ratio is to the baseline of the same run.
  const chosen = args.only ? scenarios.filter(s => s.group === 'baseline' || s.group === args.only || s.name.includes(args.only!)) : scenarios
  const runs = [await bench('benchmark size', seed('full', FULL), chosen)]
  if (!args.quick) runs.push(await bench('ten times smaller', seed('small', SMALL), chosen))

  const meta = { date: new Date().toISOString(), cpus: `${cpus().length} × ${cpus()[0]?.model}`, node: process.version, cache: process.env.NUXT_REDIS_URL ? 'redis' : 'memory', connections: load.connections, seconds: load.seconds, quick: args.quick }
  const out = join(root, 'bench/results')
  mkdirSync(out, { recursive: true })
  writeFileSync(join(out, 'latest.json'), `${JSON.stringify({ meta, runs }, null, 2)}\n`)
  writeFileSync(join(out, 'latest.md'), markdown(runs, meta))
  console.log(`\nWritten to bench/results/latest.{json,md}`)
}
finally {
  rmSync(work, { recursive: true, force: true })
}
