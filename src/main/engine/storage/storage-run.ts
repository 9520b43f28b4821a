/**
 * The storage model over one run. At every processing instant (and at each storage failure or
 * repair) the simulation calls `update`: the I/O of every running instance with a volume is
 * gathered per system and tenant, each system is shared (`system-share.ts`), and the state is
 * held until the next update; integrals (energy, IOPS served and not served, utilization,
 * latency) are charged for each held interval, as the general model charges hosts.
 *
 * Volumes: an instance's volume lives on the storage system the scheduler chose for it at its
 * first placement and stays there (a live migration moves compute, not the volume). A failed
 * system serves nothing and draws 0 W; instances whose volume has no copy elsewhere
 * (replication 1, no erasure code) go down with it and restart when it is repaired; a volume
 * with a copy or parity elsewhere stays available (its replicas are assumed to live in other
 * failure domains, as Ceph's CRUSH rules place them; §13a), but its I/O is not served by the
 * failed system while it is down (counted as not served).
 */
import type { Design } from '../../../shared/design/schema'
import type { StorageFailureRecord } from '../../../shared/domain/storage-result'
import { compileVolumeIo, ioFraction, type VolumeIo } from './volume-io'
import { isRedundant, writeFactor } from './replication'
import { shareSystem, type StorageQos, type StorageSystemSpec, type TenantIo } from './system-share'

/** Service time of a system that sets none: entry all-flash array, 0.5 ms (§15c). */
export const DEFAULT_SERVICE_TIME_MS = 0.5

/** Whether a run of `design` uses the storage model (never in CloudSim-compatible mode). */
export function usesStorageModel(design: Design): boolean {
  if (design.simulation.cloudsimCompat) return false
  return (
    design.workloads.some((w) => w.storageDemand !== undefined && w.count > 0) ||
    design.storage.some(
      (s) =>
        s.idlePowerW !== undefined ||
        s.mtbfHours !== undefined ||
        (s.failureSchedule?.length ?? 0) > 0,
    )
  )
}

/** Instance-level facts the model reads from the simulation. */
export interface InstanceView {
  /** The instance is resident and running (not down, not finished). */
  running(v: number): boolean
  /** Its CPU demand fraction now (0..1), for workloads whose I/O follows the CPU. */
  cpuFraction(v: number, tS: number): number
}

/** Accumulators of one run (read by `storage-result.ts`). */
export interface StorageTotals {
  energyJ: Float64Array
  iopsUtilS: Float64Array
  tputUtilS: Float64Array
  latencyMsS: Float64Array
  upS: Float64Array
  downS: Float64Array
  saturatedS: Float64Array
  peakIopsUtil: Float64Array
  peakTputUtil: Float64Array
  peakLatencyMs: Float64Array
  /** Per system × tenant: front-end operations served / asked; MB served / asked; consumed. */
  servedOps: Float64Array
  demandedOps: Float64Array
  servedMB: Float64Array
  demandedMB: Float64Array
  consumedOps: Float64Array
  consumedWhileSaturated: Float64Array
  /** Per tenant: Σ served operations × latency (ms). */
  latencyOpsMs: Float64Array
  /** Per system: one point per sample; `saturatedBy` the top consumer while saturated, else ''. */
  series: { iops: number[][]; tput: number[][]; latency: number[][]; saturatedBy: string[][] }
  failures: StorageFailureRecord[]
}

/** The state held since the last update: per system, and per system × tenant (`s * T + t`). */
interface Held {
  iopsU: Float64Array
  tputU: Float64Array
  latency: Float64Array
  powerW: Float64Array
  offered: Float64Array
  served: Float64Array
  demanded: Float64Array
  servedMB: Float64Array
  demandedMB: Float64Array
  consumed: Float64Array
}

/** The storage model of one run (see the file comment). */
export class StorageRun {
  readonly systemCount: number
  readonly tenantCount: number
  readonly totals: StorageTotals
  private readonly specs: StorageSystemSpec[]
  private readonly redundant: boolean[]
  private readonly qos: Array<StorageQos | undefined>
  private readonly io: Array<VolumeIo | undefined>
  private readonly down: Uint8Array
  private readonly downSinceS: Float64Array
  private readonly waiting: number[][]
  // state held since `lastS`, per system and per system × tenant
  private lastS = 0
  private readonly held: Held

