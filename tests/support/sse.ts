/**
 * A server-sent-events reader for tests: fetch plus a parser of the event-stream format. Every
 * block the server sends is a frame (a message, a bare `id:`, a `retry:`, a comment); `next()`
 * waits for the next message a browser would dispatch (one with data), like EventSource.
 */
export interface SseFrame {
  event?: string
  data?: string
  id?: string
  retry?: number
  comment?: string
}

export interface SseMessage {
  event: string
  /** The message's data parsed as JSON. */
  data: any
  id?: string
}

export interface SseStream {
  status: number
  headers: Headers
  /** Everything received so far, in order. */
  frames: SseFrame[]
  /** The last id received, as a browser would send it back in Last-Event-ID. */
  lastEventId: string | undefined
  /** The next message with data; rejects when the stream ends first or nothing comes within `withinMs`. */
  next: (withinMs?: number) => Promise<SseMessage>
  /** The next frame of any kind (comments included). */
  nextFrame: (withinMs?: number) => Promise<SseFrame>
  /** Resolves when the server ends the stream: true when it ended cleanly, false on a broken connection. */
  ended: Promise<boolean>
  close: () => void
}

function parseBlock(block: string): SseFrame {
  const frame: SseFrame = {}
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      frame.comment = line.slice(1).trim()
      continue
    }
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'data') frame.data = frame.data === undefined ? value : `${frame.data}\n${value}`
    else if (field === 'event') frame.event = value
    else if (field === 'id') frame.id = value
    else if (field === 'retry') frame.retry = Number(value)
  }
  return frame
}

/** Opens GET `url` as an event stream. Answers other than 200 resolve too (check `status`). */
export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const abort = new AbortController()
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal })
  const frames: SseFrame[] = []
  let consumed = 0
  // Typed by assertion: assigned only inside callbacks, which TypeScript's narrowing does not see.
  let waiting = null as (() => void) | null
  let done = false
  let lastEventId: string | undefined

  const ended = (async () => {
    if (!res.body) return true
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    try {
      for (;;) {
        const { value, done: finished } = await reader.read()
        if (finished) return true
        buffer += value.replace(/\r\n?/g, '\n')
        let end: number
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = parseBlock(buffer.slice(0, end))
          buffer = buffer.slice(end + 2)
          if (frame.id !== undefined) lastEventId = frame.id
          frames.push(frame)
          waiting?.()
        }
      }
    }
    catch {
      return false
    }
    finally {
      done = true
      waiting?.()
    }
  })()

  async function nextFrame(withinMs = 15_000): Promise<SseFrame> {
    const deadline = Date.now() + withinMs
    for (;;) {
      if (consumed < frames.length) return frames[consumed++]!
      if (done) throw new Error('The event stream ended')
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`Nothing arrived on the event stream within ${withinMs} ms`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        waiting = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      waiting = null
    }
  }

  async function next(withinMs = 15_000): Promise<SseMessage> {
    const deadline = Date.now() + withinMs
    for (;;) {
      const frame = await nextFrame(Math.max(1, deadline - Date.now()))
      if (frame.data !== undefined) return { event: frame.event ?? 'message', data: JSON.parse(frame.data), id: frame.id }
    }
  }

  return {
    status: res.status,
    headers: res.headers,
    frames,
    get lastEventId() { return lastEventId },
    next,
    nextFrame,
    ended,
    close: () => abort.abort(),
  }
}
