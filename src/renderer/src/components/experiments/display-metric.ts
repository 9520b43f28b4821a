/**
 * How the panel shows a compared metric: fractions (SLA violation, SLATAH, PDM, SLAV) in
 * percent, every other metric in the unit its label names (`IT energy (kWh)`). Pure.
 */
import type { ExperimentMetric } from '../../../../shared/contract'
import type { MetricRange } from '../../../../shared/experiment/axis-range'

export interface DisplayMetric {
  key: string
  /** Label with the unit shown (`Overall SLA violation (%)`). */
  name: string
  /** Factor from the stored value to the value shown (100 for a fraction shown in %). */
  scale: number
  /** Unit after a value ('' for counts and amounts without a known currency). */
  unit: string
  /** The metric's bounds in the unit shown (null: unbounded), for axes. */
  range: MetricRange
}

const scaled = (v: number | null, scale: number): number | null => (v === null ? null : v * scale)

/** The display form of `metric`. */
export function displayMetric(metric: ExperimentMetric): DisplayMetric {
  const fraction = /\bfraction\)$/.exec(metric.label)
  if (fraction) {
    const name = metric.label
      .replace(/,?\s*fraction\)$/, ')')
      .replace(/\(\)$/, '')
      .trim()
    const withUnit = name.endsWith(')') ? name.replace(/\)$/, ', %)') : `${name} (%)`
    const range = { min: scaled(metric.min, 100), max: scaled(metric.max, 100) }
    return { key: metric.key, name: withUnit, scale: 100, unit: '%', range }
  }
  const unit = /\(([^()]*)\)$/.exec(metric.label)?.[1] ?? ''
  return {
    key: metric.key,
    name: metric.label,
    scale: 1,
    unit: unit === 'count' ? '' : unit,
    range: { min: metric.min, max: metric.max },
  }
}

/** Fractions in percent (SLAV in `× 10⁻⁸ %`): the one formatter the CLI and reports use too. */
export { percentOfFraction } from '../../../../shared/domain/percent-text'
