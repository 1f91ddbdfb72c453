import { onDomainEvent } from '../domain/events'

// Every committed write drops what it made stale (server/utils/cache-keys.ts says what), before
// the writer's answer is sent: defineApiHandler waits for the bumps to land.
export default defineNitroPlugin(() => {
  dropCacheOnRedisRecovery()
  onDomainEvent(({ event }) => invalidateTags(staleAfter(event)))
})
