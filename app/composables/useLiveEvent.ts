import type { DomainEventType, LiveEventData } from '#shared/events'

/**
 * Calls `handler` with each live event of the given types (or of every type, `'*'`) that reaches
 * the logged-in user, for as long as the calling component lives. Nothing happens on the server.
 */
export function useLiveEvent<T extends DomainEventType>(types: T[] | '*', handler: (data: LiveEventData<T>) => void): void {
  if (import.meta.server) return
  const stop = useNuxtApp().$live.on(types, handler as (data: LiveEventData) => void)
  if (getCurrentScope()) onScopeDispose(stop)
}
