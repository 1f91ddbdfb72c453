import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { dialectOfLocation, newTestDatabase, suiteDialect } from './scratch-database'
import type { Dialect } from './scratch-database'

/** The secret test servers sign with: tests know it so they can forge tokens on purpose. */
export const TEST_JWT_SECRET = 'test-secret-7f3a9c1e5b2d8f4a6c0e9b1d3f5a7c2e'
export const TEST_ADMIN_PASSWORD = 'admin-test-password'
/** The public address test servers are told they have: canonical URLs, the sitemap and JSON-LD use it. */
export const TEST_SITE_URL = 'https://influencia.test'

export interface RunningServer {
  url: string
  /** Its database: an SQLite file path or a `postgres://` URL. */
  database: string
  pid: number
  /** Resolves with the exit code when the process ends (null when a signal killed it). */
  exited: Promise<number | null>
  /** What it printed so far. */
  output: () => string
  stop: () => Promise<void>
}

/** A TCP port nobody listens on at the moment, on the loopback address. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolvePort(port))
    })
    srv.on('error', reject)
  })
}

/**
 * The Node flags the server runs with, as in package.json's `start` and the Dockerfile:
 * - V8 grows its young generation up to 64 MB a half under the allocation of a start-up, and
 *   keeps what it took; 16 MB holds a request's garbage as well and keeps about 100 MB out of
 *   the resident memory;
 * - after each full collection V8 lets the old generation grow up to four times what survived
 *   before collecting again. Rendering pages promotes much short-lived garbage there (600 cold
 *   pages: 130 MB of heap, 33 MB of it alive), so the resident memory reached 390 MB; growing by
 *   half at most keeps it near 300 MB for a few per cent more time in the collector.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=16', '--heap-growing-percent=50']

/**
 * Starts the production build (`.output`) on a fresh temporary database seeded with the demo
 * data, and resolves once /api/health answers. Extra env overrides the test defaults. Given a
 * `database` (a file path or a `postgres://` URL), it serves that one and leaves it in place
 * when it stops; otherwise it makes one of `dialect` (the suite's) and drops it at the end.
 */
export async function startBuiltServer(env: Record<string, string> = {}, options: { database?: string, dialect?: Dialect, cwd?: string } = {}): Promise<RunningServer> {
  const entry = resolve('.output/server/index.mjs')
  if (!existsSync(entry)) throw new Error('No production build: run `npm run build` first')
  const scratch = options.database ? null : await newTestDatabase(options.dialect ?? suiteDialect)
  const database = options.database ?? scratch!.location
  const onPostgres = dialectOfLocation(database) === 'postgres'
  // A given PORT restarts an instance at the address its clients already use.
  const port = env.PORT ? Number(env.PORT) : await freePort()
  // Started as `npm start` and the Docker image start it (see SERVER_NODE_FLAGS).
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, entry], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      // Scheduled tasks stay still (Nitro fires none when TEST is set): a reminder or report due at
      // the hour a suite happens to run must not land in its users' inboxes. Tests run them by hand.
      TEST: 'true',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...(onPostgres ? { NUXT_DATABASE_URL: database } : { NUXT_DB_PATH: database }),
      NUXT_JWT_SECRET: TEST_JWT_SECRET,
      NUXT_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      NUXT_SEED_DEMO: 'true',
      NUXT_COOKIE_SECURE: 'false',
      NUXT_TRUST_PROXY: 'true',
      NUXT_PUBLIC_SITE_URL: TEST_SITE_URL,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: options.cwd,
  })
  let output = ''
  child.stdout!.on('data', (d) => { output += d })
  child.stderr!.on('data', (d) => { output += d })
  const exited = new Promise<number | null>(r => child.once('exit', code => r(code)))

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null) {
      await scratch?.drop()
      throw new Error(`Server exited with ${child.exitCode}:\n${output}`)
    }
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) break
    }
    catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill()
      await exited
      await scratch?.drop()
      throw new Error(`Server did not become healthy in 90 s:\n${output}`)
    }
    await new Promise(r => setTimeout(r, 100))
  }

  return {
    url,
    database,
    pid: child.pid!,
    exited,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await exited
      }
      await scratch?.drop()
    },
  }
}
