/**
 * The value axis of a chart of a bounded metric (availability and SLA violation 0–100 %,
 * energy and counts ≥ 0): the data's extent with a margin, rounded out to the data's order of
 * magnitude, and never past the metric's bounds (review s4, finding 18: an availability axis
 * ran to 140 %). Used by the report's and the panel's box plots.
 */

/** A metric's bounds in the axis's unit (`null`: unbounded on that side). */
export interface MetricRange {
  min: number | null
  max: number | null
}

/**
 * Axis bounds for `values` within `range`: [lo, hi] with lo ≤ min(values), hi ≥ max(values),
 * both multiples of 10^⌊log10(spread)⌋ (spread = max - min, or |max|/10, or 1; at least 1e-9), a tenth of the
 * spread beyond the data, then clamped to `range`. Undefined when there is no finite value.
 */
export function boundedAxis(
  values: readonly number[],
  range: MetricRange,
): { min: number; max: number } | undefined {
  const finite = values.filter(Number.isFinite)
  if (finite.length === 0) return undefined
  const dataMin = Math.min(...finite)
  const dataMax = Math.max(...finite)
  const spread = Math.max(dataMax - dataMin || Math.abs(dataMax) / 10 || 1, 1e-9)
  // (+1e-9: 86 - 85.9 is 0.0999…, whose order of magnitude is still 0.1)
  const step = 10 ** Math.floor(Math.log10(spread) + 1e-9)
  let min = Math.floor((dataMin - spread / 10) / step) * step
  let max = Math.ceil((dataMax + spread / 10) / step) * step
  if (range.min !== null) min = Math.max(min, Math.min(range.min, dataMin))
  if (range.max !== null) max = Math.min(max, Math.max(range.max, dataMax))
  // Rounding of the multiples (0.1 × 3) must not print 0.30000000000000004.
  return { min: Number(min.toPrecision(12)), max: Number(max.toPrecision(12)) }
}
