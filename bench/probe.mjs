// Preloaded into the benchmarked server (NODE_OPTIONS=--import <this file>): measures what the
// server itself lives through, with no change to the product's code. The benchmark sends SIGUSR2
// when a scenario ends; the probe then writes the event-loop delay and memory seen since the
// last signal to BENCH_PROBE_FILE and starts over.
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks'
import { isMainThread } from 'node:worker_threads'

const file = process.env.BENCH_PROBE_FILE
const RESOLUTION_MS = 10

if (isMainThread && file) {
  // Worker threads get the preload too (the isMainThread check skips them); processes the server
  // might start must not, or they would answer the signal in its place.
  process.env.NODE_OPTIONS = (process.env.NODE_OPTIONS ?? '').replace(/--import[= ]\S*probe\.mjs/, '').trim()

  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
  delay.enable()
  const mb = bytes => Math.round(bytes / 1024 / 1024)
  // The histogram holds whole intervals between its timer's runs: the delay is what exceeds the
  // resolution it asked for.
  const delayMs = ns => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 10) / 10)
  /** The kernel's high-water mark of resident memory: the peak of the whole run, between samples too. */
  const runPeakRss = () => {
    const line = readFileSync('/proc/self/status', 'utf8').split('\n').find(l => l.startsWith('VmHWM:'))
    return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : null
  }

  let peak = process.memoryUsage.rss()
  let sequence = 0
  // CPU time of the whole process (every thread: the collector's and the thread pool's too).
  let cpuSince = process.cpuUsage()
  setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()) }, 50).unref()
  // The collector's pauses of the main thread: what a latency tail is made of, more often than not.
  let gc = { count: 0, totalMs: 0, maxMs: 0 }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gc.count++
      gc.totalMs += entry.duration
      gc.maxMs = Math.max(gc.maxMs, entry.duration)
    }
  }).observe({ entryTypes: ['gc'] })

  process.on('SIGUSR2', () => {
    const rss = process.memoryUsage.rss()
    const { heapUsed, external } = process.memoryUsage()
    const report = {
      sequence: ++sequence,
      loopDelayMs: { p50: delayMs(delay.percentile(50)), p99: delayMs(delay.percentile(99)), max: delayMs(delay.max) },
      rssMb: mb(rss),
      peakRssMb: mb(Math.max(peak, rss)),
      runPeakRssMb: runPeakRss(),
      cpuMs: (({ user, system }) => Math.round((user + system) / 1000))(process.cpuUsage(cpuSince)),
      gc: { count: gc.count, totalMs: Math.round(gc.totalMs), maxMs: Math.round(gc.maxMs * 10) / 10 },
      heapUsedMb: mb(heapUsed),
      externalMb: mb(external),
    }
    // Written whole, then renamed: the reader never sees half a report.
    writeFileSync(`${file}.tmp`, JSON.stringify(report))
    renameSync(`${file}.tmp`, file)
    delay.reset()
    gc = { count: 0, totalMs: 0, maxMs: 0 }
    peak = rss
    cpuSince = process.cpuUsage()
  })
}
