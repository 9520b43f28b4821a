/**
 * The run's energy by device kind (hosts, storage, switches), one function for the Simulation
 * tab, the provider report's "Power and energy" and anything else that splits it (review s7u
 * #9), so every view gives the same numbers as `strata simulate`'s "of which" line.
 */
import type { SimulationSummary } from './simulation-result'

/** One device kind's share of the run's energy. */
export interface EnergyShare {
  kind: 'hosts' | 'storage' | 'switches'
  label: string
  energyKWh: number
  /** energyKWh / the run's total, 0..1. */
  share: number
}

const ENERGY_LABELS = { hosts: 'Hosts', storage: 'Storage', switches: 'Switches' } as const

/**
 * The run's energy by device kind: the breakdown when the run has one (storage or switches
 * draw power too), else all of it on the hosts. The shares sum to 1.
 */
export function energyShares(
  summary: Pick<SimulationSummary, 'energyKWh' | 'energyBreakdownKWh'>,
): EnergyShare[] {
  const total = summary.energyKWh
  const b = summary.energyBreakdownKWh ?? { hosts: total }
  const kinds = (['hosts', 'storage', 'switches'] as const).filter((k) => b[k] !== undefined)
  return kinds.map((kind) => {
    const energyKWh = b[kind] ?? 0
    return { kind, label: ENERGY_LABELS[kind], energyKWh, share: total > 0 ? energyKWh / total : 0 }
  })
}
