/**
 * Adds and removes one instance's demand to and from the running state. `applyPlacement` and
 * `removePlacement` are exact inverses on every integer figure (vCPU milli, MiB, counts).
 */
import type { Workload } from '../../../shared/design/schema'
import type { EffectiveOverheads } from '../virtualization'
import { instanceDemand, type HostCapacity, type InstanceDemand } from './capacity'
import { workloadOfInstance, type SchedulerState } from './state'

const scratch: InstanceDemand = {
  vcpuMilli: 0,
  memoryMiB: 0,
  diskGiB: 0,
  mips: 0,
  bandwidthMbps: 0,
}

/**
 * Effective demand of one instance of workload `w` on host `h` (a shared scratch object).
 * Cached per host profile for the last workload asked about.
 */
export function demandOn(st: SchedulerState, w: number, h: number): InstanceDemand {
  if (st.demW !== w) fillDemand(st, w)
  const p = st.hostProfile[h] ?? 0
  scratch.vcpuMilli = st.demVcpuMilli[p] ?? 0
  scratch.memoryMiB = st.demMemMiB[p] ?? 0
  scratch.diskGiB = st.demDiskGiB[p] ?? 0
  scratch.mips = st.demMips[p] ?? 0
  scratch.bandwidthMbps = st.workloads[w]?.reservedBandwidthMbps ?? 0
  return scratch
}

function fillDemand(st: SchedulerState, w: number): void {
  const wl = st.workloads[w]
  if (!wl) throw new Error(`no workload at index ${w}`)
  st.profileHost.forEach((h, p) => {
    const d = instanceDemand(
      wl,
      st.over[h] as EffectiveOverheads,
      st.cap[h] as HostCapacity,
      scratch,
    )
    st.demVcpuMilli[p] = d.vcpuMilli
    st.demMemMiB[p] = d.memoryMiB
    st.demDiskGiB[p] = d.diskGiB
    st.demMips[p] = d.mips
  })
  st.demW = w
}

/** Raw storage an instance of `w` takes from system `s`: disk x replication, GiB. */
export function storageNeedGiB(st: SchedulerState, w: number, s: number): number {
  return (st.workloads[w]?.diskGiB ?? 0) * (st.storage[s]?.replication ?? 1)
}

/** Outcome codes of `pickStorage` below 0: -1 none needed, -2 unreachable, -3 full, -4 no IOPS. */
export const STORAGE_NONE = -1
export const STORAGE_UNREACHABLE = -2
export const STORAGE_FULL = -3
export const STORAGE_NO_IOPS = -4

/**
 * The storage system an instance of `w` on host `h` would use: the first reachable one (in id
 * order) serving the workload's class with room and IOPS left, or a negative code.
 */
export function pickStorage(st: SchedulerState, w: number, h: number): number {
  const wl = st.workloads[w] as Workload
  const cls = wl.storageClass
  if (cls === undefined) return STORAGE_NONE
  let outcome = STORAGE_UNREACHABLE
  for (const s of st.reach[h] ?? []) {
    const sys = st.storage[s]
    if (!sys || !sys.classes.includes(cls)) continue
    if ((st.storageFreeGiB[s] ?? 0) < storageNeedGiB(st, w, s)) {
      outcome = STORAGE_FULL
      st.storageRefused[s] = 1
      continue
    }
    if ((st.storageFreeIops[s] ?? 0) < wl.iops) {
      if (outcome === STORAGE_UNREACHABLE) outcome = STORAGE_NO_IOPS
      st.storageRefused[s] = 1
      continue
    }
    return s
  }
  return outcome
}

function combine(a: number, b: number): number {
  if (a === -1) return b
  if (b === -1 || a === b) return a
  return -2
}

