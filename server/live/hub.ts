import { randomUUID } from 'node:crypto'
import type Redis from 'ioredis'
import { eventFacts, liveAudience } from '#shared/events'
import type { Delivered } from '../domain/events'
import { closeRedisConnection } from '../utils/redis'
import type { LiveConnection } from './connection'

/**
 * The live streams open on this instance, by user, and the fan-out that lets every instance
 * hear what any instance committed: over Redis pub/sub when Redis is configured, in-process
 * otherwise. Each instance delivers its own events to its own streams directly (Redis or not),
 * and to the others through the channel; it ignores its own messages coming back.
 */

/** What travels between instances. */
type Broadcast =
  | { kind: 'event', delivered: Delivered }
  /** A session of this user may have ended (logout, password change): its streams must check. */
  | { kind: 'sessions-changed', userId: number }

const instanceId = randomUUID()
const streams = new Map<number, Set<LiveConnection>>()
let sessionStands: (userId: number, sessionId: string) => Promise<boolean> = async () => true
let publisher: Redis | null = null
let subscriber: Redis | null = null
let channel = ''
let publishFailing = false
let markSubscribed: () => void = () => {}
const subscribed = new Promise<void>((resolve) => { markSubscribed = resolve })
/** Set once shutdown begins: a stream opened after it would hold the shutdown until it times out. */
let shuttingDown = false

/** How long a new stream waits for the subscription at start-up before it opens all the same. */
const SUBSCRIPTION_WAIT_MS = 2000

/**
 * Resolves once this instance hears the other instances (at once without Redis), so a stream
 * that has opened misses nothing committed elsewhere; gives up waiting when Redis does not answer.
 */
export function hubReady(): Promise<void> {
  return Promise.race([subscribed, new Promise<void>(resolve => setTimeout(resolve, SUBSCRIPTION_WAIT_MS).unref())])
}

/** Adds a stream; it leaves the registry when it closes. */
export function addStream(connection: LiveConnection) {
  if (shuttingDown) {
    connection.close()
    return
  }
  let mine = streams.get(connection.userId)
  if (!mine) streams.set(connection.userId, mine = new Set())
  mine.add(connection)
  connection.onClose(() => {
    mine.delete(connection)
    if (!mine.size && streams.get(connection.userId) === mine) streams.delete(connection.userId)
  })
}

function deliverHere(message: Broadcast) {
  if (message.kind === 'sessions-changed') {
    closeEndedSessions(message.userId)
    return
  }
  const { event, notificationIds } = message.delivered
  const facts = eventFacts(event)
  for (const userId of liveAudience(event)) {
    const readers = streams.get(userId)
    if (!readers) continue
    const index = event.recipients.indexOf(userId)
    const data = index >= 0 && notificationIds[index] !== undefined ? { ...facts, notificationId: notificationIds[index] } : facts
    for (const connection of readers) connection.send(data)
  }
  // A suspension ends every session of the user: their open pages stop hearing at once.
  if (event.type === 'user.suspended') closeEndedSessions(event.userId)
}

function broadcast(message: Broadcast) {
  deliverHere(message)
  if (!publisher) return
  publisher.publish(channel, JSON.stringify({ from: instanceId, ...message })).then(
    () => { publishFailing = false },
    (error: Error) => {
      // Logged once per outage: this instance's own streams were served above all the same.
      if (publishFailing) return
      publishFailing = true
      console.warn(`[live] cannot publish to Redis (${error.message}); live updates reach this instance's streams only until it answers`)
    },
  )
}

/** Hands a committed event to the streams of everyone who follows it live, on every instance. */
export function broadcastEvent(delivered: Delivered) {
  broadcast({ kind: 'event', delivered })
}

/** A session of `userId` may have ended: its streams on every instance close if so. */
export function sessionsChanged(userId: number) {
  broadcast({ kind: 'sessions-changed', userId })
}

/**
 * Closes the streams (of one user, or all) whose login session no longer stands. Never rejects:
 * callers start it and go on, and a check that fails leaves the stream for the next heartbeat.
 */
async function closeEndedSessions(userId?: number) {
  const sets = userId === undefined ? [...streams.values()] : [streams.get(userId) ?? new Set<LiveConnection>()]
  for (const connection of sets.flatMap(set => [...set])) {
    try {
      if (!await sessionStands(connection.userId, connection.sessionId)) connection.close()
    }
    catch (error) {
      console.warn('[live] Could not check a stream\'s session:', error)
    }
  }
}

/** Keeps every stream's connection busy, and ends those whose session ended unannounced (expiry). */
export function heartbeat() {
  closeEndedSessions()
  for (const set of streams.values()) for (const connection of set) connection.heartbeat()
}

/** Ends every stream on this instance and refuses new ones (server shutdown); browsers reconnect to another instance. */
export function closeAllStreams() {
  shuttingDown = true
  for (const connection of [...streams.values()].flatMap(set => [...set])) connection.close()
}

export function openStreamCount() {
  let n = 0
  for (const set of streams.values()) n += set.size
  return n
}

export interface HubOptions {
  /** The Redis client to publish with; null when Redis is not configured. */
  redis: Redis | null
  /** The pub/sub channel of this deployment (instances sharing Redis under another prefix are not heard). */
  channel: string
  /** Whether a stream's login session still stands. */
  sessionStands: (userId: number, sessionId: string) => Promise<boolean>
}

/**
 * Starts the hub: with Redis, a dedicated subscriber connection (a connection in subscriber mode
 * can run no other command). Returns the function that stops it.
 */
export function startHub(options: HubOptions): () => Promise<void> {
  sessionStands = options.sessionStands
  channel = options.channel
  publisher = options.redis
  if (publisher) {
    subscriber = publisher.duplicate()
    let complained = false
    subscriber.on('error', (error: Error) => {
      if (complained) return
      complained = true
      console.warn(`[live] Redis subscription lost (${error.message}); other instances' events wait until it answers`)
    })
    // On every (re)connection: a SUBSCRIBE refused while Redis was away is not replayed by ioredis.
    subscriber.on('ready', () => {
      complained = false
      subscriber?.subscribe(channel).then(() => markSubscribed(), () => { /* retried on the next connection */ })
    })
    subscriber.on('message', (_channel: string, raw: string) => {
      let message: Broadcast & { from?: string }
      try {
        message = JSON.parse(raw)
      }
      catch {
        return
      }
      if (message.from !== instanceId) deliverHere(message)
    })
  }
  else {
    markSubscribed()
  }
  return async () => {
    closeAllStreams()
    const closing = subscriber
    subscriber = null
    publisher = null
    if (closing) await closeRedisConnection(closing)
  }
}
