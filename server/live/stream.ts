import type { H3Event } from 'h3'
import { sendStream, setResponseHeaders } from 'h3'
import type { LiveEventData } from '#shared/events'
import { LiveConnection } from './connection'
import { addStream, hubReady } from './hub'

/**
 * Messages a client may leave unread before its stream is ended: a tab that stopped reading
 * (asleep, stalled network) must not make the server hold its messages forever. It reconnects
 * and catches up from its inbox.
 */
const MAX_UNREAD_CHUNKS = 1000

export interface LiveStreamOptions {
  userId: number
  sessionId: string
  /**
   * What the stream sends before the live messages: the events the client missed since its
   * Last-Event-ID, or for a new stream the id of the user's newest inbox row to resume from later.
   */
  catchUp: () => Promise<{ missed: LiveEventData[], latestId?: number }>
}

/** Answers the request with the user's event stream, open until either side ends it. */
export async function openLiveStream(event: H3Event, options: LiveStreamOptions) {
  await hubReady()
  const encoder = new TextEncoder()
  let output!: ReadableStreamDefaultController<Uint8Array>
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => { output = controller },
    cancel: () => connection.close(),
  })
  const connection: LiveConnection = new LiveConnection({
    userId: options.userId,
    sessionId: options.sessionId,
    write: (chunk) => {
      if ((output.desiredSize ?? 0) < -MAX_UNREAD_CHUNKS) connection.close()
      else output.enqueue(encoder.encode(chunk))
    },
    end: () => output.close(),
  })
  // Listening first, reading the inbox second: whatever commits in between is in one or the other.
  addStream(connection)
  event.node.req.on('close', () => connection.close())
  const { missed, latestId } = await options.catchUp()
  connection.catchUp(missed, latestId)

  setResponseHeaders(event, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    // nginx and similar proxies would otherwise buffer the stream and deliver it in bursts.
    'x-accel-buffering': 'no',
  })
  return sendStream(event, body)
}
