/**
 * The runtime state of one simulation run, built from a design: hosts and instances as
 * struct-of-arrays (typed arrays, no per-step allocation), and each host's list of resident
 * instances ("entries") with the CPU each one was asked for and given.
 *
 * An instance can be resident on two hosts at once only while it migrates (its source and,
 * flagged `migIn`, its destination) or for a moment inside a consolidation decision.
 */
import type { Design } from '../../../shared/design/schema'
import { overheadsFor, memoryOverheadMiB, type EffectiveOverheads } from '../virtualization'
import { buildDemand, type DemandTable } from './demand'
import { createEntryLag, type EntryLag } from './entry-lag'
import type { PolicySpec } from './policy'
import { buildPlacementRules, type PlacementRules } from './placement-rules'

/** A host's resident instances, in CloudSim's VM-list order. */
export interface HostEntries {
  vm: number[]
  /** Requested MIPS per PE when last allocated (uncapped). */
  reqPe: number[]
  /** Allocated MIPS per PE. */
  allocPe: number[]
  /** 1 when this entry is the destination copy of a migrating instance. */
  migIn: number[]
  /** Memory and bandwidth this entry holds on the host (MiB, Mbps). */
  memMiB: number[]
  bwMbps: number[]
}

export interface SimState {
  compat: boolean
  /** The scheduler's standing rules for hosts the simulation picks itself (none in compat). */
  rules?: PlacementRules
  policy: PolicySpec
  stepS: number
  horizonS: number
  /** Offset of the processing instants (CloudSim: 0.1 s after the grid). */
  offsetS: number
  // hosts
  hostCount: number
  hostIds: string[]
  hostPes: Int32Array
  hostPeMips: Float64Array
  hostTotalMips: Float64Array
  hostMemMiB: Float64Array
  hostBwMbps: Float64Array
  hostNicGbps: Float64Array
  hostMaxInstances: Int32Array
  hostInterference: Float64Array
  hostStartTimeS: Float64Array
  curves: Float64Array
  hostOverheads: EffectiveOverheads[]
  hostAvail: Float64Array
  hostMemUsed: Float64Array
  hostBwUsed: Float64Array
  hostUtilMips: Float64Array
  hostPrevUtilMips: Float64Array
  hostDown: Uint8Array
  /** General mode: the power each host holds (W) and since when (s); see `energy.ts`. */
  hostPowerW: Float64Array
  hostPowerSinceS: Float64Array
  /**
   * Physical memory (MiB), the memory the resident instances use now (MiB, from memory traces;
   * reserved memory when there is none) and the part of it beyond physical memory (MiB, general
   * mode).
   */
  hostPhysMemMiB: Float64Array
  hostMemInUseMiB: Float64Array
  hostMemPressureMiB: Float64Array
  entries: HostEntries[]
  /** Bumped whenever a host's entries change (invalidates cached per-host sums). */
  hostVersion: Uint32Array
  /** Time (s) of each host's last full update, -1 before the first (`datacenter.ts`). */
  hostUpdatedS: Float64Array
  /** Each host's `hostVersion` at its last full update. */
  hostUpdatedVersion: Uint32Array
  /** Bumped whenever demands or histories may have changed. */
  epoch: number
  /** Hosts whose instances' repeated state entries are not written yet (`entry-lag.ts`). */
  lag: EntryLag
  /**
   * Writes host `h`'s unwritten instance entries (`catchUpHost` with the run's metrics); set by
   * the run. Without it no host lags: every update writes its entries at once.
   */
  catchUp?: (h: number) => void
  /** Hosts with the same curve, PEs and capacity share a class (for PABFD shortcuts). */
  hostClass: Int32Array
  classCount: number
  /** Instances record utilization history (only the adaptive detectors read it). */
  keepHistory: boolean
  /** Idle hosts stay on and draw their idle power (`switchOffIdleHosts: false`, never in compat). */
  idleHostsOn: boolean
  // instances
  vmCount: number
  vmIds: string[]
  vmWorkload: Int32Array
  vmTenant: Int32Array
  vmMips: Float64Array
  vmPes: Int32Array
  vmMemMiB: Float64Array
  vmBwMbps: Float64Array
  vmDiskGiB: Float64Array
  vmReqPe: Float64Array
  vmLastUpdateS: Float64Array
  vmHome: Int32Array
  vmInMig: Uint8Array
  vmInstantiating: Uint8Array
  vmRemoved: Uint8Array
  /** 1 while the instance is down (its host failed) and waits for a restart. */
  vmDown: Uint8Array
  vmInitialHost: Int32Array
  /**
   * Utilization history (CloudSim's PowerVm), a mirrored ring of `HIST_STRIDE` values per
   * instance: slot k (k steps ago, newest first, k < `HISTORY_LENGTH`) of instance v is
   * `vmHist[histBase(s, v) + k]` (`pushHistory` writes it).
   */
  vmHist: Float64Array
  vmHistLen: Uint8Array
  vmHistPrevS: Float64Array
  /** Values each instance has pushed onto its history so far (`detector-sums.ts` reads it). */
  vmHistPushes: Float64Array
  demand: DemandTable
  // issue 15 (perf15a): the processing pass prepares instances in instance order.
  /**
   * Per instance, two values as of its last refresh (`vmLastUpdateS`, `refreshInstance`): at
   * 2v its requested MIPS per PE (a copy of `vmReqPe`), at 2v + 1 its memory in use, MiB. Side
   * by side, so that a host update reads one cache line per instance, not two.
   */
  vmNow: Float64Array
  /** Scratch marks, one per instance, all 0 between uses (`prepareInstances`, `datacenter.ts`). */
  vmMark: Uint8Array
}

