import { Agent, request as httpRequest } from 'node:http'
import { createRequire } from 'node:module'
import { createHistogram } from 'node:perf_hooks'
import autocannon from 'autocannon'
import { median, sum } from './stats'

// autocannon keeps every answer's body as a string (`body += chunk`, each byte decoded as UTF-8)
// for checks this benchmark never asks for: on a 9 KB page that cost the client about 80 µs an
// answer, against the server's 90 µs to send it, and on two shared cores the client's share set
// the pace. Answers are judged by status only, so the body is dropped as it arrives.
const requestsQueue = createRequire(import.meta.url)('autocannon/lib/pipelinedRequestsQueue.js')
if (typeof requestsQueue.prototype?.addBody !== 'function') throw new Error('autocannon changed: bench/load.ts no longer knows where it keeps bodies')
requestsQueue.prototype.addBody = () => {}

/** One request of a scenario: a path, or a whole request when it writes. */
export interface Call {
  path: string
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
}

/** Gives the next request to send; null when its supply of distinct targets has run out. */
export type NextCall = () => Call | null

export interface LoadResult {
  requestsPerSecond: number
  /** How long the load ran. */
  seconds: number
  mean: number
  p50: number
  p99: number
  max: number
  /** Answers received, whatever their status. */
  requests: number
  /** Answers with a 2xx status: the ones whose latency counts. */
  ok: number
  /** Non-2xx answers, timeouts and connection errors. */
  errors: number
  /** How many answers of each non-2xx status (and `timeout`, `error`), to see what went wrong. */
  failures: Record<string, number>
  /** Fixed-rate runs: requests due while every connection was busy, so never sent. */
  skipped: number
  /** Fixed-rate runs: the scenario's distinct targets ran out before its time did. */
  ranOut: boolean
}

const TIMEOUT_MS = 10_000

/**
 * Saturates the server: `connections` clients each send their next request as soon as the last
 * is answered (autocannon). Measures throughput; p99 there is mostly the queue of the others.
 */
export async function saturate(baseURL: string, next: NextCall, o: { connections: number, seconds: number }): Promise<LoadResult> {
  // autocannon ends its runs on a whole second: half a second would run for one.
  if (!Number.isInteger(o.seconds) || o.seconds < 1) throw new Error(`A saturating load runs for whole seconds, not ${o.seconds}`)
  const result = await autocannon({
    url: baseURL,
    connections: o.connections,
    duration: o.seconds,
    timeout: TIMEOUT_MS / 1000,
    requests: [{
      setupRequest: (request) => {
        const call = next()
        if (!call) throw new Error('A saturating scenario needs an endless supply of requests')
        return { ...request, method: call.method ?? 'GET', path: call.path, headers: { ...request.headers, ...call.headers }, body: call.body }
      },
    }],
  })
  const failures: Record<string, number> = {}
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    if (!code.startsWith('2')) failures[code] = count ?? 0
  }
  if (result.timeouts) failures.timeout = result.timeouts
  if (result.errors - result.timeouts) failures.error = result.errors - result.timeouts
  return {
    // Over the run's whole time: autocannon's average is of whole seconds, and short runs end mid-second.
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    seconds: result.duration,
    mean: Math.round(result.latency.average * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    ok: result['2xx'],
    errors: result.errors + result.non2xx,
    failures,
    skipped: 0,
    ranOut: false,
  }
}

/**
 * Sends requests at a fixed overall rate, evenly spaced, over at most `connections` kept-alive
 * connections, whatever the answers' pace (an open loop). Latency then is the service time of a
 * server that keeps up, and grows with its queue only when it does not. autocannon's
 * `overallRate` is not used: it fires every connection's share at the start of each second, so
 * 50 connections at 50 req/s send bursts of 50 and p99 measures that queue again.
 * Stops after `seconds`, or earlier when `next` has no target left.
 */
