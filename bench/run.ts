// npm run bench [-- --quick] [-- --no-build] [-- --only GROUP|NAME[,…]] [-- --rate N] [-- --login-rate N] [-- --data FILE|URL]
//   [-- --database sqlite|postgres]
// Builds the production server, seeds a benchmark-size database (and one ten times smaller),
// drives each scenario, checks the marketplace's targets and writes bench/results/latest.{json,md}.
// NUXT_REDIS_URL, when set, is handed to the server (the cache then lives in Redis).
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import Redis from 'ioredis'
import { startBuiltServer, TEST_ADMIN_PASSWORD } from '../tests/support/built-server'
import { createScratchDatabase } from '../tests/support/postgres'
import { dialectOfLocation } from '../tests/support/scratch-database'
import { readData } from './fixtures'
import { cpuClock, stealPercent } from './machine'
import { combined, pace, saturate, settle, single } from './load'
import type { LoadResult, NextCall } from './load'
import { probeEnv, ServerProbe } from './probe'
import type { ServerReport } from './probe'
import { markdown, printRow, printSummary } from './report'
import { Asked, BASELINE_CALL, loginCalls, scenarios } from './scenarios'
import type { Fixtures, Scenario } from './scenarios'
import { sum } from './stats'
import { growth, misses, ratioToBaseline, rowChecks, runChecks } from './targets'
import type { Row, Run } from './targets'

const { values: args } = parseArgs({
  options: {
    'quick': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'only': { type: 'string' },
    'data': { type: 'string' },
    'database': { type: 'string', default: 'sqlite' },
    'rate': { type: 'string', default: '50' },
    'login-rate': { type: 'string', default: '8' },
  },
})

const FULL = { influencers: 50_000, campaigns: 10_000, requests: 200_000 }
const SMALL = { influencers: 5_000, campaigns: 1_000, requests: 20_000 }
/**
 * Seconds per scenario, and how many 1-second slices a throughput scenario runs in (see
 * `againstBaseline`). The smaller data only serves the growth check: shorter runs do.
 */
interface Timing { seconds: number, warmupSeconds: number, slices: number }
const TIMING: Record<'full' | 'small', Timing> = {
  full: args.quick ? { seconds: 3, warmupSeconds: 1, slices: 3 } : { seconds: 6, warmupSeconds: 2, slices: 8 },
  small: { seconds: 3, warmupSeconds: 1, slices: 3 },
}
const CONNECTIONS = 50
const RATE = Number(args.rate)
const LOGIN_RATE = Number(args['login-rate'])
if (!(RATE > 0) || !(LOGIN_RATE > 0)) throw new Error('--rate and --login-rate take a number of requests per second')
const DATABASE = args.database
if (DATABASE !== 'sqlite' && DATABASE !== 'postgres') throw new Error('--database takes sqlite or postgres')

const root = resolve(import.meta.dirname, '..')
const work = mkdtempSync(join(tmpdir(), 'influencia-bench-'))

function run(command: string, argv: string[], env: Record<string, string> = {}) {
  execFileSync(command, argv, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } })
}

/** PostgreSQL databases this run made, dropped at the end. */
const scratchDatabases: (() => Promise<void>)[] = []

async function newPostgresDatabase() {
  const { url, drop } = await createScratchDatabase('influencia_bench')
  scratchDatabases.push(drop)
  return url
}

/** Seeds a new database of the run's dialect and says how long the seed took. */
async function seed(name: string, counts: typeof FULL) {
  const location = DATABASE === 'postgres' ? await newPostgresDatabase() : join(work, `${name}.sqlite`)
  console.log(`\n== Seeding ${name} on ${DATABASE}: ${counts.influencers} influencers, ${counts.campaigns} campaigns, ${counts.requests} requests`)
  const started = performance.now()
  run('npx', ['tsx', 'scripts/seed.ts', '--influencers', String(counts.influencers), '--campaigns', String(counts.campaigns), '--requests', String(counts.requests)], {
    ...(DATABASE === 'postgres' ? { NUXT_DATABASE_URL: location } : { NUXT_DB_PATH: location }),
    NUXT_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
  })
  seedSeconds[name] = Math.round((performance.now() - started) / 100) / 10
  console.log(`== Seeded ${name} in ${seedSeconds[name]} s`)
  return location
}
const seedSeconds: Record<string, number> = {}