export const HISTORY_LENGTH = 30

/**
 * Values per instance in `SimState.vmHist`: its history twice over, so that the newest
 * `HISTORY_LENGTH` slots are contiguous from the ring's start whatever it is (issue 15: a push
 * writes two values where shifting the history moved 29, a quarter of the lr day's host
 * updates).
 */
export const HIST_STRIDE = 2 * HISTORY_LENGTH

/**
 * Where slot 0 (the newest value) of instance v's history is in `s.vmHist`; slot k follows at
 * +k. The ring starts at 0 and each push moves its start back by one, so the start follows from
 * the instance's push count, which the readers load anyway (a separate array of starts cost
 * one more cache miss per instance read).
 */
export function histBase(s: SimState, v: number): number {
  const r = ((s.vmHistPushes[v] as number) | 0) % HISTORY_LENGTH
  return v * HIST_STRIDE + (r === 0 ? 0 : HISTORY_LENGTH - r)
}

/**
 * Pushes value `u` onto instance v's history (newest first; the oldest of a full history
 * drops out): the ring's start moves back by one and `u` is written there and one
 * `HISTORY_LENGTH` further, so every slot k < `HISTORY_LENGTH` reads what a shift of the
 * whole history would have left there.
 */
export function pushHistory(s: SimState, v: number, u: number): void {
  const pushes = (s.vmHistPushes[v] as number) + 1
  s.vmHistPushes[v] = pushes
  const at = histBase(s, v)
  s.vmHist[at] = u
  s.vmHist[at + HISTORY_LENGTH] = u
  const len = s.vmHistLen[v] as number
  if (len < HISTORY_LENGTH) s.vmHistLen[v] = len + 1
}

function sumOf(xs: number[]): number {
  let s = 0
  for (const x of xs) s += x
  return s
}

