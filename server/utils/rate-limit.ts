import type { H3Event } from 'h3'

/**
 * Fixed-window counters shared by every instance through Redis (atomic INCR), or kept in
 * memory when there is no Redis or it does not answer (within 100 ms, see ./redis.ts), so a
 * Redis outage never locks users out nor slows their login: during one, each instance counts
 * on its own, which loosens a limit by the number of instances at most.
 */
const local = new Map<string, { count: number, resetAt: number }>()

/** Whom a per-client limit counts: the address of the request (the proxy's word, when trusted). */
export function clientAddress(event: H3Event) {
  return getRequestIP(event, { xForwardedFor: configFlag(useRuntimeConfig().trustProxy, false) }) ?? 'unknown'
}

export interface WindowCount { count: number, retryAfter: number }

export async function countHit(key: string, windowSeconds: number): Promise<WindowCount> {
  try {
    const fullKey = limitKey(key)
    const res = await withRedis(redis => redis.multi().incr(fullKey).expire(fullKey, windowSeconds, 'NX').ttl(fullKey).exec())
    const count = Number(res?.[0]?.[1] ?? 1)
    const ttl = Number(res?.[2]?.[1] ?? windowSeconds)
    return { count, retryAfter: Math.max(1, ttl) }
  }
  catch {
    return localHit(key, windowSeconds, 1)
  }
}

export async function peekCount(key: string, windowSeconds: number): Promise<WindowCount> {
  try {
    const fullKey = limitKey(key)
    const [count, ttl] = await withRedis(redis => Promise.all([redis.get(fullKey), redis.ttl(fullKey)]))
    return { count: Number(count ?? 0), retryAfter: Math.max(1, ttl) }
  }
  catch {
    return localHit(key, windowSeconds, 0)
  }
}

export async function resetCount(key: string) {
  local.delete(key)
  await withRedis(redis => redis.del(limitKey(key))).catch(() => {})
}

function limitKey(key: string) {
  return `${useRuntimeConfig().redisPrefix}:rl:${key}`
}

function localHit(key: string, windowSeconds: number, increment: number): WindowCount {
  const now = Date.now()
  if (local.size > 10_000) {
    for (const [k, e] of local) if (e.resetAt <= now) local.delete(k)
  }
  let entry = local.get(key)
  if (!entry || entry.resetAt <= now) {
    entry = { count: 0, resetAt: now + windowSeconds * 1000 }
    if (increment) local.set(key, entry)
  }
  entry.count += increment
  return { count: entry.count, retryAfter: Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) }
}