/** A database seeded before at benchmark size, copied: the scenarios write to their copy. */
async function reuse(source: string) {
  if (dialectOfLocation(source) === 'postgres') {
    const url = await newPostgresDatabase()
    const name = new URL(url).pathname.slice(1)
    const from = new URL(source).pathname.slice(1)
    // A template copy needs the source to have no other connection for a moment.
    const admin = new URL(url)
    admin.pathname = '/postgres'
    run('psql', [admin.toString(), '-qc', `drop database ${name}`, '-c', `create database ${name} template ${from}`])
    console.log(`\n== Benchmark-size data copied from ${source}`)
    return url
  }
  const dbPath = join(work, 'full.sqlite')
  for (const suffix of ['', '-wal']) if (existsSync(source + suffix)) copyFileSync(source + suffix, dbPath + suffix)
  console.log(`\n== Benchmark-size data copied from ${source}`)
  return dbPath
}

async function logIn(baseURL: string, login: string, password: string) {
  const res = await fetch(`${baseURL}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) })
  if (!res.ok) throw new Error(`Logging in as ${login} failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { accessToken: string }).accessToken
}

/** Logs everyone in before the scenarios, a few at a time: their hashing is not measured. */
async function logInAll(baseURL: string, usernames: string[]): Promise<Record<string, string>> {
  const tokens: Record<string, string> = { admin: await logIn(baseURL, 'admin', TEST_ADMIN_PASSWORD) }
  const queue = [...usernames]
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let name = queue.shift(); name; name = queue.shift()) tokens[name] = await logIn(baseURL, name, 'demo-password')
  }))
  return tokens
}

/** `judged`: the targets apply to this run's rows (the benchmark-size data); else only errors count. */
interface Context { url: string, probe: ServerProbe, timing: Timing, judged: boolean }

const fixedRate = (url: string, next: NextCall, seconds: number, rate = RATE) => pace(url, next, { connections: CONNECTIONS, seconds, rate })

function row(fields: Omit<Row, 'checks'>, ctx: Context): Row {
  return { ...fields, checks: rowChecks(fields, ctx.judged) }
}

/**
 * A scenario whose request takes longer than this on its own (five times the loosest latency
 * target) is not put under load: it misses its target whatever the load, and 50 such requests
 * at once would hold the server for minutes and spoil every scenario after it.
 */
const ALONE_LIMIT_MS = 500

/**
 * Two of the scenario's requests, one after the other on an idle server: the second's time (the
 * first may fill a cache), or a row saying the scenario was too slow to load.
 */
async function tooSlowAlone(s: Scenario, next: NextCall, ctx: Context): Promise<Row | null> {
  await settle(ctx.url)
  await ctx.probe.read()
  let ms = 0
  for (let i = 0; i < 2 && ms !== Infinity; i++) {
    const call = next()
    if (call) ms = await single(ctx.url, call)
  }
  if (ms <= ALONE_LIMIT_MS) return null
  const server = await ctx.probe.read()
  const aloneMs = Number.isFinite(ms) ? ms : null
  await settle(ctx.url)
  return row({
    group: s.group, scenario: s.name, kind: s.kind, server, p99Limit: s.p99Limit, aloneMs,
    requestsPerSecond: 0, seconds: 0, mean: 0, p50: 0, p99: 0, max: 0, requests: 0, ok: 0, errors: 0, failures: {}, skipped: 0, ranOut: false,
  }, ctx)
}

/**
 * How long a throughput scenario's slice lasts, and each slice of the baseline around them (see
 * `againstBaseline`): autocannon runs for whole seconds. This machine's speed swings from one
 * second to the next: within one scenario, slices' ratios ranged from 0.7 to 1.6. Over three
 * 2-second slices, the medians of the warm scenarios ranged from 0.78 to 1.16 across two runs;
 * over twelve 1-second slices, from 0.93 to 1.10, and the first eight of those gave 0.91 to 1.09.
 */
const SLICE_SECONDS = 1

/** Warm-up (unless every request must be a first), then the measured period, probed on its own. */
async function measure(s: Scenario, f: Fixtures, asked: Asked, ctx: Context): Promise<Row> {
  const next = s.calls(f, asked)
  const drive = (seconds: number): Promise<LoadResult> => s.kind === 'throughput'
    ? saturate(ctx.url, next, { connections: CONNECTIONS, seconds })
    : fixedRate(ctx.url, next, seconds)
  const tooSlow = await tooSlowAlone(s, next, ctx)
  if (tooSlow) return tooSlow
  if (!s.fresh && ctx.timing.warmupSeconds) await drive(ctx.timing.warmupSeconds)
  const throughput = s.kind === 'throughput'
  if (throughput && s.group !== 'baseline') return row(await againstBaseline(s, drive, ctx), ctx)
  await ctx.probe.read()
  const result = await drive(ctx.timing.seconds)
  const server = await ctx.probe.read()
  return row({
    group: s.group, scenario: s.name, kind: s.kind, ...result, server, p99Limit: s.p99Limit,
    rate: throughput ? undefined : RATE,
    ratio: throughput ? 1 : undefined,
  }, ctx)
}

