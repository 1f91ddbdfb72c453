import { median } from './stats'
import type { LoadResult } from './load'
import type { ServerReport } from './probe'
import type { Group, Kind } from './scenarios'

/** One measured load: a scenario, or one side of the logins scenario. */
export interface Row extends LoadResult {
  group: Group
  scenario: string
  kind: Kind
  /** Fixed-rate runs: the rate asked for, req/s. */
  rate?: number
  /**
   * Requests/s over the baseline's (throughput scenarios): the median of `sliceRatios`, each
   * slice's requests/s over the baseline's just before and after it.
   */
  ratio?: number
  sliceRatios?: number[]
  /** The baseline's requests/s in the slices around this scenario's, together (throughput scenarios). */
  baselineRequestsPerSecond?: number
  /** The p99 this scenario must stay under, ms. */
  p99Limit?: number
  /** Measured while accounts log in: the loop-delay target does not apply. */
  duringLogins?: boolean
  /** The list's p99 measured just before the logins, quiet (the list during logins only). */
  quietP99?: number
  /**
   * Set when one request on its own took over 500 ms (null: no answer in 30 s): the scenario
   * was then not put under load, and every other figure of the row is empty.
   */
  aloneMs?: number | null
  /** What the server lived through meanwhile: event-loop delay and memory. */
  server: ServerReport
  /** The share of the machine's CPU time its host took meanwhile, % (see bench/machine.ts); null where unknown. */
  stealPct?: number | null
  checks: Check[]
}

export interface Run {
  label: string
  /** Whether the targets apply to this run (the benchmark-size data); the smaller data's run serves the growth check. */
  judged: boolean
  rows: Row[]
  peakRssMb: number | null
  /** The share of the machine's CPU time its host took during the run, %. */
  stealPct: number | null
  checks: Check[]
}

export interface Check { target: string, ok: boolean, measured: string }

// The marketplace's performance targets, for one run on the benchmark-size data.
export const TARGETS = {
  warmRatio: 0.9,
  warmP99Ms: 50,
  loginP99Factor: 2,
  loopDelayP99Ms: 50,
  peakRssMb: 400,
  growthFactor: 1.5,
  /** Means closer than this are the same on a shared machine: timer and scheduling noise. */
  growthNoiseMs: 2,
}

const check = (target: string, ok: boolean, measured: string | number): Check => ({ target, ok, measured: String(measured) })

/**
 * A throughput scenario's requests/s against the baseline's, given the slices' rates and the
 * baseline's before each slice and after the last: each slice against the mean of the baseline
 * just before and after it (two decimals), and the median of those. The machine's speed drifts
 * within a run; a slice sees the drift its neighbours see, and one disturbed slice moves its own
 * ratio, not the median.
 */
export function ratioToBaseline(slices: number[], baselines: number[]): { sliceRatios: number[], ratio: number } {
  if (baselines.length !== slices.length + 1) throw new Error('A baseline is measured before each slice and after the last')
  const sliceRatios = slices.map((rate, i) => {
    const around = (baselines[i]! + baselines[i + 1]!) / 2
    return around ? Math.round(rate / around * 100) / 100 : 0
  })
  return { sliceRatios, ratio: Math.round(median(sliceRatios) * 100) / 100 }
}

/**
 * The row's own targets: what its scenario must reach whatever the other runs did. Rows of a run
 * that is not `judged` (the smaller data, measured for the growth check) must only answer
 * without errors, and answer at all.
 */
