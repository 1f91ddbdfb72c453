import { describe, expect, it } from 'vitest'
import { median } from '../../bench/stats'
import { growth, misses, ratioToBaseline, rowChecks, runChecks } from '../../bench/targets'
import type { Row, Run } from '../../bench/targets'

// The benchmark's verdicts: which figures meet which target. A wrong verdict would report a slow
// marketplace as meeting its targets, or send someone chasing a miss that is not there.

const server = { sequence: 1, loopDelayMs: { p50: 2, p99: 10, max: 20 }, rssMb: 200, peakRssMb: 210, runPeakRssMb: 250, cpuMs: 1000, gc: { count: 3, totalMs: 12, maxMs: 5 }, heapUsedMb: 40, externalMb: 5 }

function row(fields: Partial<Omit<Row, 'checks'>> = {}): Omit<Row, 'checks'> {
  return {
    group: 'sponsor', scenario: 'influencer search cold', kind: 'latency', rate: 50, p99Limit: 100,
    requestsPerSecond: 50, seconds: 6, mean: 5, p50: 4, p99: 20, max: 30, requests: 300, ok: 300, errors: 0, failures: {}, skipped: 0, ranOut: false,
    server, ...fields,
  }
}

const judgedRow = (fields: Partial<Omit<Row, 'checks'>> = {}): Row => ({ ...row(fields), checks: rowChecks(row(fields)) })
const run = (label: string, rows: Row[], judged = true): Run => ({ label, judged, rows, peakRssMb: 300, stealPct: 0, checks: judged ? runChecks(300) : [] })
const missed = (fields: Partial<Omit<Row, 'checks'>>, judged = true) => rowChecks(row(fields), judged).filter(c => !c.ok).map(c => c.target)

describe('median', () => {
  it('takes the middle value whatever the order, the mean of the middle two of an even count, and 0 of none', () => {
    expect(median([30, 10, 20])).toBe(20)
    expect(median([40, 10, 30, 20])).toBe(25)
    expect(median([7])).toBe(7)
    expect(median([])).toBe(0)
  })
})

describe('ratioToBaseline', () => {
  it('sets each slice against the mean of the baseline just before and after it', () => {
    const { sliceRatios } = ratioToBaseline([900, 1000, 1200], [1000, 800, 1200, 1200])
    expect(sliceRatios).toEqual([1, 1, 1])
  })

  it('takes the median, so one disturbed slice does not decide the verdict', () => {
    expect(ratioToBaseline([950, 400, 960], [1000, 1000, 1000, 1000])).toEqual({ sliceRatios: [0.95, 0.4, 0.96], ratio: 0.95 })
  })

  it('takes the mean of the middle two of an even number of slices', () => {
    expect(ratioToBaseline([800, 900, 1000, 1100], [1000, 1000, 1000, 1000, 1000]).ratio).toBe(0.95)
  })

  it('gives 0, a miss, when the baseline never answered', () => {
    expect(ratioToBaseline([900], [0, 0]).ratio).toBe(0)
  })

  it('refuses slices without a baseline on each side', () => {
    expect(() => ratioToBaseline([900, 900], [1000, 1000])).toThrow(/before each slice/)
  })
})