/**
 * A throughput scenario against the bare handler, interleaved: what this machine gives the
 * baseline drifts by up to 2× within a run (other tenants, clock speed), so the scenario runs in
 * slices with a slice of the baseline before each and after the last, and a drift that is slow
 * against a slice cancels out. Each slice is set against the baseline just before and after it,
 * and the scenario's ratio is the median of the slices': a spell of interference that falls on
 * one slice moves that slice's ratio, not the verdict. The server's own figures (CPU, loop delay)
 * are of the scenario's slices alone.
 */
async function againstBaseline(s: Scenario, drive: (seconds: number) => Promise<LoadResult>, ctx: Context): Promise<Omit<Row, 'checks'>> {
  const baseline = () => saturate(ctx.url, () => BASELINE_CALL, { connections: CONNECTIONS, seconds: SLICE_SECONDS })
  const baselines = [await baseline()]
  const slices: LoadResult[] = []
  const reports: ServerReport[] = []
  for (let i = 0; i < ctx.timing.slices; i++) {
    await ctx.probe.read()
    slices.push(await drive(SLICE_SECONDS))
    reports.push(await ctx.probe.read())
    baselines.push(await baseline())
  }
  const result = combined(slices)
  const baselineRequestsPerSecond = combined(baselines).requestsPerSecond
  const perSecond = (loads: LoadResult[]) => loads.map(load => load.requestsPerSecond)
  const { sliceRatios, ratio } = ratioToBaseline(perSecond(slices), perSecond(baselines))
  const server: ServerReport = {
    ...reports.at(-1)!,
    loopDelayMs: { p50: Math.max(...reports.map(r => r.loopDelayMs.p50)), p99: Math.max(...reports.map(r => r.loopDelayMs.p99)), max: Math.max(...reports.map(r => r.loopDelayMs.max)) },
    peakRssMb: Math.max(...reports.map(r => r.peakRssMb)),
    cpuMs: sum(reports.map(r => r.cpuMs)),
    gc: { count: sum(reports.map(r => r.gc.count)), totalMs: sum(reports.map(r => r.gc.totalMs)), maxMs: Math.max(...reports.map(r => r.gc.maxMs)) },
  }
  return {
    group: s.group, scenario: s.name, kind: s.kind, ...result, server, p99Limit: s.p99Limit,
    baselineRequestsPerSecond,
    sliceRatios,
    ratio,
  }
}

/**
 * The campaign list at a fixed rate, quiet, then again while accounts log in at a steady rate:
 * the list's p99 must not collapse while passwords are hashed.
 */
async function duringLogins(s: Scenario, f: Fixtures, asked: Asked, ctx: Context): Promise<Row[]> {
  const list = s.calls(f, asked)
  const tooSlow = await tooSlowAlone(s, list, ctx)
  if (tooSlow) return [tooSlow]
  await ctx.probe.read()
  const quiet = await fixedRate(ctx.url, list, ctx.timing.seconds)
  const quietServer = await ctx.probe.read()

  const accounts = loginCalls(f)
  const nextLogin: NextCall = () => accounts.next().value ?? null
  await settle(ctx.url)
  await ctx.probe.read()
  const [during, logins] = await Promise.all([
    fixedRate(ctx.url, list, ctx.timing.seconds),
    fixedRate(ctx.url, nextLogin, ctx.timing.seconds, LOGIN_RATE),
  ])
  const server = await ctx.probe.read()
  const common = { group: s.group, kind: s.kind, rate: RATE }
  return [
    row({ ...common, scenario: 'campaign list, quiet', ...quiet, server: quietServer, p99Limit: s.p99Limit }, ctx),
    row({ ...common, scenario: s.name, ...during, server, p99Limit: s.p99Limit, quietP99: quiet.p99, duringLogins: true }, ctx),
    row({ ...common, scenario: 'logins', ...logins, server, rate: LOGIN_RATE, duringLogins: true }, ctx),
  ]
}

/** The run's keys leave Redis with its server: runs share nothing, and leave nothing behind. */
async function dropRedisKeys(url: string, prefix: string) {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
  try {
    await redis.connect()
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000)
      if (keys.length) await redis.unlink(...keys)
      cursor = next
    } while (cursor !== '0')
  }
  finally {
    redis.disconnect()
  }
}

/**
 * One server on one database through the chosen scenarios. The targets are for the benchmark-size
 * data (`judged`); the smaller data serves the growth check, and there only errors count.
 */
