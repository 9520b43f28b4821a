/**
 * The fabric's links at one time of a run (issue 17), for the canvas and the inspector: each
 * link's and external uplink's utilization (its busier direction, 0..1) and whether it is
 * failed. The network's series are sampled at the run's processing instants, not at the
 * result's series samples: the state at an instant holds until the next (the engine's
 * accounting), so the value shown at time t is the latest instant at or before t.
 */
import type { SimulationResult } from '../../../shared/contract'

/** One link at one time. */
export interface LinkFrame {
  /** Busier direction's load / capacity, 0..1 (0 while failed). */
  utilization: number
  failed: boolean
}

/** Index of the last of `timesS` (ascending) at or before `timeS`; -1 when none. */
export function instantAt(timesS: readonly number[], timeS: number): number {
  let lo = 0
  let hi = timesS.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if ((timesS[mid] as number) <= timeS) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** The links at time `timeS` of `r`, or undefined when the run did not model the network. */
export function linkFrameAt(
  r: Pick<SimulationResult, 'network'>,
  timeS: number,
): Map<string, LinkFrame> | undefined {
  const net = r.network
  if (!net) return undefined
  const i = instantAt(net.timesS, timeS)
  const down = new Set(
    net.fabricFailures
      .filter((f) => f.atS <= timeS && (f.repairedAtS === undefined || timeS < f.repairedAtS))
      .map((f) => f.elementId),
  )
  const out = new Map<string, LinkFrame>()
  for (const l of net.links)
    out.set(l.id, {
      utilization: i < 0 ? 0 : (l.utilizationSeries[i] ?? 0),
      failed: down.has(l.id),
    })
  return out
}
