/**
 * The energy of what draws power besides the hosts (storage systems, switches; issue 17) in a
 * run's summary: each consumer is its own line of `summary.energyBreakdownKWh`, and
 * `summary.energyKWh` is the sum of the lines, so every figure derived from it (the CLI, the
 * reports, the experiments' economics and exports) counts all of them.
 */
import type { EnergyBreakdownKWh, SimulationResult } from '../../../shared/domain/simulation-result'
import type { NetworkRun } from '../network'
import type { StorageLink } from './storage-link'

/**
 * Adds `kWh` as the `line` of `result.summary.energyBreakdownKWh` (the first added line also
 * sets `hosts` to the hosts' energy) and to `result.summary.energyKWh`, in place.
 */
export function addEnergyLine(
  result: SimulationResult,
  line: Exclude<keyof EnergyBreakdownKWh, 'hosts'>,
  kWh: number,
): void {
  const s = result.summary
  const breakdown = s.energyBreakdownKWh ?? { hosts: s.energyKWh }
  s.energyBreakdownKWh = { ...breakdown, [line]: kWh }
  s.energyKWh += kWh
}

/**
 * Adds the storage systems' and switches' power now to the last point of the total-power
 * series (called right after a sample, so the series is what `energyKWh` integrates), W.
 */
export function addPowerToSample(
  totalPowerW: number[],
  storage: StorageLink | undefined,
  network: NetworkRun | undefined,
): void {
  storage?.addPowerToSample(totalPowerW)
  const last = totalPowerW.length - 1
  if (network && last >= 0) totalPowerW[last] = (totalPowerW[last] as number) + network.switchPowerW
}
