import type Redis from 'ioredis'

/**
 * Shared key-value storage: Redis when NUXT_REDIS_URL is set (mounted by
 * server/plugins/storage.ts), process memory otherwise. Rate limits use it now, caches later.
 */
export function useKv() {
  return useStorage('kv')
}

/** The single ioredis client behind the `kv` mount, for atomic operations; null on memory. */
export function redisClient(): Redis | null {
  const mount = useStorage().getMount('kv:')
  const driver = mount?.driver as { name?: string, getInstance?: () => Redis } | undefined
  return driver?.name === 'redis' && driver.getInstance ? driver.getInstance() : null
}
