import type { DomainEventType } from '#shared/events'

// replaced by the live stream client
export function useLiveEvent(_types: DomainEventType[] | '*', _handler: (data: any) => void): void {}
