import autocannon from 'autocannon'

export interface LoadOptions {
  baseURL: string
  /** One path, or a function giving the next one (to spread requests over many pages: cold reads). */
  path: string | (() => string)
  headers?: Record<string, string>
  connections: number
  seconds: number
  warmupSeconds: number
}

export interface LoadResult {
  requestsPerSecond: number
  p50: number
  p99: number
  max: number
  requests: number
  errors: number
}

function fire(options: LoadOptions, seconds: number): Promise<autocannon.Result> {
  const next = typeof options.path === 'string' ? () => options.path as string : options.path
  return autocannon({
    url: options.baseURL,
    connections: options.connections,
    duration: seconds,
    headers: options.headers,
    requests: [{ setupRequest: request => ({ ...request, path: next() }) }],
  })
}

/**
 * Waits until the server answers its liveness check quickly again: requests the last scenario
 * left queued must not be billed to the next one.
 */
async function settle(baseURL: string) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const started = performance.now()
    await fetch(`${baseURL}/api/health/live`)
    if (performance.now() - started < 20) return
    await new Promise(resolve => setTimeout(resolve, 200))
  }
}

/** Drives one scenario: a warm-up whose figures are dropped, then the measured run. */
export async function measure(options: LoadOptions): Promise<LoadResult> {
  await settle(options.baseURL)
  if (options.warmupSeconds > 0) await fire(options, options.warmupSeconds)
  const result = await fire(options, options.seconds)
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  }
}
