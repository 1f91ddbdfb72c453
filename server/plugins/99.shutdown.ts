/**
 * Graceful shutdown is Nitro's (node-server preset): on SIGTERM or SIGINT it stops accepting
 * connections, lets the requests in flight finish, then runs the `close` hooks and exits. Each
 * of its two waits (for the requests, then for the hooks) is bounded by NITRO_SHUTDOWN_TIMEOUT,
 * 30 s unless set: longer than an orchestrator waits before it kills (Docker and Kubernetes give
 * 10 s and 30 s, and a killed process closes nothing). Our default keeps both waits within
 * 10 s; the variable still wins. Read by Nitro after the plugins have run, so setting it here counts.
 */
const SHUTDOWN_TIMEOUT_MS = 4000

export default defineNitroPlugin((nitroApp) => {
  process.env.NITRO_SHUTDOWN_TIMEOUT ||= String(SHUTDOWN_TIMEOUT_MS)

  // The last plugin's hook runs last (hooks run in turn, in the order the plugins registered
  // them): the mail queue, the export checks and the live hub have stopped using Redis and the
  // database by now.
  nitroApp.hooks.hook('close', async () => {
    await closeRedis()
    await closeDb()
  })
})