async function bench(label: string, database: string, chosen: Scenario[], timing: Timing, judged: boolean): Promise<Run> {
  const probeFile = join(work, `probe-${label.replace(/\W+/g, '-')}.json`)
  const redisUrl = process.env.NUXT_REDIS_URL
  const redisPrefix = `influencia-bench-${Date.now().toString(36)}`
  // A long access-token lifetime: a run must not spend its time refreshing.
  const server = await startBuiltServer({
    NUXT_SEED_DEMO: '',
    NUXT_ACCESS_TOKEN_TTL: '3600',
    NUXT_LOGIN_MAX_ATTEMPTS_PER_CLIENT: '100000',
    ...probeEnv(probeFile),
    ...(redisUrl ? { NUXT_REDIS_URL: redisUrl, NUXT_REDIS_PREFIX: redisPrefix } : {}),
  }, { database })
  try {
    const data = await readData(database)
    const signedIn = chosen.some(s => ['sponsor', 'influencer', 'admin', 'writes'].includes(s.group))
    const f: Fixtures = { ...data, tokens: signedIn ? await logInAll(server.url, data.actors) : {} }
    console.log(`\n== ${label} (server ${server.url}, ${f.slugs.length} public campaigns; writes: ${f.counters.length} counters, ${f.accepts.length} accepts, ${f.invites.length} invitations, ${f.applications.length} applications available)`)
    const ctx: Context = { url: server.url, probe: new ServerProbe(server.pid, probeFile), timing, judged }
    const asked = new Asked()
    const rows: Row[] = []
    const runStart = cpuClock()
    for (const s of chosen) {
      const start = cpuClock()
      const measured = s.kind === 'logins' ? await duringLogins(s, f, asked, ctx) : [await measure(s, f, asked, ctx)]
      const stealPct = stealPercent(start, cpuClock())
      for (const r of measured.map(row => ({ ...row, stealPct }))) {
        rows.push(r)
        printRow(r)
      }
    }
    const { runPeakRssMb } = await ctx.probe.read()
    return { label, judged, rows, peakRssMb: runPeakRssMb, stealPct: stealPercent(runStart, cpuClock()), checks: judged ? runChecks(runPeakRssMb) : [] }
  }
  finally {
    await server.stop()
    if (redisUrl) await dropRedisKeys(redisUrl, redisPrefix)
  }
}

try {
  if (!args['no-build']) {
    console.log('== Building the production server')
    run('npx', ['nuxt', 'build'])
  }
  // The baseline always runs first, and again between the slices of each throughput scenario (see `measure`).
  // --only takes a group or part of a scenario's name, or several separated by commas.
  const only = args.only
  const wanted = only?.split(',').map(w => w.trim()).filter(Boolean) ?? []
  const chosen = wanted.length ? scenarios.filter(s => s.group === 'baseline' || wanted.some(w => s.group === w || s.name.includes(w))) : scenarios
  const full = args.data ? await reuse(dialectOfLocation(args.data) === 'postgres' ? args.data : resolve(args.data)) : await seed('full', FULL)
  const runs = [await bench('benchmark size', full, chosen, TIMING.full, true)]
  if (!args.quick) runs.push(await bench('ten times smaller', await seed('small', SMALL), chosen, TIMING.small, false))
  const growths = runs[1] ? growth(runs[0]!, runs[1]) : []
  const missed = misses(runs, growths)

  const meta = {
    date: new Date().toISOString(), cpus: `${cpus().length} × ${cpus()[0]?.model}`, node: process.version, database: DATABASE,
    seeded: Object.entries(seedSeconds).map(([name, seconds]) => `${name} in ${seconds} s`).join(', ') || 'reused',
    cache: process.env.NUXT_REDIS_URL ? 'redis' : 'memory', connections: CONNECTIONS, rate: RATE, loginRate: LOGIN_RATE,
    seconds: TIMING.full.seconds, quick: args.quick, only: only ?? null,
  }
  const out = join(root, 'bench/results')
  mkdirSync(out, { recursive: true })
  // Each database keeps its latest results: `latest` on SQLite, `latest-postgres` on PostgreSQL.
  const name = DATABASE === 'postgres' ? 'latest-postgres' : 'latest'
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify({ meta, runs, growth: growths, misses: missed }, null, 2)}\n`)
  writeFileSync(join(out, `${name}.md`), markdown(runs, growths, missed, meta))
  printSummary(runs, growths, missed)
  console.log(`\nWritten to bench/results/${name}.{json,md}`)
}
finally {
  rmSync(work, { recursive: true, force: true })
  for (const drop of scratchDatabases) await drop()
}
