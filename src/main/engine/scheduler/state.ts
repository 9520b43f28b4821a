/**
 * The scheduler's working state: the design's hosts, racks, storage, tenants and workloads
 * as indexed arrays (sorted by id, so iteration is in id order), their static capacity, and
 * the running usage that placements add to. Typed arrays keep the hot path allocation-free.
 */
import type { Design, Host, Storage, Tenant, Workload } from '../../../shared/design/schema'
import { overheadsFor, type EffectiveOverheads } from '../virtualization'
import { hostCapacity, type HostCapacity } from './capacity'
import { rackUplinkMbps, storageReach } from './topology'

const byId = <T extends { id: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

/** Placement bookkeeping of one workload's instances (its affinity group). */
export interface GroupState {
  placed: number
  hosts: Map<number, number>
  racks: Map<number, number>
}

export interface SchedulerState {
  design: Design
  hosts: Host[]
  hostIndex: Map<string, number>
  hostRack: Int32Array
  hostState: Array<Host['state']>
  over: EffectiveOverheads[]
  cap: HostCapacity[]
  /** Hosts with identical overheads and capacity share a profile (demand is cached per profile). */
  hostProfile: Int32Array
  profileHost: number[]
  /** Demand cache: workload it holds (-1 none) and per-profile figures. */
  demW: number
  demVcpuMilli: Float64Array
  demMemMiB: Float64Array
  demDiskGiB: Float64Array
  demMips: Float64Array
  /** Tie-break rank per host (lower wins). */
  rank: Int32Array
  /** 11-point power curves, flattened (host h at h * 11). */
  powerW: Float64Array
  maxPeakW: number
  rackIds: string[]
  rackHosts: number[][]
  rackUplinkMbps: Float64Array
  storage: Storage[]
  storageIndex: Map<string, number>
  reach: number[][]
  tenants: Tenant[]
  tenantIndex: Map<string, number>
  /** 0 shared, 1 dedicated-hosts, 2 dedicated-racks. */
  tenantPolicy: Uint8Array
  workloads: Workload[]
  workloadIndex: Map<string, number>
  workloadTenant: Int32Array
  /** First instance index of each workload; instance index = offset + i. */
  instOffset: Int32Array
  instanceCount: number
  // ---- running state ----
  usedVcpuMilli: Float64Array
  usedMemMiB: Float64Array
  usedDiskGiB: Float64Array
  usedInstances: Int32Array
  usedMips: Float64Array
  usedBwMbps: Float64Array
  rackUsedBwMbps: Float64Array
  /** -1 empty, -2 several tenants, else the one tenant's index. */
  hostTenant: Int32Array
  rackTenant: Int32Array
  hostInstances: number[][]
  storageFreeGiB: Float64Array
  storageFreeIops: Float64Array
  /** 1 once a system serving a class was found without room or IOPS for some request. */
  storageRefused: Uint8Array
  tenantInstances: Float64Array
  tenantVcpus: Float64Array
  tenantMemMiB: Float64Array
  tenantDiskGiB: Float64Array
  /** Host of each instance, -1 when not placed. */
  instHost: Int32Array
  /** Storage system of each instance, -1 when none. */
  instStorage: Int32Array
  groups: Array<GroupState | undefined>
  /** Hosts excluded by the caller of the current request (1 = excluded). */
  excluded: Uint8Array
  switchOffIdle: boolean
}

/** Builds the state of `design` with nothing placed. */
export function buildState(design: Design, rank?: Int32Array): SchedulerState {
  const hosts = byId(design.hosts)
  const racks = byId(design.racks)
  const storage = byId(design.storage)
  const tenants = byId(design.tenants)
  const workloads = byId(design.workloads)
  const H = hosts.length
  const rackIndex = new Map(racks.map((r, i) => [r.id, i]))
  const hostRack = new Int32Array(H)
  const rackHosts: number[][] = racks.map(() => [])
  const over = hosts.map((h) => overheadsFor(h))
  const cap: HostCapacity[] = []
  const powerW = new Float64Array(H * 11)
  const nicByRack = new Array<number>(racks.length).fill(0)
  let maxPeakW = 1
  hosts.forEach((host, h) => {
    const r = host.rackId === undefined ? -1 : (rackIndex.get(host.rackId) ?? -1)
    hostRack[h] = r
    if (r >= 0) {
      rackHosts[r]?.push(h)
      nicByRack[r] = (nicByRack[r] ?? 0) + host.nicGbps * 1000
    }
    cap.push(hostCapacity(host, r >= 0 ? racks[r] : undefined, over[h] as EffectiveOverheads))
    for (let k = 0; k < 11; k++) powerW[h * 11 + k] = host.powerCurveW[k] ?? 0
    maxPeakW = Math.max(maxPeakW, ...host.powerCurveW)
  })
  const hostProfile = new Int32Array(H)
  const profileHost: number[] = []
  const profileKeys = new Map<string, number>()
  const overId = new Map<EffectiveOverheads, number>()
  hosts.forEach((_, h) => {
    const o = over[h] as EffectiveOverheads
    const c = cap[h] as HostCapacity
    let oid = overId.get(o)
    if (oid === undefined) overId.set(o, (oid = overId.size))
    const key = `${oid}|${c.vcpuMilli}|${c.memoryMiB}|${c.diskGiB}|${c.maxInstances}|${c.nicMbps}|${c.totalMips}`
    let p = profileKeys.get(key)
    if (p === undefined) {
      p = profileHost.length
      profileKeys.set(key, p)
      profileHost.push(h)
    }
    hostProfile[h] = p
  })
  const P = profileHost.length
  const instOffset = new Int32Array(workloads.length + 1)
  workloads.forEach((w, i) => (instOffset[i + 1] = (instOffset[i] ?? 0) + w.count))
  const N = instOffset[workloads.length] ?? 0
  const tenantIndex = new Map(tenants.map((t, i) => [t.id, i]))
  const policy = { shared: 0, 'dedicated-hosts': 1, 'dedicated-racks': 2 } as const
  return {
    design,
    hosts,
    hostIndex: new Map(hosts.map((h, i) => [h.id, i])),
    hostRack,
    hostState: hosts.map((h) => h.state),
    over,
    cap,
    hostProfile,
    profileHost,
    demW: -1,
    demVcpuMilli: new Float64Array(P),
    demMemMiB: new Float64Array(P),
    demDiskGiB: new Float64Array(P),
    demMips: new Float64Array(P),
    rank: rank ?? Int32Array.from(hosts, (_, i) => i),
    powerW,
    maxPeakW,
    rackIds: racks.map((r) => r.id),
    rackHosts,
    rackUplinkMbps: rackUplinkMbps(
      design,
      racks.map((r) => r.id),
      nicByRack,
    ),
    storage,
    storageIndex: new Map(storage.map((s, i) => [s.id, i])),
    reach: storageReach(
      design,
      hosts.map((h) => h.id),
      storage.map((s) => s.id),
    ),
    tenants,
    tenantIndex,
    tenantPolicy: Uint8Array.from(tenants, (t) => policy[t.isolation]),
    workloads,
    workloadIndex: new Map(workloads.map((w, i) => [w.id, i])),
    workloadTenant: Int32Array.from(workloads, (w) => tenantIndex.get(w.tenantId) ?? -1),
    instOffset,
    instanceCount: N,
    usedVcpuMilli: new Float64Array(H),
    usedMemMiB: new Float64Array(H),
    usedDiskGiB: new Float64Array(H),
    usedInstances: new Int32Array(H),
    usedMips: new Float64Array(H),
    usedBwMbps: new Float64Array(H),
    rackUsedBwMbps: new Float64Array(racks.length),
    hostTenant: new Int32Array(H).fill(-1),
    rackTenant: new Int32Array(racks.length).fill(-1),
    hostInstances: hosts.map(() => []),
    storageFreeGiB: Float64Array.from(storage, (s) => s.capacityGiB),
    storageFreeIops: Float64Array.from(storage, (s) => s.iops),
    storageRefused: new Uint8Array(storage.length),
    tenantInstances: new Float64Array(tenants.length),
    tenantVcpus: new Float64Array(tenants.length),
    tenantMemMiB: new Float64Array(tenants.length),
    tenantDiskGiB: new Float64Array(tenants.length),
    instHost: new Int32Array(N).fill(-1),
    instStorage: new Int32Array(N).fill(-1),
    groups: workloads.map(() => undefined),
    excluded: new Uint8Array(H),
    switchOffIdle: design.simulation.switchOffIdleHosts,
  }
}

/** The `${workload.id}#${i}` id of instance index `k`. */
export function instanceId(st: SchedulerState, k: number): string {
  const w = workloadOfInstance(st, k)
  return `${st.workloads[w]?.id ?? '?'}#${k - (st.instOffset[w] ?? 0)}`
}

/** Workload index of instance index `k` (binary search over offsets). */
export function workloadOfInstance(st: SchedulerState, k: number): number {
  let lo = 0
  let hi = st.workloads.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if ((st.instOffset[mid] ?? 0) <= k) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Instance index of `${workload.id}#${i}`, or -1. */
export function instanceIndex(st: SchedulerState, id: string): number {
  const hash = id.lastIndexOf('#')
  if (hash < 0) return -1
  const w = st.workloadIndex.get(id.slice(0, hash))
  const digits = id.slice(hash + 1)
  if (w === undefined || !/^(0|[1-9]\d*)$/.test(digits)) return -1
  const i = Number(digits)
  const wl = st.workloads[w] as Workload
  return i < wl.count ? (st.instOffset[w] ?? 0) + i : -1
}
