import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** What `probe.mjs` reports from inside the server: see there. */
export interface ServerReport {
  sequence: number
  loopDelayMs: { p50: number, p99: number, max: number }
  rssMb: number
  /** The highest resident memory since the previous report (sampled every 50 ms). */
  peakRssMb: number
  /** The highest resident memory since the server started (the kernel's count). */
  runPeakRssMb: number | null
  /**
   * CPU time the server's process used since the previous report, ms (every thread). Per request
   * it shows what an answer costs the server itself, whatever the load generator, which shares
   * the machine, costs beside it.
   */
  cpuMs: number
  /** The collector's pauses of the main thread since the previous report: how many, their sum and the longest, ms. */
  gc: { count: number, totalMs: number, maxMs: number }
  /** The JavaScript heap in use, and memory held outside it (buffers), when the report was made. */
  heapUsedMb: number
  externalMb: number
}

/** The server's environment that loads the probe and tells it where to write. */
export function probeEnv(file: string): Record<string, string> {
  // The bench's own NODE_OPTIONS pass on, so that `NODE_OPTIONS=--cpu-prof npm run bench` profiles the server too.
  const probe = `--import ${pathToFileURL(resolve(import.meta.dirname, 'probe.mjs')).href}`
  return { NODE_OPTIONS: [process.env.NODE_OPTIONS, probe].filter(Boolean).join(' '), BENCH_PROBE_FILE: file }
}

/** Asks the probe in the server for what it saw since the last call, and starts a new period. */
export class ServerProbe {
  private sequence = 0

  constructor(private readonly pid: number, private readonly file: string) {}

  async read(): Promise<ServerReport> {
    const wanted = ++this.sequence
    process.kill(this.pid, 'SIGUSR2')
    // The server answers between two requests: on a loaded machine that can take a while.
    const deadline = Date.now() + 30_000
    while (Date.now() < deadline) {
      if (existsSync(this.file)) {
        const report = JSON.parse(readFileSync(this.file, 'utf8')) as ServerReport
        if (report.sequence >= wanted) return report
      }
      await new Promise(r => setTimeout(r, 20))
    }
    throw new Error('The server\'s probe did not answer: was it started with probeEnv()?')
  }
}
