import { onDomainEvent } from '../domain/events'
import { prepareSessionCheck } from '../domain/sessions'
import { broadcastEvent, closeAllStreams, heartbeat, startHub } from '../live/hub'

// Live updates: committed events go to the event streams of the users who follow them, on this
// instance and (through Redis, when configured) on every other one.
export default defineNitroPlugin((nitroApp) => {
  const { redisPrefix, liveHeartbeatSeconds } = useRuntimeConfig()
  const stopHub = startHub({
    redis: redisClient(),
    channel: `${redisPrefix}:live`,
    sessionStands: prepareSessionCheck(useDb()),
  })
  const stopListening = onDomainEvent(broadcastEvent)
  const beating = setInterval(heartbeat, Number(liveHeartbeatSeconds) * 1000)
  beating.unref()

  nitroApp.hooks.hook('close', async () => {
    clearInterval(beating)
    stopListening()
    await stopHub()
  })

  // Nitro's graceful shutdown first waits (up to NITRO_SHUTDOWN_TIMEOUT, see 99.shutdown.ts) for
  // every open connection to finish, and only then calls the 'close' hook. An event stream never
  // finishes by itself, so the streams end as soon as the shutdown signal arrives (and streams
  // asked for after it end at once): browsers reconnect to another instance instead of hanging on
  // a dying one. Only when Nitro handles the signals itself (a listener here would otherwise keep
  // the process from exiting).
  if (!import.meta.dev && !process.env.NITRO_SHUTDOWN_DISABLED) {
    for (const signal of (process.env.NITRO_SHUTDOWN_SIGNALS || 'SIGTERM SIGINT').split(' ').filter(Boolean)) {
      process.once(signal, closeAllStreams)
    }
  }
})
