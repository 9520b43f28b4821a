/**
 * The simulation's one link to the storage model (`../storage`, issue 17): builds it from the
 * design and the initial placement (each instance's volume on the system the scheduler chose),
 * updates it at processing instants and at storage failures and repairs, takes down the
 * instances a storage failure leaves without their volume, and adds the `storage` section, the
 * storage line of the energy breakdown and the storage energy to the result. Absent (no
 * `StorageLink`) when the design does not use the storage model, and in CloudSim-compatible
 * mode, so those runs are unchanged.
 */
import type { SimulationResult } from '../../../shared/domain/simulation-result'
import type { Design } from '../../../shared/design/schema'
import {
  buildStorageResult,
  plannedStorageFailures,
  provisionedIopsMonths,
  StorageRun,
  type InstanceView,
} from '../storage'
import { demandAt } from './demand'
import { addEnergyLine } from './energy-lines'
import { entryIndex, removeEntryAt } from './host-cpu'
import type { FailureLog } from './failures'
import { vmStop, type Metrics } from './metrics'
import type { Random } from './random'
import type { SimState } from './state'

/** The storage model bound to one run's state. */
export class StorageLink {
  readonly run: StorageRun
  private readonly view: InstanceView

  constructor(
    design: Design,
    private readonly s: SimState,
    storageOf: ReadonlyMap<string, string>,
    seed: number,
  ) {
    const index = new Map(design.storage.map((x, i) => [x.id, i]))
    const volume = Int32Array.from(s.vmIds, (id) => index.get(storageOf.get(id) ?? '') ?? -1)
    this.run = new StorageRun(design, s.vmWorkload, s.vmTenant, volume, seed)
    this.view = {
      running: (v) => (s.vmHome[v] as number) >= 0 && s.vmDown[v] === 0 && s.vmRemoved[v] === 0,
      cpuFraction: (v, tS) => demandAt(s.demand, v, tS),
    }
  }

  /** Outages to schedule: `[system, atS, repairS]`. */
  static failures(design: Design, random: Random): Array<[number, number, number]> {
    return plannedStorageFailures(design, random.split('storage-failures'))
  }

  /** Recomputes the storage state at `tS`; `sample` adds a series point (processing instants). */
  update(tS: number, sample: boolean): void {
    this.run.update(tS, this.view, sample)
  }

  /**
   * Adds the storage systems' power now to the last point of the total-power series (called
   * right after a sample, so the series is hosts + storage, like `energyKWh`).
   */
  addPowerToSample(totalPowerW: number[]): void {
    const last = totalPowerW.length - 1
    if (last >= 0) totalPowerW[last] = (totalPowerW[last] as number) + this.run.powerNowW
  }

  /** Storage energy charged so far, joules (for live views). */
  get energyJ(): number {
    let j = 0
    for (const x of this.run.totals.energyJ) j += x
    return j
  }

  /** Whether instance `v` cannot start now because its volume is unavailable (it then waits). */
  blocks(v: number): boolean {
    if (!this.run.volumeDown(v)) return false
    this.run.waitForVolume(v)
    return true
  }

  /**
   * System `sys` fails at `tS`: takes down the running instances whose volume it held alone
   * (downtime counts from `tS`); returns the hosts they left, to be updated by the caller.
   */
  fail(sys: number, tS: number, m: Metrics, log: FailureLog): number[] {
    const s = this.s
    const lost = this.run.fail(sys, tS, this.view)
    const hosts: number[] = []
    for (const v of lost) hosts.push(...takeDown(s, m, log, v, tS))
    this.run.recordLost(lost.map((v) => s.vmIds[v] as string))
    this.run.update(tS, this.view, false)
    return hosts
  }

  /** System `sys` is repaired at `tS`: the instances waiting for it, with their restart times. */
  repair(sys: number, tS: number): Array<[number, number]> {
    const s = this.s
    const back = this.run.repair(sys, tS)
    this.run.update(tS, this.view, false)
    return back.map((v) => {
      const h = s.vmInitialHost[v] as number
      return [v, tS + (h >= 0 ? (s.hostStartTimeS[h] as number) : 0)]
    })
  }

  /**
   * Closes the run at `endS` and adds the storage section to `result`: the storage energy joins
   * `summary.energyKWh` and gets its own line in `summary.energyBreakdownKWh`.
   */
  attach(result: SimulationResult, endS: number, m: Metrics, log: FailureLog): void {
    const s = this.s
    this.run.finish(endS)
    const T = this.run.tenantCount
    const iops = new Float64Array(T)
    const months = new Float64Array(T)
    for (let v = 0; v < s.vmCount; v++) {
      const t = s.vmTenant[v] as number
      if (t < 0 || (s.vmInitialHost[v] as number) < 0) continue
      const w = this.run.design.workloads[s.vmWorkload[v] as number]
      const held = (m.vResidentS[v] as number) + (log.downtimeS[v] as number)
      iops[t] = (iops[t] as number) + (w?.iops ?? 0)
      months[t] = (months[t] as number) + provisionedIopsMonths(w?.iops ?? 0, held)
    }
    const storage = buildStorageResult(this.run, s.horizonS, { iops, iopsMonths: months })
    result.storage = storage
    addEnergyLine(result, 'storage', storage.energyKWh)
  }
}

/** Takes instance `v` down at `tS` (its volume is gone); returns the hosts it was on. */
function takeDown(s: SimState, m: Metrics, log: FailureLog, v: number, tS: number): number[] {
  const hosts: number[] = []
  const home = s.vmHome[v] as number
  if (s.vmInMig[v] === 1) {
    // Its migration is off: the incoming copy goes too.
    for (let h = 0; h < s.hostCount; h++) {
      const k = h === home ? -1 : entryIndex(s, h, v, true)
      if (k < 0) continue
      removeEntryAt(s, h, k)
      hosts.push(h)
    }
    s.vmInMig[v] = 0
    log.migToken[v] = (log.migToken[v] as number) + 1
  }
  const i = home >= 0 ? entryIndex(s, home, v, false) : -1
  if (i >= 0) {
    removeEntryAt(s, home, i)
    hosts.push(home)
  }
  vmStop(m, v, tS)
  s.vmHome[v] = -1
  s.vmDown[v] = 1
  s.epoch++
  log.downSinceS[v] = tS
  log.failureOf[v] = -1
  return hosts
}
