/**
 * PABFD by a plain scan of every host in design order (the reference, CloudSim's loop; initial
 * placement and restarts use it), and the per-host checks the index in `pabfd.ts` shares.
 * `pabfdCounters` counts searches and hosts examined (suitability checked), for the benchmark.
 */
import { isOverloaded } from './detectors'
import { isSuitable, policyUtilMips, requestedTotal } from './host-cpu'
import type { PolicySpec } from './policy'
import { curveTables, powerIncrease, type CurveTables } from './power-increase'
import type { HostEntries, SimState } from './state'

export type MigrationPolicy = Extract<PolicySpec, { kind: 'migration' }>

/**
 * Searches made, hosts whose increase the index computed from its filed figures (visited), and
 * hosts examined in full (suitability, fit; the scan examines every host it reaches).
 */
export const pabfdCounters = { searches: 0, visited: 0, examined: 0 }

/** Whether `h` is up, empty and was idle at the last update (all such hosts of a class tie). */
export function isIdle(s: SimState, h: number): boolean {
  return (
    (s.entries[h] as HostEntries).vm.length === 0 && s.hostUtilMips[h] === 0 && s.hostDown[h] === 0
  )
}

/** Outcome of examining one host; `increase` is NaN when `v` cannot go there. */
interface Probe {
  increase: number
  loadMips: number
}
const probe: Probe = { increase: Number.NaN, loadMips: 0 }

export function examine(
  s: SimState,
  t: CurveTables,
  v: number,
  h: number,
  requestMips: number,
  powerNow: number,
): Probe {
  pabfdCounters.examined++
  probe.increase = Number.NaN
  if (Number.isNaN(powerNow) || !isSuitable(s, h, v)) return probe
  const load = policyUtilMips(s, h)
  const uAfter = (load + requestMips) / (s.hostTotalMips[h] as number)
  if (uAfter < 0 || uAfter > 1) return probe
  probe.loadMips = load
  probe.increase = powerIncrease(s, t, h, load, requestMips, powerNow)
  return probe
}

/** The over-load test, which only matters for a host that would win, so it runs last. */
export function refused(
  s: SimState,
  p: MigrationPolicy | undefined,
  h: number,
  v: number,
): boolean {
  return probe.loadMips !== 0 && p !== undefined && isOverloaded(s, h, v, p.detector, p.parameter)
}

let idleTaken = new Uint8Array(0)

/** PABFD by looking at every host in order (-1 when nothing fits). */
export function scanForHost(
  s: SimState,
  p: MigrationPolicy | undefined,
  v: number,
  excluded: Uint8Array,
  power: Float64Array,
): number {
  pabfdCounters.searches++
  const t = curveTables(s)
  const request = requestedTotal(s, v)
  if (idleTaken.length < s.classCount) idleTaken = new Uint8Array(s.classCount)
  else idleTaken.fill(0, 0, s.classCount)
  let best = Number.MAX_VALUE
  let bestHost = -1
  for (let h = 0; h < s.hostCount; h++) {
    if (excluded[h] === 1) continue
    const idle = isIdle(s, h)
    // Idle hosts of one class give bit-identical increases: only the first that fits counts.
    if (idle && idleTaken[s.hostClass[h] as number] === 1) continue
    const r = examine(s, t, v, h, request, power[h] as number)
    if (Number.isNaN(r.increase)) continue
    if (idle) idleTaken[s.hostClass[h] as number] = 1
    if (r.increase < best && !refused(s, p, h, v)) {
      best = r.increase
      bestHost = h
    }
  }
  return bestHost
}
