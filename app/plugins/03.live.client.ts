import { DOMAIN_EVENT_TYPES } from '#shared/events'
import type { DomainEventType, LiveEventData } from '#shared/events'

type Handler = (data: LiveEventData) => void
interface Registration {
  types: ReadonlySet<DomainEventType> | '*'
  handler: Handler
}

/** Waits between attempts to reopen a stream the server refused: doubling from the first, up to the last. */
const FIRST_RETRY_MS = 1000
const LAST_RETRY_MS = 30_000

/**
 * `$live`: the tab's one event stream (GET /api/events) while someone is logged in, and the
 * handlers that hear its events (see useLiveEvent). When the network drops, the browser
 * reconnects by itself and resumes with Last-Event-ID. When the server refuses the stream (a 401
 * once the short-lived access cookie has expired), the session is checked through the API, which
 * refreshes it or sends the user to the login page, and a new stream resumes from the last
 * message received.
 */
export default defineNuxtPlugin((nuxtApp) => {
  const auth = useAuthStore()
  const registrations = new Set<Registration>()
  let source: EventSource | null = null
  let resumeFrom: string | undefined
  let failures = 0
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  // Bumped by every close: work started for an older stream (a session check, a start) stops there.
  let generation = 0

  function dispatch(message: MessageEvent<string>) {
    if (message.lastEventId) resumeFrom = message.lastEventId
    const data = JSON.parse(message.data) as LiveEventData
    for (const { types, handler } of registrations) {
      if (types !== '*' && !types.has(data.type)) continue
      try {
        handler(data)
      }
      catch (error) {
        console.error(`[live] a handler of ${data.type} failed:`, error)
      }
    }
  }

  function connect(mine: number) {
    if (mine !== generation) return
    const url = resumeFrom ? `/api/events?lastEventId=${encodeURIComponent(resumeFrom)}` : '/api/events'
    const stream = new EventSource(url)
    source = stream
    for (const type of DOMAIN_EVENT_TYPES) stream.addEventListener(type, dispatch)
    stream.onopen = () => { failures = 0 }
    stream.onerror = () => {
      // CONNECTING: a dropped connection the browser is reopening itself. CLOSED: it gave up.
      if (stream.readyState !== EventSource.CLOSED || source !== stream) return
      source = null
      void recover(mine)
    }
  }

  async function recover(mine: number) {
    failures++
    const user = await auth.fetchMe().catch(() => undefined)
    if (mine !== generation || user === null) return
    retryTimer = setTimeout(() => connect(mine), Math.min(FIRST_RETRY_MS * 2 ** (failures - 1), LAST_RETRY_MS))
  }

  /**
   * Opens the stream from the newest inbox row as it is now: anything that arrives after the
   * page read its data is caught up, even if it lands before the stream is open.
   */
  async function open() {
    close()
    const mine = generation
    const newest = await nuxtApp.$api('/api/notifications', { query: { pageSize: 1 } })
      .then(page => page.items[0]?.id ?? 0, () => undefined)
    if (mine !== generation) return
    resumeFrom = newest === undefined ? undefined : String(newest)
    connect(mine)
  }

  function close() {
    generation++
    clearTimeout(retryTimer)
    source?.close()
    source = null
    resumeFrom = undefined
    failures = 0
  }

  function on(types: readonly DomainEventType[] | '*', handler: Handler): () => void {
    const registration: Registration = { types: types === '*' ? '*' : new Set(types), handler }
    registrations.add(registration)
    return () => registrations.delete(registration)
  }

  // One stream per logged-in tab; a logout (or another account) closes or replaces it.
  watch(() => auth.user?.id, (id) => {
    if (id) void open()
    else close()
  }, { immediate: true })

  return { provide: { live: { on } } }
})
