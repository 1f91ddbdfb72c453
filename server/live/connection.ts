import type { LiveEventData } from '#shared/events'

/** How long a browser waits before reconnecting after the stream drops (the SSE `retry:` field). */
export const RECONNECT_DELAY_MS = 3000

/** One SSE message: the event's type as its name, its data as JSON, its inbox row's id as its id. */
export function formatLiveMessage(data: LiveEventData): string {
  const id = data.notificationId !== undefined ? `id: ${data.notificationId}\n` : ''
  return `${id}event: ${data.type}\ndata: ${JSON.stringify(data)}\n\n`
}

export interface LiveConnectionOptions {
  userId: number
  sessionId: string
  /** Writes a chunk of the event stream to the client. */
  write: (chunk: string) => void
  /** Ends the response. */
  end: () => void
}

/**
 * One open event stream of one user, in one login session. Live messages that arrive while the
 * stream is still catching up from the database wait in a buffer; when the catch-up is sent,
 * the buffered ones follow, minus those the catch-up already carried. That is the seam without
 * a gap (the connection listens before the database is read) and without a duplicate.
 */
export class LiveConnection {
  readonly userId: number
  readonly sessionId: string
  private readonly write: (chunk: string) => void
  private readonly end: () => void
  private waiting: LiveEventData[] | null = []
  /** The newest inbox row the catch-up sent: live copies of it or older ones are duplicates. */
  private caughtUpTo = 0
  private closed = false
  private readonly closeListeners: (() => void)[] = []

  constructor(options: LiveConnectionOptions) {
    this.userId = options.userId
    this.sessionId = options.sessionId
    this.write = options.write
    this.end = options.end
    this.write(`retry: ${RECONNECT_DELAY_MS}\n\n`)
  }

  get isClosed() {
    return this.closed
  }

  send(data: LiveEventData) {
    if (this.closed) return
    if (this.waiting) {
      this.waiting.push(data)
      return
    }
    if (data.notificationId !== undefined && data.notificationId <= this.caughtUpTo) return
    this.write(formatLiveMessage(data))
  }

  /**
   * Sends what the client missed (inbox rows newer than its Last-Event-ID, oldest first), then
   * the live messages that came meanwhile. `latestId` is the user's newest inbox row when the
   * stream opened without a Last-Event-ID: sent as a bare `id:` (no event is dispatched), it
   * makes the browser resume from there if this connection drops before any notification.
   */
  catchUp(missed: LiveEventData[], latestId?: number) {
    if (this.closed || !this.waiting) return
    for (const data of missed) this.write(formatLiveMessage(data))
    this.caughtUpTo = missed.at(-1)?.notificationId ?? 0
    if (latestId) this.write(`id: ${latestId}\n\n`)
    const waiting = this.waiting
    this.waiting = null
    for (const data of waiting) this.send(data)
  }

  /** A comment line: proxies see traffic and keep the connection open; browsers ignore it. */
  heartbeat() {
    if (!this.closed) this.write(': keep-alive\n\n')
  }

  onClose(listener: () => void) {
    this.closeListeners.push(listener)
  }

  /** Ends the stream (the server's decision, or the client went away). */
  close() {
    if (this.closed) return
    this.closed = true
    this.waiting = null
    for (const listener of this.closeListeners) listener()
    this.end()
  }
}
