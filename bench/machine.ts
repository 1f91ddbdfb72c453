import { readFileSync } from 'node:fs'

/**
 * The machine's CPU time so far, in clock ticks, from Linux's /proc/stat: all of it, and the part
 * its host took for others while this machine had work to run ("steal"). Null elsewhere.
 */
export interface CpuClock { total: number, steal: number }

export function cpuClock(): CpuClock | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!
    // cpu  user nice system idle iowait irq softirq steal guest guest_nice
    const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number)
    if (ticks.length < 8 || ticks.some(Number.isNaN)) return null
    return { total: ticks.reduce((a, b) => a + b, 0), steal: ticks[7]! }
  }
  catch {
    return null
  }
}

/**
 * The share of CPU time the host took between two readings, per cent. On a shared virtual
 * machine it is how much of a run's slowness came from outside: measured under more than a few
 * per cent, latencies and rates are not comparable with a quiet run's.
 */
export function stealPercent(from: CpuClock | null, to: CpuClock | null): number | null {
  if (!from || !to || to.total <= from.total) return null
  return Math.round(1000 * (to.steal - from.steal) / (to.total - from.total)) / 10
}