export async function pace(baseURL: string, next: NextCall, o: { connections: number, seconds: number, rate: number }): Promise<LoadResult> {
  const url = new URL(baseURL)
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections })
  // Microseconds, so sub-millisecond answers are told apart; reported in ms like autocannon.
  const latency = createHistogram({ lowest: 1, highest: 60_000_000, figures: 3 })
  const failures: Record<string, number> = {}
  let requests = 0
  let errors = 0
  let skipped = 0
  let inFlight = 0
  const fail = (kind: string) => {
    errors++
    failures[kind] = (failures[kind] ?? 0) + 1
  }

  const send = (call: Call) => new Promise<void>((done) => {
    const started = performance.now()
    inFlight++
    const finish = (failure?: string) => {
      inFlight--
      if (failure !== 'timeout' && failure !== 'error') requests++
      if (failure) fail(failure)
      else latency.record(Math.max(1, Math.round((performance.now() - started) * 1000)))
      done()
    }
    const req = httpRequest({
      agent, host: url.hostname, port: url.port, method: call.method ?? 'GET', path: call.path, timeout: TIMEOUT_MS,
      headers: { ...call.headers, ...(call.body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(call.body) } : {}) },
    }, (res) => {
      res.resume()
      res.on('end', () => finish(res.statusCode! >= 200 && res.statusCode! < 300 ? undefined : String(res.statusCode)))
      res.on('error', () => finish('error'))
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', (e: Error) => finish(e.message === 'timeout' ? 'timeout' : 'error'))
    req.end(call.body)
  })

  const pending: Promise<void>[] = []
  const interval = 1000 / o.rate
  const started = performance.now()
  const end = started + o.seconds * 1000
  let exhausted = false
  // Each request is due at a fixed time from the start, so a late timer does not shift the rest.
  for (let due = started; due < end; due += interval) {
    const wait = due - performance.now()
    if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait))
    if (inFlight >= o.connections) {
      skipped++
      continue
    }
    const call = next()
    if (!call) {
      exhausted = true
      break
    }
    pending.push(send(call))
  }
  const sending = (exhausted ? performance.now() : end) - started
  await Promise.all(pending)
  agent.destroy()
  const ms = (percentile: number) => (latency.count ? Math.round(latency.percentile(percentile) / 100) / 10 : 0)
  return {
    requestsPerSecond: Math.round(requests / (sending / 1000)),
    seconds: sending / 1000,
    mean: latency.count ? Math.round(latency.mean / 100) / 10 : 0,
    p50: ms(50),
    p99: ms(99),
    max: latency.count ? Math.round(latency.max / 100) / 10 : 0,
    requests,
    ok: latency.count,
    errors,
    failures,
    skipped,
    ranOut: exhausted,
  }
}

/** One request on its own, as nothing else runs: how long it takes, ms (Infinity when it never answers). */
export async function single(baseURL: string, call: Call): Promise<number> {
  const started = performance.now()
  try {
    const res = await fetch(`${baseURL}${call.path}`, {
      method: call.method ?? 'GET', body: call.body, signal: AbortSignal.timeout(30_000),
      headers: { ...call.headers, ...(call.body ? { 'content-type': 'application/json' } : {}) },
    })
    await res.arrayBuffer()
  }
  catch {
    return Infinity
  }
  return Math.round(performance.now() - started)
}

/**
 * Waits until the server answers its liveness check quickly again: requests the last scenario
 * left queued must not be billed to the next one. Says so when it never does.
 */
export async function settle(baseURL: string) {
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    const started = performance.now()
    await fetch(`${baseURL}/api/health/live`, { signal: AbortSignal.timeout(180_000) }).catch(() => {})
    if (performance.now() - started < 20) return
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  console.warn('   (the server was still busy after 3 minutes: the next scenario starts anyway)')
}

/**
 * Several runs of one load as one: requests/s over their whole time, latency weighted by answers,
 * and for the percentiles, the median of the runs' p50 and the worst of their p99.
 */
export function combined(runs: LoadResult[]): LoadResult {
  const total = (pick: (r: LoadResult) => number) => sum(runs.map(pick))
  const seconds = total(r => r.seconds)
  const ok = total(r => r.ok)
  const failures: Record<string, number> = {}
  for (const r of runs) for (const [kind, n] of Object.entries(r.failures)) failures[kind] = (failures[kind] ?? 0) + n
  return {
    requestsPerSecond: Math.round(total(r => r.requests) / seconds),
    seconds,
    mean: ok ? Math.round(total(r => r.mean * r.ok) / ok * 10) / 10 : 0,
    p50: median(runs.map(r => r.p50)),
    p99: Math.max(...runs.map(r => r.p99)),
    max: Math.max(...runs.map(r => r.max)),
    requests: total(r => r.requests),
    ok,
    errors: total(r => r.errors),
    failures,
    skipped: total(r => r.skipped),
    ranOut: runs.some(r => r.ranOut),
  }
}
