/**
 * Time series sampled at every scheduling instant: total power, active hosts, per-host
 * utilization / power / instance count (optional: large designs can skip them), per-rack mean
 * utilization and hosts up (always: what large designs show instead), and per-tenant vCPUs,
 * CPU asked for and received, and the bill accumulated so far. Memory in use and memory
 * pressure are sampled per host (with the per-host series) and per tenant: a host's pressure
 * is shared among its instances in proportion to the memory each uses.
 */
import { BILLING_MONTH_S } from '../../../shared/domain/bill-line'
import type { Design } from '../../../shared/design/schema'
import { hostUtil } from './host-cpu'
import { P_ALLOC, P_MEM, P_REQ, VM_ROW, type Metrics } from './metrics'
import { hostPowerNowW } from './energy'
import { powerAt } from './power'
import type { HostEntries, SimState } from './state'

export interface SeriesBuffer {
  hostSeries: boolean
  timesS: number[]
  totalPowerW: number[]
  activeHosts: number[]
  hostUtil: number[][]
  hostPowerW: number[][]
  hostInstances: number[][]
  /** Per host: memory in use by resident instances, MiB, and the part beyond physical memory. */
  hostMemInUseMiB: number[][]
  hostMemPressureMiB: number[][]
  /** Rack ids in design order, and each host's index into them (-1: in no rack). */
  rackIds: string[]
  hostRack: Int32Array
  /** Per rack: mean utilization of its hosts (a down host counts as 0), hosts not down. */
  rackUtil: number[][]
  rackUp: number[][]
  tenantVcpus: number[][]
  tenantAlloc: number[][]
  tenantReq: number[][]
  tenantCost: number[][]
  /** Per tenant: memory its running instances use, MiB, and its share of hosts' pressure, MiB. */
  tenantMemInUseMiB: number[][]
  tenantMemPressureMiB: number[][]
  /** Running bill per tenant and the time it was last charged. */
  cost: Float64Array
  /** Per tenant: the bill's rate (currency per second) of the state at the last charge. */
  ratePerS: Float64Array
  /** Whether the state changed since `ratePerS` was taken (the next charge takes it afresh). */
  rateStale: boolean
  lastS: number
  /**
   * Per tenant, currency per unit: vCPU-second, GiB-second of memory and of storage, provisioned
   * IOPS-second (0 when the tenant has no IOPS price), and GB sent (0 when no transfer price).
   */
  rates: Array<{
    used: boolean
    vcpuS: number
    memGiBS: number
    diskGiBS: number
    iopsS: number
    transferGB: number
  }>
  /** Per instance: the provisioned IOPS its workload declares. */
  vmIops: Float64Array
}

export function createSeries(design: Design, s: SimState, hostSeries: boolean): SeriesBuffer {
  const H = hostSeries ? s.hostCount : 0
  const T = design.tenants.length
  const arrays = (n: number): number[][] => Array.from({ length: n }, () => [])
  const rackIds = design.racks.map((r) => r.id)
  const rackIndex = new Map(rackIds.map((id, i) => [id, i]))
  const hostRack = new Int32Array(s.hostCount).fill(-1)
  const hostById = new Map(design.hosts.map((h) => [h.id, h]))
  for (let h = 0; h < s.hostCount; h++) {
    const rackId = hostById.get(s.hostIds[h] as string)?.rackId
    hostRack[h] = rackId !== undefined ? (rackIndex.get(rackId) ?? -1) : -1
  }
  return {
    rackIds,
    hostRack,
    rackUtil: arrays(rackIds.length),
    rackUp: arrays(rackIds.length),
    hostSeries,
    timesS: [],
    totalPowerW: [],
    activeHosts: [],
    hostUtil: arrays(H),
    hostPowerW: arrays(H),
    hostInstances: arrays(H),
    hostMemInUseMiB: arrays(H),
    hostMemPressureMiB: arrays(H),
    tenantVcpus: arrays(T),
    tenantAlloc: arrays(T),
    tenantReq: arrays(T),
    tenantCost: arrays(T),
    tenantMemInUseMiB: arrays(T),
    tenantMemPressureMiB: arrays(T),
    cost: new Float64Array(T),
    ratePerS: new Float64Array(T),
    rateStale: false,
    lastS: 0,
    rates: design.tenants.map((t) => ({
      used: t.pricing.basis === 'used',
      vcpuS: t.pricing.vcpuHour / 3600,
      memGiBS: t.pricing.memoryGiBHour / 3600,
      diskGiBS: t.pricing.storageGiBMonth / BILLING_MONTH_S,
      iopsS: (t.pricing.provisionedIopsMonth ?? 0) / BILLING_MONTH_S,
      transferGB: t.pricing.transferGB ?? 0,
    })),
    vmIops: Float64Array.from(
      { length: s.vmCount },
      (_x, v) => design.workloads[s.vmWorkload[v] as number]?.iops ?? 0,
    ),
  }
}

