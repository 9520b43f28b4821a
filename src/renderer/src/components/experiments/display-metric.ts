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

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
}

/**
 * A small fraction (SLAV = SLATAH × PDM, Beloglazov & Buyya 2012) in percent, as the field
 * writes it: `1.23 %`, and below 0.01 % with a power of ten (`6.01 × 10⁻⁸ %`), never `6.01e-10`.
 */
export function percentOfFraction(fraction: number): string {
  if (!Number.isFinite(fraction)) return '–'
  const percent = fraction * 100
  if (percent === 0) return '0 %'
  if (Math.abs(percent) >= 0.01) return `${Number(percent.toPrecision(3))} %`
  const [mantissa, exponent] = percent.toExponential(2).split('e')
  const power = String(Number(exponent))
    .split('')
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('')
  return `${mantissa} × 10${power} %`
}
