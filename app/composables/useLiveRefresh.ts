import type { DomainEventType, LiveEventData } from '#shared/events'

/**
 * Reloads a view's data when a live event says it changed (`concerns` picks the events about
 * it). A burst of events costs at most one reload under way and one after it, never one each.
 */
export function useLiveRefresh<T extends DomainEventType>(
  types: T[] | '*',
  reload: () => Promise<unknown>,
  concerns: (data: LiveEventData<T>) => boolean = () => true,
): void {
  let running: Promise<unknown> | null = null
  let again = false

  function run() {
    if (running) {
      again = true
      return
    }
    running = reload().catch(() => null).finally(() => {
      running = null
      if (again) {
        again = false
        run()
      }
    })
  }

  useLiveEvent(types, (data) => { if (concerns(data)) run() })
}