/** Builds the run state of `design` under `policy`. */
export function buildState(design: Design, policy: PolicySpec, seed: number): SimState {
  const sim = design.simulation
  const compat = sim.cloudsimCompat
  const H = design.hosts.length
  const racks = new Map(design.racks.map((r) => [r.id, r]))
  const hostPes = new Int32Array(H)
  const hostPeMips = new Float64Array(H)
  const hostTotalMips = new Float64Array(H)
  const hostMemMiB = new Float64Array(H)
  const hostBwMbps = new Float64Array(H)
  const hostNicGbps = new Float64Array(H)
  const hostMaxInstances = new Int32Array(H)
  const hostInterference = new Float64Array(H)
  const hostStartTimeS = new Float64Array(H)
  const hostDown = new Uint8Array(H)
  const curves = new Float64Array(H * 11)
  design.hosts.forEach((h, i) => {
    const o = overheadsFor(h)
    const cores = h.sockets * h.coresPerSocket
    const pes = compat ? cores : Math.max(0, cores - Math.ceil(o.reservedCores))
    hostPes[i] = pes
    hostPeMips[i] = compat ? h.mipsPerCore : h.mipsPerCore / (1 + o.cpuOverheadPercent / 100)
    const pe = new Array<number>(pes).fill(hostPeMips[i] as number)
    hostTotalMips[i] = sumOf(pe)
    const ratio = h.memoryAllocationRatio ?? racks.get(h.rackId ?? '')?.memoryAllocationRatio ?? 1
    hostMemMiB[i] = compat ? h.memoryMiB : h.memoryMiB * ratio - o.reservedMemoryMiB
    hostNicGbps[i] = h.nicGbps
    hostBwMbps[i] = h.nicGbps * 1000
    hostMaxInstances[i] = compat ? 1 << 30 : o.maxInstancesPerHost
    hostInterference[i] = o.interferenceCoefficient
    hostStartTimeS[i] = o.startTimeS
    hostDown[i] = h.state === 'up' ? 0 : 1
    h.powerCurveW.forEach((w, k) => (curves[i * 11 + k] = w))
  })
  const tenantIndex = new Map(design.tenants.map((t, i) => [t.id, i]))
  const V = design.workloads.reduce((n, w) => n + w.count, 0)
  const vmIds: string[] = new Array<string>(V)
  const vmWorkload = new Int32Array(V)
  const vmTenant = new Int32Array(V)
  const vmMips = new Float64Array(V)
  const vmPes = new Int32Array(V)
  const vmMemMiB = new Float64Array(V)
  const vmBwMbps = new Float64Array(V)
  const vmDiskGiB = new Float64Array(V)
  let v = 0
  design.workloads.forEach((w, wi) => {
    for (let i = 0; i < w.count; i++, v++) {
      vmIds[v] = `${w.id}#${i}`
      vmWorkload[v] = wi
      vmTenant[v] = tenantIndex.get(w.tenantId) ?? -1
      vmMips[v] = w.mipsPerVcpu
      vmPes[v] = w.vcpus
      vmMemMiB[v] = w.memoryMiB
      vmBwMbps[v] = w.reservedBandwidthMbps
      vmDiskGiB[v] = w.diskGiB
    }
  })
  const keepHistory = policy.kind === 'migration' && policy.detector !== 'thr'
  const entries: HostEntries[] = []
  for (let h = 0; h < H; h++)
    entries.push({ vm: [], reqPe: [], allocPe: [], migIn: [], memMiB: [], bwMbps: [] })
  return {
    compat,
    ...(compat ? {} : { rules: buildPlacementRules(design, vmWorkload, vmTenant) }),
    policy,
    stepS: sim.stepS,
    horizonS: sim.horizonS,
    offsetS: compat ? 0.1 : 0,
    hostCount: H,
    hostIds: design.hosts.map((h) => h.id),
    hostPes,
    hostPeMips,
    hostTotalMips,
    hostMemMiB,
    hostBwMbps,
    hostNicGbps,
    hostMaxInstances,
    hostInterference,
    hostStartTimeS,
    curves,
    hostOverheads: design.hosts.map((h) => overheadsFor(h)),
    hostAvail: Float64Array.from(hostTotalMips),
    hostMemUsed: new Float64Array(H),
    hostBwUsed: new Float64Array(H),
    hostUtilMips: new Float64Array(H),
    hostPrevUtilMips: new Float64Array(H),
    hostDown,
    hostPowerW: new Float64Array(H),
    hostPowerSinceS: new Float64Array(H),
    hostPhysMemMiB: Float64Array.from(design.hosts, (h) => h.memoryMiB),
    hostMemInUseMiB: new Float64Array(H),
    hostMemPressureMiB: new Float64Array(H),
    entries,
    hostVersion: new Uint32Array(H),
    hostUpdatedS: new Float64Array(H).fill(-1),
    hostUpdatedVersion: new Uint32Array(H),
    epoch: 0,
    lag: createEntryLag(H),
    ...hostClasses(H, curves, hostPes, hostPeMips),
    keepHistory,
    idleHostsOn: !compat && !sim.switchOffIdleHosts,
    vmCount: V,
    vmIds,
    vmWorkload,
    vmTenant,
    vmMips,
    vmPes,
    vmMemMiB,
    vmBwMbps,
    vmDiskGiB,
    vmReqPe: new Float64Array(V),
    vmLastUpdateS: new Float64Array(V).fill(-1),
    vmHome: new Int32Array(V).fill(-1),
    vmInMig: new Uint8Array(V),
    vmInstantiating: new Uint8Array(V).fill(1),
    vmRemoved: new Uint8Array(V),
    vmDown: new Uint8Array(V),
    vmInitialHost: new Int32Array(V).fill(-1),
    vmHist: new Float64Array(keepHistory ? V * HIST_STRIDE : 0),
    vmHistLen: new Uint8Array(V),
    vmHistPrevS: new Float64Array(V),
    vmHistPushes: new Float64Array(V),
    demand: buildDemand(design, vmWorkload, seed),
    // issue 15 (perf15a): the processing pass prepares instances in instance order.
    vmNow: new Float64Array(2 * V),
    vmMark: new Uint8Array(V),
  }
}

function hostClasses(
  H: number,
  curves: Float64Array,
  pes: Int32Array,
  peMips: Float64Array,
): { hostClass: Int32Array; classCount: number } {
  const keys = new Map<string, number>()
  const hostClass = new Int32Array(H)
  for (let h = 0; h < H; h++) {
    const key = `${pes[h]}|${peMips[h]}|${Array.from(curves.subarray(h * 11, h * 11 + 11)).join(',')}`
    let c = keys.get(key)
    if (c === undefined) {
      c = keys.size
      keys.set(key, c)
    }
    hostClass[h] = c
  }
  return { hostClass, classCount: keys.size }
}

/** Memory instance `v` holds on host `h` (its RAM plus the host kind's per-instance overhead). */
export function memoryCostMiB(s: SimState, v: number, h: number): number {
  const mem = s.vmMemMiB[v] as number
  if (s.compat) return mem
  return (
    mem + memoryOverheadMiB(s.hostOverheads[h] as EffectiveOverheads, s.vmPes[v] as number, mem)
  )
}
