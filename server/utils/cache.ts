import { promisify } from 'node:util'
import { brotliCompress, constants } from 'node:zlib'
import type { H3Event } from 'h3'
import { RecentlyUsed } from './recently-used'

/**
 * Cached reads that are never stale, by tag version stamps. Each entry is stored with the
 * versions its tags had before it was computed (and the global epoch); a write bumps the versions
 * of the tags it makes stale, so an entry whose stamp no longer matches is simply not used, on
 * every instance sharing Redis at once, with no purge lists. Reading the entry and the current
 * versions is one MGET. An entry computed from data older than a bump carries the older stamp
 * and is never served, whichever of the read and the write finished first.
 *
 * Redis when configured (shared by every instance), process memory otherwise (one instance).
 * When Redis does not answer, reads go to the database (see ./redis.ts) and `x-cache: bypass`.
 */

export interface CacheSpec {
  key: string
  /** What the value depends on (see ./cache-keys.ts): a write that bumps one of them drops it. */
  tags: string[]
  /** An upper bound only: freshness comes from the tags. At most MAX_TTL_SECONDS. */
  ttlSeconds: number
}

type Lookup<T> =
  | { state: 'hit', value: T }
  /** `version` names the data the value must be computed from: the key and the stamp it is stored under. */
  | { state: 'miss', version: string, store: (value: T) => Promise<void> }
  | { state: 'bypass' }

/** Tag versions outlive every entry, so a version that expires and restarts at 0 matches none. */
const MAX_TTL_SECONDS = 86_400
const TAG_TTL_SECONDS = 2 * MAX_TTL_SECONDS
/** Without Redis: how many entries the process keeps, the least recently used dropped first. */
const MAX_MEMORY_ENTRIES = 2000

/**
 * Without Redis, values stay as they are (no JSON round trip on a hit): every reader gets the same
 * object, so callers treat what they get as read-only, as they do a value they just computed.
 */
const memoryEntries = new RecentlyUsed<string, { stamp: string, value: unknown, expiresAt: number }>(MAX_MEMORY_ENTRIES)
const memoryTags = new Map<string, number>()

function redisKey(name: string) {
  return `${useRuntimeConfig().redisPrefix}:cache:${name}`
}
const EPOCH = 'epoch'
const entryKey = (key: string) => redisKey(`entry:${key}`)
const tagKey = (tag: string) => redisKey(`tag:${tag}`)

/**
 * How a cached form is kept in Redis, as text. Without Redis the form itself is kept (no
 * serialising at all on a hit).
 */
interface Codec<K> {
  text: (kept: K) => string
  fromText: (text: string) => K
}
// Whatever a caller stores it reads back under the same key, so the text holds the caller's type.
const valueCodec: Codec<unknown> = { text: value => JSON.stringify(value), fromText: text => JSON.parse(text) }

/** An API answer as sent: its JSON, and the same compressed once for the clients that take Brotli. */
interface JsonAnswer {
  json: Buffer
  /** Absent for a short answer, which compressing would not make worth its cost. */
  brotli?: Buffer
}
/** Kept in Redis as "<brotli, base64>\n<json>" (an empty first line when there is no compressed copy). */
const jsonAnswerCodec: Codec<JsonAnswer> = {
  text: ({ json, brotli }) => `${brotli?.toString('base64') ?? ''}\n${json.toString()}`,
  fromText: (text) => {
    const newline = text.indexOf('\n')
    const brotli = text.slice(0, newline)
    return { json: Buffer.from(text.slice(newline + 1)), ...(brotli ? { brotli: Buffer.from(brotli, 'base64') } : {}) }
  },
}
/** Answers shorter than this go uncompressed: a few hundred bytes gain nothing on the wire. */
const COMPRESS_FROM_BYTES = 1024
const compress = promisify(brotliCompress)

/** Kept in Redis as "<stamp>\n<text>", so a stale entry is recognised without decoding its value. */
function fromRedis<K>(raw: string | null | undefined, stamp: string, codec: Codec<K>): K | undefined {
  if (!raw) return undefined
  const newline = raw.indexOf('\n')
  return raw.slice(0, newline) === stamp ? codec.fromText(raw.slice(newline + 1)) : undefined
}

async function lookup<K>(spec: CacheSpec, codec: Codec<K>): Promise<Lookup<K>> {
  const ttl = Math.min(spec.ttlSeconds, MAX_TTL_SECONDS)
  if (!redisClient()) {
    const stamp = spec.tags.map(tag => memoryTags.get(tag) ?? 0).join('.')
    const entry = memoryEntries.get(spec.key)
    if (entry && entry.stamp === stamp && entry.expiresAt > Date.now()) return { state: 'hit', value: entry.value as K }
    return { state: 'miss', version: `${spec.key}\n${stamp}`, store: async value => rememberInMemory(spec.key, stamp, value, ttl) }
  }
  let found: (string | null)[]
  try {
    found = await withRedis(redis => redis.mget(entryKey(spec.key), redisKey(EPOCH), ...spec.tags.map(tagKey)))
  }
  catch {
    return { state: 'bypass' }
  }
  const [raw, ...versions] = found
  const stamp = versions.map(v => v ?? '0').join('.')
  const value = fromRedis(raw, stamp, codec)
  if (value !== undefined) return { state: 'hit', value }
  return {
    state: 'miss',
    version: `${spec.key}\n${stamp}`,
    // Resolves once stored (or given up on: a failed store only costs a later miss).
    store: value => withRedis(redis => redis.set(entryKey(spec.key), `${stamp}\n${codec.text(value)}`, 'EX', ttl)).then(() => {}, () => {}),
  }
}

