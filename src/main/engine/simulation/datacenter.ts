/**
 * Host updates and data-centre-wide processing instants, as CloudSim 3.0.3's
 * `HostDynamicWorkload#updateVmsProcessing` and
 * `PowerDatacenter#updateCloudetProcessingWithoutSchedulingFutureEventsForce`: refresh every
 * instance's demand, re-share each host's CPU, write state entries, integrate energy
 * (CloudSim-compat: trapezoid between consecutive instants, a host at 0 % at the start of an
 * interval is off; general mode: `energy.ts`), and (CloudSim-compat) retire instances whose
 * demand is exactly zero.
 */
import { DEMAND_ROW, demandAt, memoryAt, R_INTERVAL } from './demand'
import { allocatedTotal, destroyOn, hostUtil, reallocate } from './host-cpu'
import {
  hostEntry,
  P_ALLOC,
  P_LOSS,
  P_MEM,
  P_MIG,
  P_REQ,
  P_T,
  VM_ROW,
  vmEntry,
  vmEntryOpen,
  vmEntryWrite,
  type Metrics,
} from './metrics'
import { settleHostPower } from './energy'
import { interferenceFraction } from './interference'
import { intervalEnergyJ, powerAt } from './power'
import { lagging, noteRepeat, passIndex } from './entry-lag'
import { pushHistory, type HostEntries, type SimState } from './state'

/** Mutable run-wide figures the processing steps update. */
export interface RunCounters {
  energyJ: number
  /** General mode: up hosts switched off because they held no instance (`energy.ts`). */
  switchOffs: number
  /** General mode: memory in use beyond physical memory × time, MiB-seconds. */
  memoryPressureMiBS: number
  lastProcessS: number
  migrations: number
  /** Instances resident on some host at the last update. */
  residentInstances: number
  /** Apply co-location interference (non-compat designs with interference on). */
  interference: boolean
}

/** Whether `tS` is a scheduling instant (where instances record utilization history). */
export function isGridTime(s: SimState, tS: number): boolean {
  return (tS - s.offsetS) % s.stepS === 0
}

/**
 * Refreshes instance `v`'s demand at `tS` (once per instant), its memory in use
 * (`vmNow`) and its utilization history.
 */
export function refreshInstance(s: SimState, v: number, tS: number): void {
  if (s.vmLastUpdateS[v] === tS) return
  s.vmLastUpdateS[v] = tS
  const u = demandAt(s.demand, v, tS)
  const pes = s.vmPes[v] as number
  const total = u * ((s.vmMips[v] as number) * pes)
  const reqPe = total / pes
  s.vmReqPe[v] = reqPe
  s.vmNow[2 * v] = reqPe
  s.vmNow[2 * v + 1] = memoryAt(s.demand, v, tS) * (s.vmMemMiB[v] as number)
  if (s.keepHistory && tS > (s.vmHistPrevS[v] as number) && isGridTime(s, tS)) {
    if (tS !== 0 || u !== 0) pushHistory(s, v, u)
    s.vmHistPrevS[v] = tS
  }
}

/** `prepareInstances` marks: the instance has an entry on an up host; one that runs there. */
const ON_UP_HOST = 1
const RUNS_ON_UP_HOST = 2

/**
 * What the full updates of a pass do per instance, done in instance order (issue 15) where the
 * host updates would do it host by host, over instances scattered in placement order: every
 * instance with an entry on an up host is refreshed (`refreshInstance`), and every one that
 * runs there (not an incoming copy) has its pending state entry closed (`vmEntryOpen`) after
 * its host's unwritten entries are written (`entry-lag.ts`). Only for a pass that updates every
 * up host in full or finds it updated at `tS` already (`processAll`: CloudSim-compat, or a
 * scheduling instant), so that it touches exactly the instances those updates would (a host
 * updated at `tS` already has its instances refreshed and their entries at `tS`); each step
 * touches its instance's figures alone, so the order changes nothing.
 */
