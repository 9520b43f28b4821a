/**
 * The comparison the app shows (`experiments:results`, `experiments:run`) from run records:
 * a row per run, and per combination of factor values the mean and 95 % CI of every compared
 * metric over its repetitions, clamped to the metric's range.
 */
import type {
  ExperimentCombinationRow,
  ExperimentFactorValue,
  ExperimentResults,
  ExperimentRunDetail,
  ExperimentRunRow,
} from '../../../shared/contract'
import type { RunRecord } from '../../engine'
import { EXPERIMENT_METRICS } from './metrics'
import { clampedEstimate } from './results-table'

/** A run record as a row of the comparison. */
export function runRow(r: RunRecord): ExperimentRunRow {
  return {
    runId: r.id,
    index: r.index,
    factors: r.factors as Record<string, ExperimentFactorValue>,
    repetition: r.repetition,
    seed: r.seed,
    summary: r.summary,
    facilityEnergyKWh: r.economics.facilityEnergyKWh,
    energyCost: r.economics.energyCost,
    energyCostCurrency: r.economics.currency,
    carbonKgCO2e: r.economics.carbonKgCO2e,
    tenantSlaViolations: r.tenants.filter((t) => t.slaViolation).length,
  }
}

/** A run record in full. */
export function runDetail(r: RunRecord): ExperimentRunDetail {
  return { ...runRow(r), tenants: r.tenants.map((t) => ({ ...t })) }
}

/** The value of a compared metric in a row, or undefined when the run has none. */
export function metricValue(row: ExperimentRunRow, key: string): number | undefined {
  const fromRow = (row as unknown as Record<string, unknown>)[key]
  const v =
    typeof fromRow === 'number' ? fromRow : (row.summary as unknown as Record<string, unknown>)[key]
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

/** Per combination (first-seen order) the mean and clamped 95 % CI of every metric. */
export function combinationRows(
  factorNames: readonly string[],
  rows: readonly ExperimentRunRow[],
): ExperimentCombinationRow[] {
  const groups = new Map<string, ExperimentRunRow[]>()
  for (const row of rows) {
    const key = JSON.stringify(factorNames.map((f) => row.factors[f] ?? null))
    const group = groups.get(key)
    if (group) group.push(row)
    else groups.set(key, [row])
  }
  return [...groups.values()].map((group) => {
    const estimates: ExperimentCombinationRow['estimates'] = {}
    for (const metric of EXPERIMENT_METRICS) {
      const values = group.flatMap((r) => {
        const v = metricValue(r, metric.key)
        return v === undefined ? [] : [v]
      })
      if (values.length > 0) estimates[metric.key] = clampedEstimate(values, metric)
    }
    return { factors: (group[0] as ExperimentRunRow).factors, runs: group.length, estimates }
  })
}

/** The whole comparison of an experiment's records (plan order). */
export function experimentResults(input: {
  experimentId: string
  name: string
  factorNames: string[]
  records: readonly RunRecord[]
  failures: ExperimentResults['failures']
}): ExperimentResults {
  const runs = [...input.records].sort((a, b) => a.index - b.index).map(runRow)
  const present = new Set(
    EXPERIMENT_METRICS.filter((m) => runs.some((r) => metricValue(r, m.key) !== undefined)).map(
      (m) => m.key,
    ),
  )
  return {
    experimentId: input.experimentId,
    name: input.name,
    factorNames: input.factorNames,
    metrics: EXPERIMENT_METRICS.filter((m) => present.has(m.key)),
    runs,
    combinations: combinationRows(input.factorNames, runs),
    failures: input.failures,
  }
}
