/**
 * VM selection for over-loaded hosts: minimum migration time (mmt: smallest memory, first in
 * the host's list on ties), minimum utilization (mu) and random selection (rs, from the run's
 * seeded stream). Instances already migrating are never selected.
 */
import { demandAt } from './demand'
import type { Selector } from './policy'
import type { Random } from './random'
import type { HostEntries, SimState } from './state'

/** The instance to move off host `h`, or -1 if none can move. */
export function selectInstance(
  s: SimState,
  h: number,
  selector: Selector,
  random: Random,
  nowS: number,
): number {
  const e = s.entries[h] as HostEntries
  if (selector === 'rs') {
    const movable: number[] = []
    for (const v of e.vm) if (s.vmInMig[v] === 0) movable.push(v)
    if (movable.length === 0) return -1
    return movable[random.int(movable.length)] as number
  }
  let best = -1
  let bestMetric = Number.MAX_VALUE
  for (const v of e.vm) {
    if (s.vmInMig[v] === 1) continue
    const metric =
      selector === 'mmt'
        ? (s.vmMemMiB[v] as number)
        : (demandAt(s.demand, v, nowS) * (s.vmMips[v] as number)) / (s.vmMips[v] as number)
    if (metric < bestMetric) {
      bestMetric = metric
      best = v
    }
  }
  return best
}