function prepareInstances(s: SimState, m: Metrics, tS: number): void {
  const mark = s.vmMark
  for (let h = 0; h < s.hostCount; h++) {
    if (s.hostDown[h] === 1) continue
    if ((s.lag.from[h] as number) >= 0) s.catchUp?.(h)
    const e = s.entries[h] as HostEntries
    for (let i = 0; i < e.vm.length; i++) {
      const v = e.vm[i] as number
      mark[v] = (mark[v] as number) | (e.migIn[i] === 1 ? ON_UP_HOST : ON_UP_HOST | RUNS_ON_UP_HOST)
    }
  }
  for (let v = 0; v < s.vmCount; v++) {
    const k = mark[v] as number
    if (k === 0) continue
    mark[v] = 0
    refreshInstance(s, v, tS)
    if (k & RUNS_ON_UP_HOST) vmEntryOpen(m, v, tS)
  }
}

/**
 * How host updates may save work (issue 15). `incremental: false` makes every update a full
 * one and updates the hosts of each migration start at once (the plain path, for the tests that
 * hold the shortcuts to it: identical result JSON).
 */
export const hostUpdates = { incremental: true }

/**
 * What host updates cost, for the benchmark (counts since the process started): full updates,
 * repeated ones (entries written again, or left to `entry-lag.ts`), ones skipped (already
 * updated at that instant, unchanged), and instances recomputed by full updates.
 */
export const hostUpdateCounters = { full: 0, repeated: 0, skipped: 0, instancesRecomputed: 0 }

/**
 * Whether an update of host `h` at `tS` would reproduce its last update exactly, so that at most
 * the state entries need writing again. That holds when the host's entries have not changed
 * since its last full update (same `hostVersion`), no instance has started or stopped migrating
 * or instantiating, its pending state entries are still the ones that update wrote, and the
 * demand is the same: either `tS` is the very instant of its last update, or the general model
 * (demand held per sample) is off the scheduling grid and no instance has crossed into another
 * sample.
 */
function unchangedSinceUpdate(s: SimState, m: Metrics, h: number, tS: number): boolean {
  const lastS = s.hostUpdatedS[h] as number
  if (!hostUpdates.incremental || lastS < 0 || tS < lastS) return false
  const same = tS === lastS
  if (!same && (!s.demand.hold || isGridTime(s, tS))) return false
  if (s.hostVersion[h] !== s.hostUpdatedVersion[h] || m.hpT[h] !== lastS) return false
  const e = s.entries[h] as HostEntries
  const demandRow = s.demand.row
  // One interval for every instance (`uniformIntervalS`): the same test for each, done once
  // (an empty host does none).
  const uniform = s.demand.uniformIntervalS
  const oneInterval = !Number.isNaN(uniform)
  if (!same && oneInterval && e.vm.length > 0)
    if (Math.floor(tS / uniform) !== Math.floor(lastS / uniform)) return false
  const eachInterval = !same && !oneInterval
  // The instant the instances' pending entries carry (earlier while they lag, `entry-lag.ts`).
  const entriesS = lagging(s.lag, h) ? (s.lag.baseS[h] as number) : lastS
  for (let i = 0; i < e.vm.length; i++) {
    const v = e.vm[i] as number
    if (s.vmInstantiating[v] === 1) return false
    if (eachInterval) {
      const interval = demandRow[v * DEMAND_ROW + R_INTERVAL] as number
      if (Math.floor(tS / interval) !== Math.floor(lastS / interval)) return false
    }
    if (e.migIn[i] === 1) continue
    const o = v * VM_ROW
    if (m.vm[o + P_T] !== entriesS || m.vm[o + P_MIG] !== s.vmInMig[v]) return false
  }
  return true
}

/**
 * The update of an unchanged host (see `unchangedSinceUpdate`) at a later instant: every figure
 * is what its last full update computed, so the state entries are written again from the
 * pending ones, in the same order, and the power settled, exactly as the full update would. With
 * `lag`, the instances' entries are left for `entry-lag.ts` to write later (the host's entry and
 * power are settled now, so run-wide sums keep their order).
 */