  constructor(
    readonly design: Design,
    private readonly vmWorkload: Int32Array,
    private readonly vmTenant: Int32Array,
    /** Per instance: index of the system holding its volume, or -1. */
    readonly volume: Int32Array,
    private readonly seed: number,
  ) {
    const S = design.storage.length
    const T = design.tenants.length
    this.systemCount = S
    this.tenantCount = T
    this.specs = design.storage.map((s) => ({
      iopsCapacity: s.iops,
      throughputCapacityMBps: s.throughputMBps,
      writeFactor: writeFactor(s.replication, s.erasureCoding),
      serviceMs: s.serviceTimeMs ?? DEFAULT_SERVICE_TIME_MS,
      policy: s.sharing ?? 'qos',
      ...(s.idlePowerW !== undefined ? { idleW: s.idlePowerW } : {}),
      ...(s.loadPowerW !== undefined ? { loadW: s.loadPowerW } : {}),
    }))
    this.redundant = design.storage.map((s) => isRedundant(s.replication, s.erasureCoding))
    this.qos = design.tenants.map((t) => {
      const q = t.storageQos
      if (!q) return undefined
      const out: StorageQos = {}
      if (q.minIops !== undefined) out.minIops = q.minIops
      if (q.maxIops !== undefined) out.maxIops = q.maxIops
      if (q.minMBps !== undefined) out.minMBps = q.minMBps
      if (q.maxMBps !== undefined) out.maxMBps = q.maxMBps
      if (q.shares !== undefined) out.weight = q.shares
      return out
    })
    this.io = design.workloads.map((w) =>
      w.storageDemand ? compileVolumeIo(w.storageDemand, design.simulation.stepS) : undefined,
    )
    this.down = new Uint8Array(S)
    this.downSinceS = new Float64Array(S).fill(-1)
    this.waiting = Array.from({ length: S }, () => [])
    const st = (): Float64Array => new Float64Array(S * T)
    const sys = (): Float64Array => new Float64Array(S)
    this.held = {
      iopsU: sys(),
      tputU: sys(),
      latency: sys(),
      powerW: sys(),
      offered: sys(),
      served: st(),
      demanded: st(),
      servedMB: st(),
      demandedMB: st(),
      consumed: st(),
    }
    this.totals = {
      energyJ: sys(),
      iopsUtilS: sys(),
      tputUtilS: sys(),
      latencyMsS: sys(),
      upS: sys(),
      downS: sys(),
      saturatedS: sys(),
      peakIopsUtil: sys(),
      peakTputUtil: sys(),
      peakLatencyMs: sys(),
      servedOps: st(),
      demandedOps: st(),
      servedMB: st(),
      demandedMB: st(),
      consumedOps: st(),
      consumedWhileSaturated: st(),
      latencyOpsMs: new Float64Array(T),
      series: {
        iops: Array.from({ length: S }, () => []),
        tput: Array.from({ length: S }, () => []),
        latency: Array.from({ length: S }, () => []),
        saturatedBy: Array.from({ length: S }, () => []),
      },
      failures: [],
    }
  }

  /** Charges the held state up to `tS`, then computes the state at `tS` (and samples it). */
  update(tS: number, view: InstanceView, sample: boolean): void {
    this.integrate(tS)
    this.compute(tS, view)
    if (!sample) return
    const { series } = this.totals
    for (let s = 0; s < this.systemCount; s++) {
      series.iops[s]?.push(this.held.iopsU[s] as number)
      series.tput[s]?.push(this.held.tputU[s] as number)
      series.latency[s]?.push(this.down[s] === 1 ? 0 : (this.held.latency[s] as number))
      series.saturatedBy[s]?.push(this.saturatingTenant(s))
    }
  }

  /** Id of the tenant consuming most of system `s` now if it is saturated, else ''. */
  private saturatingTenant(s: number): string {
    if (this.down[s] === 1 || (this.held.offered[s] as number) < 1) return ''
    const T = this.tenantCount
    let top = -1
    let most = 0
    for (let ti = 0; ti < T; ti++) {
      const c = this.held.consumed[s * T + ti] as number
      if (c > most) {
        most = c
        top = ti
      }
    }
    return top >= 0 ? (this.design.tenants[top]?.id ?? '') : ''
  }

