import type { Server } from 'node:http'
import type { Socket } from 'node:net'

/**
 * Idle keep-alive connections stay open 65 s instead of Node's 5 s: longer than the 60 s that
 * proxies and load balancers (nginx, AWS ALB) keep theirs, so the proxy is always the side that
 * closes, and never sends a request down a connection this server is closing (a 502 for the
 * user). It also spares direct clients a reset: when the event loop has been held up past an
 * idle connection's timeout, Node runs the expired timer (closing the connection) before it
 * reads a request that arrived on it meanwhile. Nitro creates the server without the option,
 * so the first request sets it on the server it came through.
 */
const KEEP_ALIVE_MS = 65_000

export default defineNitroPlugin((nitroApp) => {
  let set = false
  nitroApp.hooks.hook('request', (event) => {
    if (set) return
    // Node sets `server` on every socket a server accepts; the type does not declare it.
    const { server } = event.node.req.socket as Socket & { server?: Server }
    if (!server) return
    server.keepAliveTimeout = KEEP_ALIVE_MS
    set = true
  })
})