function repeatUpdate(
  s: SimState,
  m: Metrics,
  c: RunCounters,
  h: number,
  tS: number,
  lag: boolean,
): void {
  const e = s.entries[h] as HostEntries
  s.hostPrevUtilMips[h] = s.hostUtilMips[h] as number
  const entriesS = lagging(s.lag, h) ? (s.lag.baseS[h] as number) : (m.hpT[h] as number)
  if (!lag || !noteRepeat(s.lag, h, passIndex(s.lag, tS), entriesS)) {
    s.catchUp?.(h)
    for (let i = 0; i < e.vm.length; i++) {
      if (e.migIn[i] === 1) continue
      const v = e.vm[i] as number
      const o = v * VM_ROW
      const r = m.vm
      vmEntry(
        m,
        v,
        tS,
        r[o + P_ALLOC] as number,
        r[o + P_REQ] as number,
        r[o + P_MIG] === 1,
        r[o + P_LOSS] as number,
        r[o + P_MEM] as number,
      )
    }
  }
  hostEntry(m, h, tS, m.hpAlloc[h] as number, m.hpReq[h] as number)
  s.hostUpdatedS[h] = tS
  if (!s.compat) settleHostPower(s, c, h, tS)
}

/**
 * One host update at `tS` (CloudSim's `updateVmsProcessing`). With `lag` (only the passes of a
 * migration completion) a repeated update may leave its instances' entries unwritten
 * (`entry-lag.ts`).
 */
export function updateHost(
  s: SimState,
  m: Metrics,
  c: RunCounters,
  h: number,
  tS: number,
  lag = false,
  /**
   * Every instance of the host is refreshed at `tS` already, and its pending entry is at `tS` or
   * none (`prepareInstances`).
   */
  refreshed = false,
): void {
  if (unchangedSinceUpdate(s, m, h, tS)) {
    // Updated at this very instant and unchanged since: the update would write what is there.
    if (tS === s.hostUpdatedS[h]) {
      s.hostPrevUtilMips[h] = s.hostUtilMips[h] as number
      hostUpdateCounters.skipped++
    } else {
      repeatUpdate(s, m, c, h, tS, lag)
      hostUpdateCounters.repeated++
    }
    return
  }
  s.catchUp?.(h)
  const e = s.entries[h] as HostEntries
  hostUpdateCounters.full++
  hostUpdateCounters.instancesRecomputed += e.vm.length
  s.epoch++
  if (!refreshed) for (let i = 0; i < e.vm.length; i++) refreshInstance(s, e.vm[i] as number, tS)
  s.hostPrevUtilMips[h] = s.hostUtilMips[h] as number
  for (let i = 0; i < e.vm.length; i++) {
    const v = e.vm[i] as number
    e.reqPe[i] = s.vmInstantiating[v] === 1 ? (s.vmMips[v] as number) : (s.vmNow[2 * v] as number)
  }
  reallocate(s, h)
  const coeff = c.interference ? (s.hostInterference[h] as number) : 0
  // MIPS allocated to the instances running here (copies still arriving do not run yet).
  let runningMips = 0
  if (coeff > 0)
    for (let i = 0; i < e.vm.length; i++)
      if (e.migIn[i] !== 1) runningMips += allocatedTotal(s, e, i)
  const hostMips = s.hostTotalMips[h] as number
  let util = 0
  let requested = 0
  let memUsed = 0
  for (let i = 0; i < e.vm.length; i++) {
    const v = e.vm[i] as number
    let alloc = allocatedTotal(s, e, i)
    let req = 0
    const pes = s.vmPes[v] as number
    for (let p = 0; p < pes; p++) req += e.reqPe[i] as number
    if (e.migIn[i] !== 1) {
      // The neighbours' share of the host times its coefficient slows this instance (`interference.ts`).
      const loss =
        coeff > 0 && alloc > 0
          ? alloc * interferenceFraction(coeff, runningMips - alloc, hostMips)
          : 0
      const memUsedMiB = s.vmNow[2 * v + 1] as number
      memUsed += memUsedMiB
      const mig = s.vmInMig[v] === 1
      if (refreshed) vmEntryWrite(m, v, tS, alloc - loss, req, mig, loss, memUsedMiB)
      else vmEntry(m, v, tS, alloc - loss, req, mig, loss, memUsedMiB)
      if (mig) alloc /= 0.9
    }
    util += alloc
    requested += req
  }
  s.hostUtilMips[h] = util
  // Memory pressure: what the instances use beyond the host's physical memory (possible only
  // when memory is overcommitted), held like power until the next update.
  s.hostMemInUseMiB[h] = memUsed
  s.hostMemPressureMiB[h] = Math.max(0, memUsed - (s.hostPhysMemMiB[h] as number))
  hostEntry(m, h, tS, util, requested)
  s.hostUpdatedS[h] = tS
  s.hostUpdatedVersion[h] = s.hostVersion[h] as number
  if (!s.compat) settleHostPower(s, c, h, tS)
}

