/**
 * The run's energy by device kind (hosts, storage, switches), one function for the Simulation
 * tab, the provider report's "Power and energy" and anything else that splits it (review s7u
 * #9), so every view gives the same numbers as `strata simulate`'s "of which" line. The whole
 * percents are rounded by the largest-remainder method, so they add to exactly 100, and a
 * share that is not 0 never reads "0 %" (review s7c #5b: "98 % + 0 % + 1 %").
 */
import type { SimulationSummary } from './simulation-result'

/** One device kind's share of the run's energy. */
export interface EnergyShare {
  kind: 'hosts' | 'storage' | 'switches'
  label: string
  energyKWh: number
  /** energyKWh / the run's total, 0..1. */
  share: number
  /** Whole percent; the kinds' percents add to 100 (largest remainder; all 0 with no energy). */
  percent: number
  /** `98 %`; `< 1 %` for a share above 0 rounded to 0; `> 99 %` for 100 beside another share. */
  percentText: string
}

const ENERGY_LABELS = { hosts: 'Hosts', storage: 'Storage', switches: 'Switches' } as const

/**
 * Whole percents of `parts` (each ≥ 0) that add to exactly 100: each part's floor, then one
 * more to the largest remainders (ties: the larger part, then the earlier) until 100. All 0
 * when the parts sum to 0.
 */
export function largestRemainderPercents(parts: readonly number[]): number[] {
  const sum = parts.reduce((s, x) => s + x, 0)
  if (!(sum > 0)) return parts.map(() => 0)
  const exact = parts.map((x) => (x / sum) * 100)
  const out = exact.map((x) => Math.floor(x))
  let left = 100 - out.reduce((s, x) => s + x, 0)
  const order = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x), x }))
    .sort((a, b) => b.rest - a.rest || b.x - a.x || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    out[i] = (out[i] as number) + 1
    left--
  }
  return out
}

/**
 * The run's energy by device kind: the breakdown when the run has one (storage or switches
 * draw power too), else all of it on the hosts. The shares sum to 1, the percents to 100.
 */
export function energyShares(
  summary: Pick<SimulationSummary, 'energyKWh' | 'energyBreakdownKWh'>,
): EnergyShare[] {
  const total = summary.energyKWh
  const b = summary.energyBreakdownKWh ?? { hosts: total }
  const kinds = (['hosts', 'storage', 'switches'] as const).filter((k) => b[k] !== undefined)
  const energies = kinds.map((k) => Math.max(0, b[k] ?? 0))
  const percents = largestRemainderPercents(energies)
  const others = (i: number): boolean => energies.some((e, j) => j !== i && e > 0)
  return kinds.map((kind, i) => {
    const energyKWh = b[kind] ?? 0
    const percent = percents[i] as number
    const percentText =
      percent === 0 && energyKWh > 0
        ? '< 1 %'
        : percent === 100 && others(i)
          ? '> 99 %'
          : `${percent} %`
    return {
      kind,
      label: ENERGY_LABELS[kind],
      energyKWh,
      share: total > 0 ? energyKWh / total : 0,
      percent,
      percentText,
    }
  })
}
