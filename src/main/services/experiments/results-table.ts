/**
 * The results table of an experiment: one row per run (its factors, every summary metric,
 * the provider's energy cost and carbon, revenue per currency, and per tenant its
 * availability, bill and SLA verdict), and per combination the mean and 95 % confidence
 * interval of every numeric column over its repetitions (Student's t).
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile'
import type { FactorValue } from '../../../shared/experiment/spec'
import type { RunRecord } from '../../engine'

/** A cell: numbers keep their unit in the column name; factor objects are JSON text. */
export type Cell = string | number | boolean | null

export interface Table {
  columns: string[]
  rows: Array<Record<string, Cell>>
}

const factorCell = (v: FactorValue): Cell =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? v
    : JSON.stringify(v)

/** Columns that identify a run rather than measure it (not averaged). */
const ID_COLUMNS = new Set(['id', 'index', 'repetition', 'seed'])

/** One row per run, columns in first-seen order. */
export function runTable(factorNames: readonly string[], records: readonly RunRecord[]): Table {
  const columns: string[] = ['id', 'index', ...factorNames, 'repetition']
  const seen = new Set(columns)
  const rows = records.map((r) => {
    const row: Record<string, Cell> = { id: r.id, index: r.index }
    for (const f of factorNames)
      row[f] = f in r.factors ? factorCell(r.factors[f] as FactorValue) : null
    row.repetition = r.repetition
    for (const [k, v] of Object.entries(r.summary)) row[k] = v
    const e = r.economics
    row.facilityEnergyKWh = e.facilityEnergyKWh
    row.pue = e.pue
    row.energyCost = e.energyCost
    row.energyCostCurrency = e.currency
    row.carbonKgCO2e = e.carbonKgCO2e
    for (const [currency, amount] of Object.entries(e.revenueByCurrency))
      row[`revenue.${currency}`] = amount
    for (const t of r.tenants) {
      row[`tenant.${t.tenantId}.availabilityPercent`] = t.availabilityPercent
      row[`tenant.${t.tenantId}.slaViolation`] = t.slaViolation
      row[`tenant.${t.tenantId}.bill`] = t.bill
      row[`tenant.${t.tenantId}.currency`] = t.currency
    }
    for (const k of Object.keys(row))
      if (!seen.has(k)) {
        seen.add(k)
        columns.push(k)
      }
    return row
  })
  return { columns, rows }
}

/** Mean, sample standard deviation and the half-width of the 95 % CI (null below 2 values). */
export function meanCi95(values: readonly number[]): {
  n: number
  mean: number
  sd: number | null
  ci95: number | null
} {
  const n = values.length
  const mean = values.reduce((s, v) => s + v, 0) / n
  if (n < 2) return { n, mean, sd: null, ci95: null }
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1))
  return { n, mean, sd, ci95: tQuantile(0.975, n - 1) * (sd / Math.sqrt(n)) }
}

/**
 * Per combination (same factor values), in first-seen order: the factors, `runs`, and for
 * every numeric measure column `<col>.mean`, `<col>.ci95Low`, `<col>.ci95High`; booleans
 * (SLA verdicts) count as 0/1, so their mean is the share of runs that violated.
 */
export function combinationTable(factorNames: readonly string[], runs: Table): Table {
  const groups = new Map<string, Array<Record<string, Cell>>>()
  for (const row of runs.rows) {
    const key = JSON.stringify(factorNames.map((f) => row[f] ?? null))
    const group = groups.get(key)
    if (group) group.push(row)
    else groups.set(key, [row])
  }
  const measures = runs.columns.filter(
    (c) =>
      !ID_COLUMNS.has(c) &&
      !factorNames.includes(c) &&
      runs.rows.some((r) => typeof r[c] === 'number' || typeof r[c] === 'boolean'),
  )
  const columns = [
    ...factorNames,
    'runs',
    ...measures.flatMap((m) => [`${m}.mean`, `${m}.ci95Low`, `${m}.ci95High`]),
  ]
  const rows = [...groups.values()].map((group) => {
    const first = group[0] as Record<string, Cell>
    const row: Record<string, Cell> = {}
    for (const f of factorNames) row[f] = first[f] ?? null
    row.runs = group.length
    for (const m of measures) {
      const values = group
        .map((r) => r[m])
        .filter((v): v is number | boolean => typeof v === 'number' || typeof v === 'boolean')
        .map(Number)
      if (values.length === 0) {
        row[`${m}.mean`] = row[`${m}.ci95Low`] = row[`${m}.ci95High`] = null
        continue
      }
      const { mean, ci95 } = meanCi95(values)
      row[`${m}.mean`] = mean
      row[`${m}.ci95Low`] = ci95 === null ? null : mean - ci95
      row[`${m}.ci95High`] = ci95 === null ? null : mean + ci95
    }
    return row
  })
  return { columns, rows }
}
