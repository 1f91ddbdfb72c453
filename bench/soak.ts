// npm run soak [-- --minutes 4] [-- --concurrency 8] [-- --build]
// Minutes of mixed traffic from every role (tests/support/traffic.ts: sponsors inviting,
// influencers applying, both negotiating, admins and visitors reading) against the production
// build on a fresh demo database, its scheduled tasks running as in production. Reports the
// answers, every error and the server's resident memory (VmRSS) over time; exits 1 on any error
// or a campaign committed beyond its budget. NUXT_REDIS_URL, when set, is handed to the server.
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import Redis from 'ioredis'
import { startBuiltServer } from '../tests/support/built-server'
import { castOn, driveTraffic, newTally, overCommittedCampaigns } from '../tests/support/traffic'

const { values: args } = parseArgs({
  options: {
    'minutes': { type: 'string', default: '4' },
    'concurrency': { type: 'string', default: '8' },
    'sample-seconds': { type: 'string', default: '15' },
    'build': { type: 'boolean', default: false },
  },
})
const minutes = Number(args.minutes)
const concurrency = Number(args.concurrency)
const sampleSeconds = Number(args['sample-seconds'])
if (!(minutes > 0 && minutes <= 60) || !(concurrency > 0 && concurrency <= 64) || !(sampleSeconds >= 1)) {
  console.error('--minutes must be in (0, 60], --concurrency in 1..64, --sample-seconds at least 1')
  process.exit(2)
}

/** Resident memory of the process now (VmRSS), in MB. */
function rssMb(pid: number) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find(l => l.startsWith('VmRSS:'))
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : Number.NaN
}

if (args.build) execFileSync('npx', ['nuxt', 'build'], { cwd: resolve(import.meta.dirname, '..'), stdio: 'inherit' })

const redisUrl = process.env.NUXT_REDIS_URL
const prefix = `soak-${randomUUID()}`
const server = await startBuiltServer({
  // Scheduled tasks run (test servers keep them still): the lifecycle's minute is part of the load.
  TEST: '',
  // Sessions outlive the run: the soak measures serving, not refreshing.
  NUXT_ACCESS_TOKEN_TTL: '7200',
  ...(redisUrl ? { NUXT_REDIS_URL: redisUrl, NUXT_REDIS_PREFIX: prefix } : {}),
})
let failed: boolean
try {
  const idleRss = rssMb(server.pid)
  // Budgets for a few hundred deals each: the deal flow goes on for the whole run.
  const cast = await castOn([server.url], { sponsors: 5, influencers: 20, campaignsPerSponsor: 4, budget: 20_000_000 })
  console.log(`Soak: ${minutes} min, ${concurrency} clients, ${cast.sponsors.length} sponsors, ${cast.influencers.length} influencers, ${cast.campaigns.length} campaigns, cache ${redisUrl ? 'redis' : 'memory'}, server ${server.url} (pid ${server.pid}, ${idleRss.toFixed(0)} MB when it started)`)
  const samples: { second: number, rss: number, requests: number }[] = []
  const started = Date.now()
  const tally = newTally()
  const sample = () => samples.push({ second: Math.round((Date.now() - started) / 1000), rss: rssMb(server.pid), requests: tally.requests })
  sample()
  const sampler = setInterval(() => {
    sample()
    const last = samples.at(-1)!
    console.log(`  ${String(last.second).padStart(4)} s  RSS ${last.rss.toFixed(0).padStart(4)} MB  ${String(last.requests).padStart(7)} requests  ${tally.failureCount} errors`)
  }, sampleSeconds * 1000)
  try {
    await driveTraffic(cast, { concurrency, requests: 10_000_000, seconds: minutes * 60, tally })
  }
  finally {
    clearInterval(sampler)
  }
  sample()

  const seconds = (Date.now() - started) / 1000
  const overCommitted = await overCommittedCampaigns(server.database)
  const middle = samples[Math.floor(samples.length / 2)]!
  const rss = samples.map(s => s.rss)
  console.log(`\n${tally.requests} requests in ${seconds.toFixed(0)} s (${(tally.requests / seconds).toFixed(0)} req/s)`)
  for (const [answer, count] of Object.entries(tally.answers).sort()) console.log(`  ${answer.padEnd(32)} ${count}`)
  console.log(`RSS: start ${samples[0]!.rss.toFixed(0)} MB, middle (${middle.second} s) ${middle.rss.toFixed(0)} MB, end ${samples.at(-1)!.rss.toFixed(0)} MB; min ${Math.min(...rss).toFixed(0)}, max ${Math.max(...rss).toFixed(0)}`)
  console.log(`Errors: ${tally.failureCount}${tally.failures.length ? `\n  ${tally.failures.join('\n  ')}` : ''}`)
  console.log(`Campaigns committed beyond their budget: ${overCommitted.length ? JSON.stringify(overCommitted) : 'none'}`)
  // An error the server only logged (a background task, a failed send) counts as well.
  const loggedErrors = server.output().split('\n').filter(line => /\berror\b/i.test(line))
  console.log(`Errors in the server's log: ${loggedErrors.length}${loggedErrors.length ? `\n  ${loggedErrors.slice(0, 20).join('\n  ')}` : ''}`)
  failed = tally.failureCount > 0 || overCommitted.length > 0 || loggedErrors.length > 0
}
catch (error) {
  console.error(error)
  failed = true
}
finally {
  await server.stop()
  if (redisUrl) {
    const redis = new Redis(redisUrl)
    const keys = await redis.keys(`${prefix}:*`)
    if (keys.length) await redis.del(...keys)
    redis.disconnect()
  }
}
process.exit(failed ? 1 : 0)