/**
 * Appends one sample at `tS`. `networkGbSent`: per tenant (design order), the GB its instances
 * sent and had delivered up to `tS` (the network run's accounts; omitted when the run models no
 * traffic), billed into the cost series at the tenant's `transferGB` price as the bill's
 * `network-gb` line is (`network/bill.ts`).
 */
export function sampleSeries(
  b: SeriesBuffer,
  s: SimState,
  m: Metrics,
  tS: number,
  networkGbSent?: ArrayLike<number>,
): void {
  const npa = s.policy.kind === 'npa'
  let total = 0
  let active = 0
  const R = b.rackIds.length
  const rackSum = new Float64Array(R)
  const rackHosts = new Int32Array(R)
  const rackUp = new Int32Array(R)
  for (let h = 0; h < s.hostCount; h++) {
    const down = s.hostDown[h] === 1
    const u = down ? 0 : Math.min(1, hostUtil(s, h))
    const r = b.hostRack[h] as number
    if (r >= 0) {
      rackSum[r] = (rackSum[r] as number) + u
      rackHosts[r] = (rackHosts[r] as number) + 1
      if (!down) rackUp[r] = (rackUp[r] as number) + 1
    }
    let p: number
    if (!s.compat) {
      // General mode: the power the energy integral holds from this instant on.
      p = hostPowerNowW(s, h)
      if (p > 0) active++
    } else {
      p = down
        ? 0
        : npa
          ? (s.curves[h * 11 + 10] as number)
          : u > 0 || s.idleHostsOn
            ? powerAt(s.curves, h * 11, u)
            : 0
      if (u > 0) active++
    }
    total += p
    if (b.hostSeries) {
      ;(b.hostUtil[h] as number[]).push(u)
      ;(b.hostPowerW[h] as number[]).push(p)
      ;(b.hostInstances[h] as number[]).push((s.entries[h] as HostEntries).vm.length)
      ;(b.hostMemInUseMiB[h] as number[]).push(down ? 0 : (s.hostMemInUseMiB[h] as number))
      ;(b.hostMemPressureMiB[h] as number[]).push(down ? 0 : (s.hostMemPressureMiB[h] as number))
    }
  }
  for (let r = 0; r < R; r++) {
    const n = rackHosts[r] as number
    ;(b.rackUtil[r] as number[]).push(n > 0 ? (rackSum[r] as number) / n : 0)
    ;(b.rackUp[r] as number[]).push(rackUp[r] as number)
  }
  b.timesS.push(tS)
  b.totalPowerW.push(total)
  b.activeHosts.push(active)
  const T = b.rates.length
  const vcpus = new Float64Array(T)
  const alloc = new Float64Array(T)
  const req = new Float64Array(T)
  // A sampled instant charges the rate of the state as sampled until the next change. When the
  // bill is charged up to `tS` already (every instant but the closing one), the rate is taken
  // in the same pass over the instances as the sums (issue 15).
  const charged = !(tS - b.lastS > 0)
  if (charged) {
    b.rateStale = false
    b.ratePerS.fill(0)
  }
  for (let v = 0; v < s.vmCount; v++) {
    const t = s.vmTenant[v] as number
    if (t < 0) continue
    if (charged) addRate(b, s, m, v, t)
    if ((s.vmHome[v] as number) < 0) continue
    vcpus[t] = (vcpus[t] as number) + (s.vmPes[v] as number)
    alloc[t] = (alloc[t] as number) + (m.vm[v * VM_ROW + P_ALLOC] as number)
    req[t] = (req[t] as number) + (m.vm[v * VM_ROW + P_REQ] as number)
  }
  if (!charged) {
    chargeCost(b, s, m, tS)
    takeRate(b, s, m)
  }
  for (let t = 0; t < T; t++) {
    ;(b.tenantVcpus[t] as number[]).push(vcpus[t] as number)
    ;(b.tenantAlloc[t] as number[]).push(alloc[t] as number)
    ;(b.tenantReq[t] as number[]).push(req[t] as number)
    const networkCost = (networkGbSent?.[t] ?? 0) * (b.rates[t]?.transferGB ?? 0)
    ;(b.tenantCost[t] as number[]).push((b.cost[t] as number) + networkCost)
  }
  sampleTenantMemory(b, s)
}

