/**
 * The results table `strata experiment run` prints (cli-table3): per combination of factor
 * values, the runs and each compared metric's mean with its 95 % confidence interval
 * (Student's t over the repetitions), clamped to the metric's range, and a note saying so.
 */
import Table from 'cli-table3'
import type { ExperimentEstimate } from '../../../shared/contract'
import type { RunRecord } from '../../engine'
import { combinationRows, runRow } from '../../services/experiments/results-view'

/** The printed metrics: key, heading with unit, scale to that unit, digits. */
const PRINTED = [
  { key: 'energyKWh', head: 'IT energy (kWh)', scale: 1, digits: 2 },
  { key: 'overallSlaViolation', head: 'SLA violation (%)', scale: 100, digits: 2 },
  { key: 'meanAvailabilityPercent', head: 'Availability (%)', scale: 1, digits: 3 },
  { key: 'energyCost', head: 'Energy cost', scale: 1, digits: 2 },
  { key: 'tenantSlaViolations', head: 'Tenants violating SLA', scale: 1, digits: 2 },
  { key: 'migrations', head: 'Migrations', scale: 1, digits: 1 },
] as const

const factorCell = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v))

/** `mean [low, high]` (the interval only with 2 or more repetitions). */
export function estimateCell(e: ExperimentEstimate | undefined, scale = 1, digits = 2): string {
  if (!e) return '–'
  const f = (v: number): string => (v * scale).toFixed(digits)
  if (e.ci95Low === null || e.ci95High === null) return f(e.mean)
  return `${f(e.mean)} [${f(e.ci95Low)}, ${f(e.ci95High)}]`
}

/** The table as text (no colours), with its note; '' when no run has results. */
export function resultsTableText(
  factorNames: readonly string[],
  records: readonly RunRecord[],
): string {
  if (records.length === 0) return ''
  const rows = combinationRows(factorNames, records.map(runRow))
  const shown = PRINTED.filter((m) => rows.some((r) => r.estimates[m.key] !== undefined))
  const table = new Table({
    head: [...factorNames, 'runs', ...shown.map((m) => m.head)],
    style: { head: [], border: [] },
    // no rule between rows: one line per combination
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  })
  for (const row of rows)
    table.push([
      ...factorNames.map((f) => factorCell(row.factors[f] ?? null)),
      String(row.runs),
      ...shown.map((m) => estimateCell(row.estimates[m.key], m.scale, m.digits)),
    ])
  const repeats = [...new Set(rows.map((r) => r.runs))].join('/')
  return [
    table.toString(),
    `mean [95 % CI] over ${repeats} run(s) per combination (Student's t); intervals are clamped ` +
      `to each metric's range: availability 0-100 %, SLA violation 0-100 %, energy, cost and ` +
      `counts >= 0. One run per combination gives no interval.`,
  ].join('\n')
}
