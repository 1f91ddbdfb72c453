import type { Growth, Row, Run } from './targets'
import { TARGETS } from './targets'

const mark = (ok: boolean) => (ok ? '✓' : '✗')

/**
 * Above this share of CPU time taken by the host (steal), a run's figures say more about the
 * machine's neighbours than about the server: the report says so at the top.
 */
const NOISY_STEAL_PCT = 5

function noisyRuns(runs: Run[]) {
  return runs.filter(r => (r.stealPct ?? 0) > NOISY_STEAL_PCT)
}

/** A steal figure as shown: '?' where /proc/stat could not tell. */
const steal = (pct: number | null | undefined) => String(pct ?? '?')

/** The load a row ran under, in words: saturating, or the rate asked for. */
function load(r: Row) {
  if (r.aloneMs !== undefined) return 'not loaded: too slow alone'
  if (r.kind === 'throughput') return 'saturating'
  const notes = [r.ranOut ? `targets ran out after ${r.requests}` : '', r.skipped ? `${r.skipped} not sent: all connections busy` : ''].filter(Boolean)
  return `${r.rate}/s${notes.length ? ` (${notes.join('; ')})` : ''}`
}

/** ✓, or ✗ and the targets missed. */
function verdict(r: Row) {
  const missed = r.checks.filter(c => !c.ok)
  return missed.length ? `✗ ${missed.map(c => `${c.target} (${c.measured})`).join('; ')}` : '✓'
}

/**
 * What one answer cost the server's process, µs of CPU, for throughput rows: there the server
 * answers nothing else. At a fixed rate of 50/s its own timers and housekeeping between the
 * answers would outweigh a cheap answer.
 */
function cpuPerRequest(r: Row) {
  return r.kind === 'throughput' && r.requests ? String(Math.round(r.server.cpuMs * 1000 / r.requests)) : ''
}

/** A throughput row's ratio to the baseline, and each slice's beside it. */
function ratioOf(r: Row) {
  return `${(r.ratio ?? 0).toFixed(2)}${r.sliceRatios ? ` (${r.sliceRatios.map(x => x.toFixed(2)).join(', ')})` : ''}`
}

/** The collector's pauses during the row: their sum and, in brackets, the longest, ms. */
function gcPauses(r: Row) {
  return `${r.server.gc.totalMs} (${r.server.gc.maxMs})`
}

function errorsOf(r: Row) {
  const kinds = Object.entries(r.failures).map(([k, n]) => `${n}×${k}`).join(' ')
  return kinds ? `${r.errors} (${kinds})` : String(r.errors)
}

export function printRow(r: Row) {
  const ratio = r.ratio === undefined ? '' : ` ×${ratioOf(r)}`
  console.log(`${r.group.padEnd(10)} ${r.scenario.padEnd(38)} ${String(r.requestsPerSecond).padStart(5)} req/s  p50 ${String(r.p50).padStart(5)}  p99 ${String(r.p99).padStart(6)} ms  errors ${errorsOf(r)}${ratio}  ${r.kind === 'throughput' ? `cpu ${cpuPerRequest(r)} µs/req  ` : ''}loop p99 ${r.server.loopDelayMs.p99} ms  gc ${gcPauses(r)} ms  rss ${r.server.peakRssMb} MB  steal ${steal(r.stealPct)} %  ${verdict(r)}${r.kind === 'throughput' ? '' : `  [${load(r)}]`}`)
}

export function printSummary(runs: Run[], growths: Growth[], missed: string[]) {
  for (const run of runs) console.log(`\n${run.label}: peak server RSS ${run.peakRssMb} MB${run.judged ? ` ${mark(run.checks.every(c => c.ok))}` : ''}; the host took ${steal(run.stealPct)} % of the CPU time`)
  for (const run of noisyRuns(runs)) console.log(`WARNING: ${run.label}: the host took ${run.stealPct} % of this machine's CPU time: figures are not comparable with a quiet run's`)
  if (growths.length) console.log(`growth (≤ ${TARGETS.growthFactor}× faster on the smaller data): ${growths.filter(g => g.ok).length}/${growths.length} ${mark(growths.every(g => g.ok))}`)
  if (!missed.length) {
    console.log('\nEvery target met.')
    return
  }
  console.log(`\n${missed.length} target(s) MISSED:`)
  for (const line of missed) console.log(`  ✗ ${line}`)
}

export function markdown(runs: Run[], growths: Growth[], missed: string[], meta: Record<string, unknown>) {
  const lines = ['# Benchmark results', '', Object.entries(meta).map(([k, v]) => `- ${k}: ${v}`).join('\n'), '',
    missed.length ? `**${missed.length} target(s) missed**, listed [at the end](#targets-missed).` : '**Every target met.**', '',
    ...noisyRuns(runs).map(r => `**${r.label}: the host took ${r.stealPct} % of this machine's CPU time (steal) during the run: its figures are not comparable with a quiet run's.**\n`)]
  for (const run of runs) {
    lines.push(`## ${run.label}`, '', `The host took ${steal(run.stealPct)} % of the CPU time during this run.`, '')
    if (!run.judged) lines.push(`Measured for the growth check (below): the targets are for the benchmark-size data, so here only errors count. Peak RSS: ${run.peakRssMb} MB.`, '')
    for (const c of run.checks) lines.push(`${mark(c.ok)} ${c.target}: ${c.measured}`, '')
    lines.push(
      '| group | scenario | load | req/s | p50 ms | p99 ms | errors | × baseline | server CPU µs/req | loop delay p99 ms | GC pauses ms (longest) | RSS MB | heap MB | host steal % | targets |',
      '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    )
    for (const r of run.rows) {
      lines.push(`| ${r.group} | ${r.scenario} | ${load(r)} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${errorsOf(r)} | ${r.ratio === undefined ? '' : ratioOf(r)} | ${cpuPerRequest(r)} | ${r.server.loopDelayMs.p99} | ${gcPauses(r)} | ${r.server.peakRssMb} | ${r.server.heapUsedMb} | ${steal(r.stealPct)} | ${verdict(r)} |`)
    }
    lines.push('', '× baseline: the median of the slices\' ratios (in brackets), each slice against the baseline run just before and after it.')
    lines.push('')
  }
  if (growths.length) {
    lines.push(`## Growth: no scenario more than ${TARGETS.growthFactor}× faster on the ten times smaller data`, '',
      '| group | scenario | compares | benchmark size | ten times smaller | faster by | |', '| --- | --- | --- | ---: | ---: | ---: | --- |')
    for (const g of growths) lines.push(`| ${g.group} | ${g.scenario} | ${g.measure} | ${g.full} | ${g.small} | ${g.factor.toFixed(2)}× | ${mark(g.ok)} |`)
    lines.push('', `Fixed-rate scenarios compare mean latency; means less than ${TARGETS.growthNoiseMs} ms apart count as equal.`, '')
  }
  if (missed.length) lines.push('## Targets missed', '', ...missed.map(m => `- ✗ ${m}`), '')
  return lines.join('\n')
}