function rememberInMemory(key: string, stamp: string, value: unknown, ttlSeconds: number) {
  memoryEntries.set(key, { stamp, value, expiresAt: Date.now() + ttlSeconds * 1000 })
}

const computing = new Map<string, Promise<unknown>>()

async function readThrough<K>(event: H3Event | null, spec: CacheSpec, codec: Codec<K>, compute: () => K | Promise<K>): Promise<K> {
  const found = await lookup(spec, codec)
  if (event) setResponseHeader(event, 'x-cache', found.state)
  if (found.state === 'hit') return found.value
  if (found.state === 'bypass') return compute()
  const running = computing.get(found.version) as Promise<K> | undefined
  if (running) return running
  const work = (async () => compute())()
  computing.set(found.version, work)
  try {
    const value = await work
    void found.store(value)
    return value
  }
  finally {
    computing.delete(found.version)
  }
}

/**
 * The value under `spec.key` if it is still current, else `compute()`'s (stored for the next
 * reader). Concurrent misses of one key and stamp in this process compute it once (a miss after
 * a bump never joins a computation started before it). Errors are not cached. With an event,
 * the answer says `x-cache: hit | miss | bypass`.
 */
export function cachedRead<T>(event: H3Event | null, spec: CacheSpec, compute: () => T | Promise<T>): Promise<T> {
  return readThrough<T>(event, spec, valueCodec as Codec<T>, compute)
}

/**
 * An API answer from the cache, as cachedRead, for a handler that returns it as it is: the JSON
 * is written once, when the value is stored, and every hit sends those bytes untouched (turning
 * a 13 KB list back into objects and then into JSON again cost more than everything else a hit
 * does). It is compressed once too (on the thread pool), and a browser, which takes Brotli, gets
 * a fifth of the bytes. The bytes stand in for the value: h3 sends a Buffer as it is, and the
 * route keeps the value's type for its callers.
 */
export async function cachedJson<T>(event: H3Event, spec: CacheSpec, compute: () => T | Promise<T>): Promise<T> {
  const answer = await readThrough(event, spec, jsonAnswerCodec, async () => {
    const json = Buffer.from(JSON.stringify(await compute()))
    if (json.length < COMPRESS_FROM_BYTES) return { json }
    return { json, brotli: await compress(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: json.length } }) }
  })
  return answerBytes(event, answer) as unknown as T
}

/**
 * The bytes of a cached API answer that is still current, with its headers set, or undefined (and
 * nothing set) when there is none: for answering a hit before the route's handler runs. The
 * handler's own `cachedJson` under the same spec computes and stores it on a miss.
 */
export async function cachedJsonHit(event: H3Event, spec: CacheSpec): Promise<Buffer | undefined> {
  const found = await lookup(spec, jsonAnswerCodec)
  if (found.state !== 'hit') return undefined
  setResponseHeader(event, 'x-cache', 'hit')
  return answerBytes(event, found.value)
}

/** What goes on the wire: the compressed copy when the client takes it. */
function answerBytes(event: H3Event, answer: JsonAnswer): Buffer {
  setResponseHeader(event, 'content-type', 'application/json')
  if (!answer.brotli) return answer.json
  setResponseHeader(event, 'vary', 'accept-encoding')
  if (!acceptsBrotli(event)) return answer.json
  setResponseHeader(event, 'content-encoding', 'br')
  return answer.brotli
}

/** The lower-level step for callers that produce the value elsewhere (the page render cache). */
export function cacheLookup<T>(spec: CacheSpec): Promise<Lookup<T>> {
  return lookup<T>(spec, valueCodec as Codec<T>)
}

const pendingBumps = new Set<Promise<unknown>>()
/** A starting instance cannot know what changed while it was away, nor how old entries are shaped. */
let missedBumps = true

/**
 * Makes every entry depending on one of `tags` stale. With Redis the bump is an INCR per tag, in
 * flight until `invalidationsSettled()`; one that fails opens the breaker, and the epoch bumped
 * when Redis answers again covers it.
 */
export function invalidateTags(tags: string[]) {
  const unique = [...new Set(tags)]
  if (!unique.length) return
  if (!redisClient()) {
    for (const tag of unique) memoryTags.set(tag, (memoryTags.get(tag) ?? 0) + 1)
    return
  }
  const bump = withRedis((redis) => {
    const batch = redis.multi()
    for (const tag of unique) batch.incr(tagKey(tag)).expire(tagKey(tag), TAG_TTL_SECONDS)
    return batch.exec()
  }, { mustLand: true }).catch(() => { missedBumps = true })
  pendingBumps.add(bump)
  void bump.finally(() => pendingBumps.delete(bump))
}

/** Resolves once every bump started so far has landed or given up: a writer then reads its own change. */
export async function invalidationsSettled() {
  if (pendingBumps.size) await Promise.all(pendingBumps)
}

/**
 * When Redis answers again after this instance failed to bump a version (and when it starts:
 * a new release may shape values differently), every entry stored before stops matching.
 * A slow read alone drops nothing: it missed no change.
 */
export function dropCacheOnRedisRecovery() {
  onRedisRecovery(async (redis) => {
    if (!missedBumps) return
    missedBumps = false
    try {
      await redis.incr(redisKey(EPOCH))
    }
    catch (error) {
      missedBumps = true
      throw error
    }
  })
}