/**
 * A processing instant over all hosts at `tS`: updates, energy since the last instant
 * (CloudSim-compat: its trapezoid here; general mode: each host update settles its own power,
 * `energy.ts`) and, in CloudSim-compat mode, retirement of instances with zero demand. Returns the number of
 * instances that were resident during the update.
 */
export function processAll(
  s: SimState,
  m: Metrics,
  c: RunCounters,
  tS: number,
  npa: boolean,
  lag = false,
): number {
  // Hosts updated incrementally leave caches keyed on the epoch alone; a pass always moves it.
  s.epoch++
  const withLag = lag && s.catchUp !== undefined
  const dt = tS - c.lastProcessS
  let frameJ = 0
  if (s.compat && npa && dt > 0) {
    for (let h = 0; h < s.hostCount; h++) frameJ += (s.curves[h * 11 + 10] as number) * dt
  }
  const refreshed = hostUpdates.incremental && (!s.demand.hold || isGridTime(s, tS))
  if (refreshed) prepareInstances(s, m, tS)
  let resident = 0
  for (let h = 0; h < s.hostCount; h++) {
    if (s.hostDown[h] === 1) continue
    resident += (s.entries[h] as HostEntries).vm.length
    updateHost(s, m, c, h, tS, withLag, refreshed)
  }
  if (s.compat && !npa && dt > 0) {
    for (let h = 0; h < s.hostCount; h++) {
      if (s.hostDown[h] === 1) continue
      const from = hostUtil(s, h, s.hostPrevUtilMips[h] as number)
      const to = hostUtil(s, h)
      frameJ +=
        s.idleHostsOn && from === 0
          ? ((powerAt(s.curves, h * 11, 0) + powerAt(s.curves, h * 11, Math.min(1, to))) / 2) * dt
          : intervalEnergyJ(s.curves, h * 11, from, to, dt)
    }
  }
  c.energyJ += frameJ
  if (s.compat) retireIdle(s)
  c.lastProcessS = tS
  c.residentInstances = resident
  return resident
}

/** CloudSim-compat: instances not migrating whose demand is exactly 0 finish for good. */
const done: number[] = []

function retireIdle(s: SimState): void {
  for (let h = 0; h < s.hostCount; h++) {
    const e = s.entries[h] as HostEntries
    let n = 0
    for (let i = 0; i < e.vm.length; i++) {
      const v = e.vm[i] as number
      if (s.vmInMig[v] === 1) continue
      if (s.vmInstantiating[v] === 0 && (s.vmReqPe[v] as number) === 0) done[n++] = v
    }
    for (let k = 0; k < n; k++) {
      const v = done[k] as number
      const home = s.vmHome[v] as number
      if (home >= 0) destroyOn(s, home, v)
      s.vmHome[v] = -1
      s.vmRemoved[v] = 1
    }
  }
}