/**
 * Charges each tenant's bill up to `tS` at the rate of the state after the last change, so the
 * series is charged exactly as the bill is (`result.ts`): vCPUs of resident instances (used
 * basis: CPU received), memory reserved by resident instances (used basis: memory in use), and
 * storage and provisioned IOPS of placed instances while resident or down (as provisioned), each
 * over the time it was held; the network's GB sent are added per sample (`sampleSeries`). Call it BEFORE changing state at `tS` (each event, the closing instant), and
 * `costStateChanged` after; the rate (a pass over every instance) is then taken only when
 * time moves on, not after every one of thousands of migrations at the same instants.
 */
export function chargeCost(b: SeriesBuffer, s: SimState, m: Metrics, tS: number): void {
  const T = b.rates.length
  const dt = tS - b.lastS
  if (!(dt > 0)) return
  if (b.rateStale) takeRate(b, s, m)
  for (let t = 0; t < T; t++) b.cost[t] = (b.cost[t] as number) + dt * (b.ratePerS[t] as number)
  b.lastS = tS
}

/** The state changed: the next charge takes the rate afresh (from the state then, unchanged since). */
export function costStateChanged(b: SeriesBuffer): void {
  b.rateStale = true
}

/**
 * Each tenant's bill rate (currency per second) of the current state. Exported for the test
 * that takes it eagerly after every event (`cost-series.test.ts`), the plain path.
 */
export function takeRate(b: SeriesBuffer, s: SimState, m: Metrics): void {
  b.rateStale = false
  b.ratePerS.fill(0)
  for (let v = 0; v < s.vmCount; v++) {
    const t = s.vmTenant[v] as number
    if (t >= 0) addRate(b, s, m, v, t)
  }
}

/** Adds instance `v`'s bill rate to its tenant `t`'s (`takeRate`, one instance). */
function addRate(b: SeriesBuffer, s: SimState, m: Metrics, v: number, t: number): void {
  const r = b.rates[t] as SeriesBuffer['rates'][number]
  const resident = (s.vmHome[v] as number) >= 0
  let rate = 0
  if (resident) {
    const vcpus = r.used
      ? (m.vm[v * VM_ROW + P_ALLOC] as number) / (s.vmMips[v] as number)
      : (s.vmPes[v] as number)
    const memMiB = r.used ? (m.vm[v * VM_ROW + P_MEM] as number) : (s.vmMemMiB[v] as number)
    rate += vcpus * r.vcpuS + (memMiB / 1024) * r.memGiBS
  }
  if (resident || s.vmDown[v] === 1)
    rate += (s.vmDiskGiB[v] as number) * r.diskGiBS + (b.vmIops[v] as number) * r.iopsS
  b.ratePerS[t] = (b.ratePerS[t] as number) + rate
}

/** Appends each tenant's memory in use and its share of its hosts' memory pressure, MiB. */
function sampleTenantMemory(b: SeriesBuffer, s: SimState): void {
  const T = b.rates.length
  const inUse = new Float64Array(T)
  const pressure = new Float64Array(T)
  for (let h = 0; h < s.hostCount; h++) {
    if (s.hostDown[h] === 1) continue
    const e = s.entries[h] as HostEntries
    const hostInUse = s.hostMemInUseMiB[h] as number
    const hostPressure = s.hostMemPressureMiB[h] as number
    for (let i = 0; i < e.vm.length; i++) {
      if (e.migIn[i] === 1) continue
      const v = e.vm[i] as number
      const t = s.vmTenant[v] as number
      if (t < 0) continue
      // Its pending entry's memory in use, read from the dense pair rather than the wide row
      // (equal at every sample: `vm-now.test.ts`).
      const mem = s.vmNow[2 * v + 1] as number
      inUse[t] = (inUse[t] as number) + mem
      if (hostPressure > 0 && hostInUse > 0)
        pressure[t] = (pressure[t] as number) + (hostPressure * mem) / hostInUse
    }
  }
  for (let t = 0; t < T; t++) {
    ;(b.tenantMemInUseMiB[t] as number[]).push(inUse[t] as number)
    ;(b.tenantMemPressureMiB[t] as number[]).push(pressure[t] as number)
  }
}
