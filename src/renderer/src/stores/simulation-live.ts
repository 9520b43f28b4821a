/**
 * Accumulates the `live` deltas of `simulation:progress` events into the series of a run in
 * progress. Plain (non-reactive) data: the simulation store appends every event here and
 * publishes a copy (`snapshotLive`) a few times a second, so charts do not redraw big arrays
 * on every event.
 */
import type { LiveDelta } from '../../../shared/contract'

/** A running simulation's series so far plus its latest state. */
export interface LiveSeries {
  runId: string
  /** Sample instants, seconds of virtual time. */
  timesS: number[]
  totalPowerW: number[]
  activeHosts: number[]
  /** Energy up to each sample from the power series (left sums), kWh. */
  energyKWhSeries: number[]
  /** Per tenant in design order: CPU received (MIPS) and bill so far, at each sample. */
  tenantAllocMips: number[][]
  tenantCost: number[][]
  /** Utilization of every host (design order, 0..1) at the latest sample. */
  hostUtilizationNow: number[]
  /** Hosts down at the latest sample. */
  failedHostIds: string[]
  /** Energy used so far, as the engine counts it, kWh. */
  energyKWh: number
  /** Live migrations started so far. */
  migrations: number
}

/** An empty live series for `runId`. */
export function emptyLive(runId: string): LiveSeries {
  return {
    runId,
    timesS: [],
    totalPowerW: [],
    activeHosts: [],
    energyKWhSeries: [],
    tenantAllocMips: [],
    tenantCost: [],
    hostUtilizationNow: [],
    failedHostIds: [],
    energyKWh: 0,
    migrations: 0,
  }
}

function appendFrom(target: number[], source: readonly number[], skip: number): void {
  for (let i = skip; i < source.length; i++) target.push(source[i] as number)
}

/**
 * Appends the points of `delta` that `live` does not hold yet (in place). A delta that ends
 * before the points already held is stale (duplicate or out of order) and changes nothing;
 * one that starts after them (points missed) keeps its latest state but not its points, so
 * the series never has holes. Returns whether anything changed.
 */
export function applyLiveDelta(live: LiveSeries, delta: LiveDelta): boolean {
  const held = live.timesS.length
  const count = delta.timesS.length
  if (delta.fromIndex < held && delta.fromIndex + count <= held) return false
  if (delta.fromIndex <= held) {
    const skip = held - delta.fromIndex
    appendFrom(live.timesS, delta.timesS, skip)
    appendFrom(live.totalPowerW, delta.totalPowerW, skip)
    appendFrom(live.activeHosts, delta.activeHosts, skip)
    for (let i = held; i < live.timesS.length; i++) {
      const before = live.energyKWhSeries[i - 1] ?? 0
      const dtS = i === 0 ? 0 : (live.timesS[i] as number) - (live.timesS[i - 1] as number)
      live.energyKWhSeries.push(before + ((live.totalPowerW[i - 1] ?? 0) * dtS) / 3_600_000)
    }
    delta.tenantAllocMips.forEach((xs, t) => appendFrom((live.tenantAllocMips[t] ??= []), xs, skip))
    delta.tenantCost.forEach((xs, t) => appendFrom((live.tenantCost[t] ??= []), xs, skip))
  }
  live.hostUtilizationNow = delta.hostUtilizationNow.slice()
  live.failedHostIds = delta.failedHostIds.slice()
  live.energyKWh = delta.energyKWh
  live.migrations = delta.migrations
  return true
}

/** A copy of `live` that later appends do not touch (for reactive state and charts). */
export function snapshotLive(live: LiveSeries): LiveSeries {
  return {
    ...live,
    timesS: live.timesS.slice(),
    totalPowerW: live.totalPowerW.slice(),
    activeHosts: live.activeHosts.slice(),
    energyKWhSeries: live.energyKWhSeries.slice(),
    tenantAllocMips: live.tenantAllocMips.map((xs) => xs.slice()),
    tenantCost: live.tenantCost.map((xs) => xs.slice()),
    hostUtilizationNow: live.hostUtilizationNow.slice(),
    failedHostIds: live.failedHostIds.slice(),
  }
}