  /** Power all systems draw now, W. */
  get powerNowW(): number {
    let w = 0
    for (const p of this.held.powerW) w += p
    return w
  }

  /** Whether instance `v`'s volume is unavailable now (its system failed, no copy elsewhere). */
  volumeDown(v: number): boolean {
    const s = this.volume[v] as number
    return s >= 0 && this.down[s] === 1 && !this.redundant[s]
  }

  /** Instance `v` waits for its volume's system to come back. */
  waitForVolume(v: number): void {
    const s = this.volume[v] as number
    if (s >= 0 && !this.waiting[s]?.includes(v)) this.waiting[s]?.push(v)
  }

  /**
   * System `sys` fails at `tS`: returns the running instances whose volume it held with no
   * copy elsewhere (the caller takes them down; they wait for the repair). Call `update` next.
   */
  fail(sys: number, tS: number, view: InstanceView): number[] {
    this.integrate(tS)
    if (this.down[sys] === 1) return []
    this.down[sys] = 1
    this.downSinceS[sys] = tS
    const lost: number[] = []
    if (!this.redundant[sys])
      for (let v = 0; v < this.volume.length; v++)
        if (this.volume[v] === sys && view.running(v)) lost.push(v)
    for (const v of lost) this.waitForVolume(v)
    this.totals.failures.push({
      storageId: this.design.storage[sys]?.id ?? '',
      atS: tS,
      instanceIds: [],
    })
    return lost
  }

  /** Names the instances a failure took down (ids), for its record. */
  recordLost(ids: string[]): void {
    const rec = this.totals.failures[this.totals.failures.length - 1]
    if (rec) rec.instanceIds.push(...ids)
  }

  /** System `sys` is repaired at `tS`: returns the instances waiting for it. Call `update` next. */
  repair(sys: number, tS: number): number[] {
    this.integrate(tS)
    if (this.down[sys] === 0) return []
    this.closeDowntime(sys, tS)
    this.down[sys] = 0
    const id = this.design.storage[sys]?.id
    const open = this.totals.failures.findLast(
      (r) => r.storageId === id && r.repairedAtS === undefined,
    )
    if (open) open.repairedAtS = tS
    return (this.waiting[sys] ?? []).splice(0)
  }

  /** Charges the held state up to the end of the run `endS`. */
  finish(endS: number): void {
    this.integrate(endS)
    for (let s = 0; s < this.systemCount; s++) if (this.down[s] === 1) this.closeDowntime(s, endS)
  }

  private closeDowntime(sys: number, tS: number): void {
    const since = this.downSinceS[sys] as number
    if (since >= 0) this.totals.downS[sys] = (this.totals.downS[sys] as number) + (tS - since)
    this.downSinceS[sys] = -1
  }

  private integrate(tS: number): void {
    const dt = tS - this.lastS
    if (!(dt > 0)) return
    this.lastS = tS
    const t = this.totals
    const h = this.held
    const T = this.tenantCount
    for (let s = 0; s < this.systemCount; s++) {
      t.energyJ[s] = (t.energyJ[s] as number) + (h.powerW[s] as number) * dt
      t.iopsUtilS[s] = (t.iopsUtilS[s] as number) + (h.iopsU[s] as number) * dt
      t.tputUtilS[s] = (t.tputUtilS[s] as number) + (h.tputU[s] as number) * dt
      const up = this.down[s] === 0
      if (up) {
        t.latencyMsS[s] = (t.latencyMsS[s] as number) + (h.latency[s] as number) * dt
        t.upS[s] = (t.upS[s] as number) + dt
      }
      const saturated = up && (h.offered[s] as number) >= 1
      if (saturated) t.saturatedS[s] = (t.saturatedS[s] as number) + dt
      for (let k = s * T; k < (s + 1) * T; k++) {
        const served = (h.served[k] as number) * dt
        t.servedOps[k] = (t.servedOps[k] as number) + served
        t.demandedOps[k] = (t.demandedOps[k] as number) + (h.demanded[k] as number) * dt
        t.servedMB[k] = (t.servedMB[k] as number) + (h.servedMB[k] as number) * dt
        t.demandedMB[k] = (t.demandedMB[k] as number) + (h.demandedMB[k] as number) * dt
        const consumed = (h.consumed[k] as number) * dt
        t.consumedOps[k] = (t.consumedOps[k] as number) + consumed
        if (saturated)
          t.consumedWhileSaturated[k] = (t.consumedWhileSaturated[k] as number) + consumed
        const ti = k - s * T
        t.latencyOpsMs[ti] = (t.latencyOpsMs[ti] as number) + served * (h.latency[s] as number)
      }
    }
  }

