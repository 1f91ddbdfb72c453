import type Redis from 'ioredis'

/**
 * Redis as a speed-up, never a dependency. Every call goes through `withRedis`, which gives up
 * after OP_TIMEOUT_MS and then stops asking Redis at all (a circuit breaker): while it is open,
 * callers fall back at once (the cache reads the database, rate limits count in memory, the job
 * lock is taken in this process). A probe in the background closes it again once Redis answers,
 * after the recovery steps have run (the cache bumps its epoch there: invalidations missed during
 * the outage must not let old entries look fresh).
 */
const OP_TIMEOUT_MS = 100
const PROBE_INTERVAL_MS = 1000
/** One late answer can be a busy machine; two in a row is a Redis in trouble. Errors count at once. */
const TIMEOUTS_TO_TRIP = 2

export class RedisUnavailable extends Error {
  constructor(reason: string) {
    super(`Redis unavailable: ${reason}`)
  }
}

class RedisTimeout extends RedisUnavailable {}

/** Closed until the first probe succeeds: a starting instance runs the recovery steps too. */
let up = false
let timeoutsInARow = 0
/** Counts trips, so a probe that overlapped one does not close the breaker behind it. */
let trips = 0
let probing: Promise<boolean> | null = null
let lastProbe = 0
const recoverySteps: ((redis: Redis) => Promise<unknown>)[] = []
let lastComplaint = 0
let probeTimer: NodeJS.Timeout | undefined
/** Set at shutdown: callers fall back quietly instead of reporting an outage. */
let closed = false

/** The single ioredis client behind the `kv` mount (server/plugins/02.storage.ts); null without Redis. */
export function redisClient(): Redis | null {
  const mount = useStorage().getMount('kv:')
  const driver = mount?.driver as { name?: string, getInstance?: () => Redis } | undefined
  return driver?.name === 'redis' && driver.getInstance ? driver.getInstance() : null
}

/**
 * Follows the connection (called once by the storage plugin): a lost connection opens the
 * breaker at once, a reconnection probes at once, and while open a probe runs every second.
 */
export function watchRedis(redis: Redis) {
  redis.on('close', () => { up = false })
  redis.on('ready', () => void probeRedis({ force: true }))
  probeTimer = setInterval(() => { if (!up) void probeRedis() }, PROBE_INTERVAL_MS).unref()
}

/** How long a closing connection may take to send what it has queued before it is cut. */
const QUIT_GRACE_MS = 1000

/**
 * Closes a connection politely (QUIT: replies still due arrive first), or cuts it when Redis does
 * not answer in time: a frozen Redis would otherwise hold the shutdown forever.
 */
export async function closeRedisConnection(redis: Redis) {
  if (redis.status === 'end') return
  let timer: NodeJS.Timeout | undefined
  const cut = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, QUIT_GRACE_MS)
  })
  await Promise.race([redis.quit().then(() => {}, () => {}), cut]).finally(() => clearTimeout(timer))
  redis.disconnect()
}

/** Closes the shared client at shutdown (after every request has been answered). */
export async function closeRedis() {
  closed = true
  up = false
  clearInterval(probeTimer)
  const redis = redisClient()
  if (redis) await closeRedisConnection(redis)
}

/** Runs when Redis answers again (and at start), before any caller uses it; must succeed to close the breaker. */
export function onRedisRecovery(step: (redis: Redis) => Promise<unknown>) {
  recoverySteps.push(step)
}

export function redisState(): 'redis' | 'memory' | 'unavailable' {
  if (!redisClient()) return 'memory'
  return up ? 'redis' : 'unavailable'
}

/**
 * `work`, or a RedisUnavailable after OP_TIMEOUT_MS. The timeout gives way to an answer already
 * received: when a long render has held the event loop, the timer and Redis's reply are both due
 * at once, and timers run before I/O; setImmediate lets the reply be read first, so a busy
 * instance does not mistake its own slowness for Redis's.
 */
function timed<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => setImmediate(() => reject(new RedisTimeout(`no answer in ${OP_TIMEOUT_MS} ms`))), OP_TIMEOUT_MS)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

function tripped(error: unknown, { atOnce = false } = {}) {
  if (!atOnce && error instanceof RedisTimeout && ++timeoutsInARow < TIMEOUTS_TO_TRIP) return
  up = false
  trips++
  if (Date.now() - lastComplaint > 30_000) {
    lastComplaint = Date.now()
    console.warn(`[redis] ${error instanceof Error ? error.message : error}; serving without it until it answers again`)
  }
}

/**
 * Runs `op` against Redis, or throws RedisUnavailable: without Redis, while the breaker is open,
 * when the connection is not ready (nothing is queued to wait for a reconnection), on error and
 * after OP_TIMEOUT_MS. `mustLand` is for writes whose loss needs repair on recovery (cache
 * invalidations): tried on a ready connection even while the breaker is open, and any failure
 * opens it, so the recovery steps run before Redis is used again.
 */
export async function withRedis<T>(op: (redis: Redis) => Promise<T>, { mustLand = false } = {}): Promise<T> {
  const redis = redisClient()
  if (!redis) throw new RedisUnavailable('not configured')
  if (closed) throw new RedisUnavailable('closed at shutdown')
  if (!up && !mustLand) {
    void probeRedis()
    throw new RedisUnavailable('circuit open')
  }
  if (redis.status !== 'ready') {
    tripped(new RedisUnavailable(`connection ${redis.status}`))
    throw new RedisUnavailable(`connection ${redis.status}`)
  }
  try {
    const result = await timed(op(redis))
    timeoutsInARow = 0
    if (!up) void probeRedis()
    return result
  }
  catch (error) {
    tripped(error, { atOnce: mustLand })
    throw error instanceof RedisUnavailable ? error : new RedisUnavailable(error instanceof Error ? error.message : String(error))
  }
}

/**
 * Checks that Redis answers and runs the recovery steps; the breaker closes only if all succeed.
 * At most one probe runs at a time and, unless forced, one a second.
 */
export function probeRedis({ force = false } = {}): Promise<boolean> {
  const redis = redisClient()
  if (!redis || closed) return Promise.resolve(false)
  if (probing) return probing
  if (!force && Date.now() - lastProbe < PROBE_INTERVAL_MS) return Promise.resolve(up)
  lastProbe = Date.now()
  probing = (async () => {
    if (redis.status !== 'ready') return false
    const tripsBefore = trips
    try {
      await timed(redis.ping())
      for (const step of recoverySteps) await timed(step(redis))
      if (trips !== tripsBefore) return false
      if (!up) console.info('[redis] answering: caching and shared counters resume')
      up = true
      timeoutsInARow = 0
    }
    catch (error) {
      tripped(error)
    }
    return up
  })().finally(() => { probing = null })
  return probing
}