describe('rowChecks', () => {
  it('passes a fixed-rate read within its p99 limit, with no errors and a calm loop', () => {
    expect(missed({})).toEqual([])
  })

  it('names each target a row misses', () => {
    expect(missed({ p99: 120, errors: 2, server: { ...server, loopDelayMs: { p50: 5, p99: 60, max: 80 } } }))
      .toEqual(['no errors', 'p99 < 100 ms', 'loop delay p99 < 50 ms'])
  })

  it('misses the latency target when nothing was answered, instead of passing on a p99 of 0', () => {
    expect(missed({ ok: 0, requests: 0, p99: 0 })).toEqual(['p99 < 100 ms'])
  })

  it('holds a warm public read to 0.9× the baseline and a p99 under 50 ms', () => {
    const warm = { group: 'anonymous' as const, kind: 'throughput' as const, p99Limit: undefined, ratio: 0.95, p99: 20 }
    expect(missed(warm)).toEqual([])
    expect(missed({ ...warm, ratio: 0.9 })).toEqual([])
    expect(missed({ ...warm, ratio: 0.89 })).toEqual(['≥ 0.9× baseline'])
    expect(missed({ ...warm, p99: 50 })).toEqual(['p99 < 50 ms'])
  })

  it('holds the list during logins to twice its quiet p99, and not to the loop delay', () => {
    const during = { quietP99: 10, duringLogins: true, server: { ...server, loopDelayMs: { p50: 5, p99: 90, max: 120 } } }
    expect(missed({ ...during, p99: 20 })).toEqual([])
    expect(missed({ ...during, p99: 21 })).toEqual(['p99 ≤ 2× quiet (10 ms)'])
  })

  it('judges a row of the smaller data on its errors only', () => {
    expect(missed({ p99: 500, server: { ...server, loopDelayMs: { p50: 5, p99: 90, max: 120 } } }, false)).toEqual([])
    expect(missed({ errors: 1 }, false)).toEqual(['no errors'])
  })

  it('misses a scenario too slow to load, whichever data it ran on', () => {
    expect(missed({ aloneMs: 900 }, false)).toEqual(['one request alone < 500 ms (else not loaded)'])
    expect(rowChecks(row({ aloneMs: null }))[0]!.measured).toBe('no answer in 30 s')
  })
})

describe('runChecks', () => {
  it('holds the peak RSS under 400 MB, and misses it when unknown', () => {
    expect(runChecks(399)[0]!.ok).toBe(true)
    expect(runChecks(400)[0]!.ok).toBe(false)
    expect(runChecks(null)[0]!.ok).toBe(false)
  })
})

describe('growth', () => {
  const pair = (full: Partial<Omit<Row, 'checks'>>, small: Partial<Omit<Row, 'checks'>>) =>
    growth(run('full', [judgedRow(full)]), run('small', [judgedRow(small)], false))

  it('compares fixed-rate scenarios by mean latency, 1.5× at most', () => {
    expect(pair({ mean: 7.5 }, { mean: 5 })).toMatchObject([{ measure: 'mean ms', factor: 1.5, ok: true }])
    expect(pair({ mean: 16 }, { mean: 10 })).toMatchObject([{ factor: 1.6, ok: false }])
  })

  it('lets means within 2 ms pass: timer and scheduling noise on a shared machine', () => {
    expect(pair({ mean: 3.9 }, { mean: 2 })).toMatchObject([{ ok: true }])
  })

  it('compares throughput scenarios by their ratio to their own run\'s baseline', () => {
    const warm = { group: 'anonymous' as const, kind: 'throughput' as const }
    expect(pair({ ...warm, ratio: 0.6, requestsPerSecond: 6000 }, { ...warm, ratio: 0.95, requestsPerSecond: 12000 })).toMatchObject([{ measure: '× baseline', ok: false }])
    expect(pair({ ...warm, ratio: 0.9, requestsPerSecond: 6000 }, { ...warm, ratio: 1, requestsPerSecond: 12000 })).toMatchObject([{ ok: true }])
  })

  it('leaves out the baseline and rows with nothing to compare', () => {
    expect(pair({ group: 'baseline', scenario: 'baseline', mean: 20 }, { group: 'baseline', scenario: 'baseline', mean: 5 })).toEqual([])
    expect(pair({ aloneMs: 900 }, {})).toEqual([])
    expect(pair({ ok: 0 }, {})).toEqual([])
  })
})

describe('misses', () => {
  it('lists every missed target of every run, and every growth, one line each', () => {
    const full = run('benchmark size', [judgedRow({ p99: 150, mean: 30 })])
    const small = run('ten times smaller', [{ ...row({ mean: 10 }), checks: rowChecks(row({ mean: 10 }), false) }], false)
    expect(misses([full, small], growth(full, small))).toEqual([
      'benchmark size: sponsor / influencer search cold: p99 < 100 ms: 150 ms',
      'growth: sponsor / influencer search cold: 3.00× faster on the smaller data (mean ms 30 → 10)',
    ])
  })

  it('is empty when every target is met', () => {
    const full = run('benchmark size', [judgedRow()])
    expect(misses([full], [])).toEqual([])
  })
})