/** Records instance `k` (of workload `w`) on host `h`, using storage system `s` (or -1). */
export function applyPlacement(
  st: SchedulerState,
  k: number,
  w: number,
  h: number,
  s: number,
): void {
  const d = demandOn(st, w, h)
  const wl = st.workloads[w] as Workload
  const t = st.workloadTenant[w] ?? -1
  const r = st.hostRack[h] ?? -1
  st.usedVcpuMilli[h] = (st.usedVcpuMilli[h] ?? 0) + d.vcpuMilli
  st.usedMemMiB[h] = (st.usedMemMiB[h] ?? 0) + d.memoryMiB
  st.usedDiskGiB[h] = (st.usedDiskGiB[h] ?? 0) + d.diskGiB
  st.usedInstances[h] = (st.usedInstances[h] ?? 0) + 1
  st.usedMips[h] = (st.usedMips[h] ?? 0) + d.mips
  st.usedBwMbps[h] = (st.usedBwMbps[h] ?? 0) + d.bandwidthMbps
  st.hostTenant[h] = combine(st.hostTenant[h] ?? -1, t)
  if (r >= 0) {
    st.rackUsedBwMbps[r] = (st.rackUsedBwMbps[r] ?? 0) + d.bandwidthMbps
    st.rackTenant[r] = combine(st.rackTenant[r] ?? -1, t)
  }
  st.hostInstances[h]?.push(k)
  if (s >= 0) {
    st.storageFreeGiB[s] = (st.storageFreeGiB[s] ?? 0) - storageNeedGiB(st, w, s)
    st.storageFreeIops[s] = (st.storageFreeIops[s] ?? 0) - wl.iops
  }
  if (t >= 0) {
    st.tenantInstances[t] = (st.tenantInstances[t] ?? 0) + 1
    st.tenantVcpus[t] = (st.tenantVcpus[t] ?? 0) + wl.vcpus
    st.tenantMemMiB[t] = (st.tenantMemMiB[t] ?? 0) + wl.memoryMiB
    st.tenantDiskGiB[t] = (st.tenantDiskGiB[t] ?? 0) + wl.diskGiB
  }
  st.instHost[k] = h
  st.instStorage[k] = s
  const g = st.groups[w]
  if (g) {
    g.placed++
    g.hosts.set(h, (g.hosts.get(h) ?? 0) + 1)
    if (r >= 0) g.racks.set(r, (g.racks.get(r) ?? 0) + 1)
  }
}

/** Removes instance `k` (of workload `w`) from wherever it is; no-op when not placed. */
export function removePlacement(st: SchedulerState, k: number, w: number): void {
  const h = st.instHost[k] ?? -1
  if (h < 0) return
  const s = st.instStorage[k] ?? -1
  const d = demandOn(st, w, h)
  const wl = st.workloads[w] as Workload
  const t = st.workloadTenant[w] ?? -1
  const r = st.hostRack[h] ?? -1
  st.usedVcpuMilli[h] = (st.usedVcpuMilli[h] ?? 0) - d.vcpuMilli
  st.usedMemMiB[h] = (st.usedMemMiB[h] ?? 0) - d.memoryMiB
  st.usedDiskGiB[h] = (st.usedDiskGiB[h] ?? 0) - d.diskGiB
  st.usedInstances[h] = (st.usedInstances[h] ?? 0) - 1
  st.usedMips[h] = (st.usedMips[h] ?? 0) - d.mips
  st.usedBwMbps[h] = (st.usedBwMbps[h] ?? 0) - d.bandwidthMbps
  const list = st.hostInstances[h] ?? []
  list.splice(list.indexOf(k), 1)
  let ht = -1
  for (const other of list) ht = combine(ht, st.workloadTenant[workloadOfInstance(st, other)] ?? -1)
  st.hostTenant[h] = ht
  if (r >= 0) {
    st.rackUsedBwMbps[r] = (st.rackUsedBwMbps[r] ?? 0) - d.bandwidthMbps
    let rt = -1
    for (const other of st.rackHosts[r] ?? []) rt = combine(rt, st.hostTenant[other] ?? -1)
    st.rackTenant[r] = rt
  }
  if (s >= 0) {
    st.storageFreeGiB[s] = (st.storageFreeGiB[s] ?? 0) + storageNeedGiB(st, w, s)
    st.storageFreeIops[s] = (st.storageFreeIops[s] ?? 0) + wl.iops
  }
  if (t >= 0) {
    st.tenantInstances[t] = (st.tenantInstances[t] ?? 0) - 1
    st.tenantVcpus[t] = (st.tenantVcpus[t] ?? 0) - wl.vcpus
    st.tenantMemMiB[t] = (st.tenantMemMiB[t] ?? 0) - wl.memoryMiB
    st.tenantDiskGiB[t] = (st.tenantDiskGiB[t] ?? 0) - wl.diskGiB
  }
  st.instHost[k] = -1
  st.instStorage[k] = -1
  const g = st.groups[w]
  if (g) {
    g.placed--
    decrement(g.hosts, h)
    if (r >= 0) decrement(g.racks, r)
  }
}

function decrement(map: Map<number, number>, key: number): void {
  const n = (map.get(key) ?? 0) - 1
  if (n <= 0) map.delete(key)
  else map.set(key, n)
}
