/**
 * Per-factor box plots of an experiment (issue 16): for one metric, one box per level of each
 * factor over every run that had that level (all other factors and repetitions pooled), so a
 * factor's effect and its spread read at a glance. Quartiles by the R-7 method (Hyndman & Fan
 * 1996, type 7: linear interpolation between order statistics at (n - 1)p; R's and NumPy's
 * default, Excel's QUARTILE.INC), computed by d3-array's `quantileSorted`. Pure.
 */
import { quantileSorted } from 'd3-array'
import type { ExperimentFactorValue, ExperimentResults } from '../../../../shared/contract'
import { factorText } from '../../stores/experiment-factors'

/** Five-number summary of a sample: min, quartiles by R-7, max, and its size. */
export interface BoxStats {
  n: number
  min: number
  q1: number
  median: number
  q3: number
  max: number
}

/** The five-number summary of the finite values of `values`; undefined when none is finite. */
export function boxStats(values: readonly number[]): BoxStats | undefined {
  // `+ 0` makes −0 a plain 0: the comparator ties them, so their order (and a box's −0 min)
  // would otherwise depend on the order the values came in
  const sorted = values
    .filter((v) => Number.isFinite(v))
    .map((v) => v + 0)
    .sort((a, b) => a - b)
  if (sorted.length === 0) return undefined
  const q = (p: number): number => quantileSorted(sorted, p) as number
  return {
    n: sorted.length,
    min: sorted[0] as number,
    q1: q(0.25),
    median: q(0.5),
    q3: q(0.75),
    max: sorted[sorted.length - 1] as number,
  }
}

/** One factor's boxes: a box per level, in the order the levels first appear in the plan. */
export interface FactorBoxes {
  factor: string
  levels: Array<{ label: string; stats: BoxStats }>
}

/** The run's value of a metric (row field, else summary field), NaN when it has none. */
export function runMetric(run: ExperimentResults['runs'][number], key: string): number {
  const fromRow = (run as unknown as Record<string, unknown>)[key]
  const v =
    typeof fromRow === 'number' ? fromRow : (run.summary as unknown as Record<string, unknown>)[key]
  return typeof v === 'number' ? v : NaN
}

/**
 * For metric `key` (values multiplied by `scale`, e.g. 100 for a fraction shown in %), the boxes
 * of every factor with at least two levels (a factor with one level has nothing to compare).
 */
export function factorBoxes(results: ExperimentResults, key: string, scale = 1): FactorBoxes[] {
  const out: FactorBoxes[] = []
  for (const factor of results.factorNames) {
    const byLevel = new Map<string, number[]>()
    for (const run of results.runs) {
      const label = factorText(run.factors[factor] as ExperimentFactorValue)
      const list = byLevel.get(label) ?? []
      list.push(runMetric(run, key) * scale)
      byLevel.set(label, list)
    }
    if (byLevel.size < 2) continue
    const levels = [...byLevel].flatMap(([label, values]) => {
      const stats = boxStats(values)
      return stats ? [{ label, stats }] : []
    })
    if (levels.length > 0) out.push({ factor, levels })
  }
  return out
}