export function rowChecks(row: Omit<Row, 'checks'>, judged = true): Check[] {
  if (row.aloneMs !== undefined) return [check('one request alone < 500 ms (else not loaded)', false, row.aloneMs === null ? 'no answer in 30 s' : `${row.aloneMs} ms`)]
  const checks = [check('no errors', row.errors === 0, row.errors)]
  if (!judged) return checks
  if (row.group === 'anonymous' && row.kind === 'throughput') {
    checks.push(check(`≥ ${TARGETS.warmRatio}× baseline`, (row.ratio ?? 0) >= TARGETS.warmRatio, `${(row.ratio ?? 0).toFixed(2)}×`))
    checks.push(check(`p99 < ${TARGETS.warmP99Ms} ms`, row.p99 < TARGETS.warmP99Ms, `${row.p99} ms`))
  }
  // With no answer in time there is no latency to judge: the target is missed, not met by a 0.
  const answered = row.ok > 0
  if (row.p99Limit !== undefined) checks.push(check(`p99 < ${row.p99Limit} ms`, answered && row.p99 < row.p99Limit, answered ? `${row.p99} ms` : 'no answer'))
  if (row.quietP99 !== undefined) {
    checks.push(check(`p99 ≤ ${TARGETS.loginP99Factor}× quiet (${row.quietP99} ms)`, row.p99 <= TARGETS.loginP99Factor * row.quietP99, `${row.p99} ms`))
  }
  // Hashing passwords may hold the loop while logins run: the target is for every other time.
  if (!row.duringLogins) {
    checks.push(check(`loop delay p99 < ${TARGETS.loopDelayP99Ms} ms`, row.server.loopDelayMs.p99 < TARGETS.loopDelayP99Ms, `${row.server.loopDelayMs.p99} ms`))
  }
  return checks
}

export function runChecks(peakRssMb: number | null): Check[] {
  return [check(`peak RSS < ${TARGETS.peakRssMb} MB`, peakRssMb !== null && peakRssMb < TARGETS.peakRssMb, `${peakRssMb} MB`)]
}

export interface Growth { scenario: string, group: Group, measure: string, full: number, small: number, factor: number, ok: boolean }

/**
 * Cost must not grow with the data: no scenario may be more than 1.5× faster on the ten times
 * smaller data. Throughput compares requests/s; fixed-rate scenarios (whose requests/s is the
 * rate) compare mean latency.
 */
export function growth(full: Run, small: Run): Growth[] {
  // The baseline reads no data; a row not loaded, or never answered, has no figure to compare.
  const measured = (r: Row) => r.group !== 'baseline' && r.aloneMs === undefined && r.ok > 0
  return full.rows.flatMap((f) => {
    const s = small.rows.find(r => r.group === f.group && r.scenario === f.scenario)
    if (!s || !measured(f) || !measured(s)) return []
    if (f.kind === 'throughput') {
      // Each size's requests/s as a share of the baseline measured around it: the machine's own
      // drift between the two runs is no growth of the cost.
      const [fr, sr] = [f.ratio ?? 0, s.ratio ?? 0]
      const factor = fr ? sr / fr : Infinity
      return [{ scenario: f.scenario, group: f.group, measure: '× baseline', full: Number(fr.toFixed(2)), small: Number(sr.toFixed(2)), factor, ok: factor <= TARGETS.growthFactor }]
    }
    const factor = s.mean ? f.mean / s.mean : Infinity
    const ok = factor <= TARGETS.growthFactor || f.mean - s.mean < TARGETS.growthNoiseMs
    return [{ scenario: f.scenario, group: f.group, measure: 'mean ms', full: f.mean, small: s.mean, factor, ok }]
  })
}

/** Every target missed, one line each. */
export function misses(runs: Run[], growths: Growth[]): string[] {
  const lines: string[] = []
  for (const run of runs) {
    for (const c of run.checks) if (!c.ok) lines.push(`${run.label}: ${c.target}: ${c.measured}`)
    for (const row of run.rows) {
      for (const c of row.checks) if (!c.ok) lines.push(`${run.label}: ${row.group} / ${row.scenario}: ${c.target}: ${c.measured}`)
    }
  }
  for (const g of growths) {
    if (!g.ok) lines.push(`growth: ${g.group} / ${g.scenario}: ${g.factor.toFixed(2)}× faster on the smaller data (${g.measure} ${g.full} → ${g.small})`)
  }
  return lines
}