  private compute(tS: number, view: InstanceView): void {
    const h = this.held
    const T = this.tenantCount
    const reads = new Float64Array(this.systemCount * T)
    const writes = new Float64Array(this.systemCount * T)
    const readMB = new Float64Array(this.systemCount * T)
    const writeMB = new Float64Array(this.systemCount * T)
    for (let v = 0; v < this.volume.length; v++) {
      const s = this.volume[v] as number
      const ti = this.vmTenant[v] as number
      const io = this.io[this.vmWorkload[v] as number]
      if (s < 0 || ti < 0 || !io || !view.running(v)) continue
      const f = ioFraction(io, v, tS, this.seed, io.kind === 0 ? view.cpuFraction(v, tS) : 0)
      const k = s * T + ti
      reads[k] = (reads[k] as number) + io.peakIops * f * io.readFraction
      writes[k] = (writes[k] as number) + io.peakIops * f * (1 - io.readFraction)
      readMB[k] = (readMB[k] as number) + io.peakMBps * f * io.readFraction
      writeMB[k] = (writeMB[k] as number) + io.peakMBps * f * (1 - io.readFraction)
    }
    const claims: TenantIo[] = []
    const tenantOf: number[] = []
    for (let s = 0; s < this.systemCount; s++) {
      claims.length = 0
      tenantOf.length = 0
      for (let ti = 0; ti < T; ti++) {
        const k = s * T + ti
        h.served[k] = 0
        h.servedMB[k] = 0
        h.consumed[k] = 0
        h.demanded[k] = (reads[k] as number) + (writes[k] as number)
        h.demandedMB[k] = (readMB[k] as number) + (writeMB[k] as number)
        if (h.demanded[k] === 0 && h.demandedMB[k] === 0) continue
        const q = this.qos[ti]
        claims.push({
          readIops: reads[k] as number,
          writeIops: writes[k] as number,
          readMBps: readMB[k] as number,
          writeMBps: writeMB[k] as number,
          ...(q ? { qos: q } : {}),
        })
        tenantOf.push(ti)
      }
      const spec = this.specs[s] as StorageSystemSpec
      const failed = this.down[s] === 1
      const out = shareSystem(
        failed ? { ...spec, iopsCapacity: 0, throughputCapacityMBps: 0 } : spec,
        claims,
      )
      h.iopsU[s] = failed ? 0 : out.iopsUtilization
      h.tputU[s] = failed ? 0 : out.throughputUtilization
      h.latency[s] = failed ? 0 : out.latencyMs
      h.powerW[s] = failed ? 0 : out.powerW
      h.offered[s] = failed ? 0 : out.offeredUtilization
      const f = spec.writeFactor
      tenantOf.forEach((ti, i) => {
        const k = s * T + ti
        const served = out.servedIops[i] as number
        h.served[k] = served
        h.servedMB[k] = out.servedMBps[i] as number
        const front = (reads[k] as number) + (writes[k] as number)
        h.consumed[k] =
          front > 0 ? (served * ((reads[k] as number) + f * (writes[k] as number))) / front : 0
      })
      const t = this.totals
      t.peakIopsUtil[s] = Math.max(t.peakIopsUtil[s] as number, h.iopsU[s] as number)
      t.peakTputUtil[s] = Math.max(t.peakTputUtil[s] as number, h.tputU[s] as number)
      t.peakLatencyMs[s] = Math.max(t.peakLatencyMs[s] as number, h.latency[s] as number)
    }
  }
}
