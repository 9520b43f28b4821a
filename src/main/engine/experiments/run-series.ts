/**
 * What "runs side by side" draws of one run (issue 16): its time series of the datacenter as a
 * whole, small enough to send for 2-4 runs at once: power draw, active hosts and the CPU SLA
 * violation at each sample. Computed from a full simulation result (the run is simulated again:
 * same design and seed, same result). Pure.
 */
import type { RunSeries } from '../../../shared/domain/run-series'
import type { SimulationResult } from '../../../shared/domain/simulation-result'

export type { RunSeries } from '../../../shared/domain/run-series'

/** The run's series from its simulation result. */
export function runSeries(result: SimulationResult): RunSeries {
  const s = result.series
  const slaViolationPercent = s.timesS.map((_, i) => {
    let requested = 0
    let allocated = 0
    for (const t of s.tenants) {
      requested += t.requestedMips[i] ?? 0
      allocated += t.allocatedMips[i] ?? 0
    }
    if (requested <= 0) return 0
    return Math.min(100, Math.max(0, (100 * (requested - allocated)) / requested))
  })
  return {
    timesS: [...s.timesS],
    powerW: [...s.totalPowerW],
    activeHosts: [...s.activeHosts],
    slaViolationPercent,
  }
}
