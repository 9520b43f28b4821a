/**
 * The metrics an experiment comparison shows (app panel, `strata report --experiment`, the
 * CLI's table), each with its unit in its label and the range its values live in, so a 95 %
 * confidence interval never claims an impossible value (availability above 100 %, a negative
 * count): the interval is clamped to that range.
 */
import type { ExperimentMetric } from '../../../shared/contract'

const FRACTION = { min: 0, max: 1 }
const PERCENT = { min: 0, max: 100 }
const NON_NEGATIVE = { min: 0, max: null }

/** The compared metrics: results-table column names (summary fields and economics). */
export const EXPERIMENT_METRICS: readonly ExperimentMetric[] = [
  { key: 'energyKWh', label: 'IT energy (kWh)', ...NON_NEGATIVE },
  { key: 'facilityEnergyKWh', label: 'Facility energy (kWh)', ...NON_NEGATIVE },
  { key: 'energyCost', label: 'Energy cost', ...NON_NEGATIVE },
  { key: 'carbonKgCO2e', label: 'Carbon (kg CO2e)', ...NON_NEGATIVE },
  { key: 'slav', label: 'SLAV (SLATAH x PDM, fraction)', ...FRACTION },
  { key: 'slatah', label: 'SLATAH (fraction)', ...FRACTION },
  { key: 'pdm', label: 'PDM (fraction)', ...FRACTION },
  { key: 'overallSlaViolation', label: 'Overall SLA violation (fraction)', ...FRACTION },
  { key: 'meanAvailabilityPercent', label: 'Mean availability (%)', ...PERCENT },
  { key: 'tenantSlaViolations', label: 'Tenants violating SLA (count)', ...NON_NEGATIVE },
  { key: 'migrations', label: 'Migrations (count)', ...NON_NEGATIVE },
  { key: 'hostShutdowns', label: 'Host shutdowns (count)', ...NON_NEGATIVE },
  { key: 'hostFailures', label: 'Host failures (count)', ...NON_NEGATIVE },
]

/**
 * The range of a results-table column: percentages 0..100, fractions and SLA verdict shares
 * 0..1, every other measure (energy, cost, carbon, counts, times, bills) non-negative.
 */
export function columnRange(column: string): { min: number | null; max: number | null } {
  const known = EXPERIMENT_METRICS.find((m) => m.key === column)
  if (known) return { min: known.min, max: known.max }
  if (/Percent$/.test(column)) return PERCENT
  if (/(^|\.)(slatah|pdm|slav|overallSlaViolation|averageSlaViolation|slaViolation)$/.test(column))
    return FRACTION
  if (/^(pue)$/.test(column)) return { min: 1, max: null }
  if (/^(seed)$/.test(column)) return { min: null, max: null }
  return NON_NEGATIVE
}

/** `value` limited to `[min, max]` (a null bound does not limit). */
export function clampTo(value: number, range: { min: number | null; max: number | null }): number {
  let v = value
  if (range.min !== null && v < range.min) v = range.min
  if (range.max !== null && v > range.max) v = range.max
  return v
}
