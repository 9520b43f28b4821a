/**
 * One storage system at one instant: the I/O its tenants ask of it, shared by the system's
 * policy (`qos-allocation.ts`), turned into utilization, queueing latency and power.
 *
 * Every claim is accounted in capacity consumed: a front-end write costs the system's write
 * factor (replication N, or (k + m) / k; `replication.ts`), a read costs 1. A tenant's QoS
 * minimum and limit are front-end figures (as SolidFire's and Cinder's are per volume) and are
 * converted to consumed capacity with the tenant's own mix of reads and writes, so shares are
 * fair in what the system spends, as mClock charges each request its cost (§13d, [S60]).
 * IOPS and throughput are shared independently (Cinder sets `total_iops_sec` and
 * `total_bytes_sec` apart; §13d, [S61]); a tenant served fewer IOPS than asked is not also
 * served less bandwidth, a simplification.
 */
import { allocateCapacity, type CapacityClaim, type StorageSharingPolicy } from './qos-allocation'
import { queueingLatencyMs } from './queueing-latency'
import { consumed } from './replication'
import { storagePowerW } from './storage-power'

/** What the model needs of a storage system. */
export interface StorageSystemSpec {
  /** Saturation IOPS of the system (its `iops` in the design). */
  iopsCapacity: number
  /** Saturation throughput, MB/s. */
  throughputCapacityMBps: number
  /** Operations (bytes) performed per front-end write. */
  writeFactor: number
  /** Mean service time at no load, ms (S of the queueing curve). */
  serviceMs: number
  policy: StorageSharingPolicy
  /** Power at idle and at full load, W (absent: the system's power is not modelled). */
  idleW?: number
  loadW?: number
}

/** Per-tenant QoS on one system, front-end figures (each optional). */
export interface StorageQos {
  minIops?: number
  maxIops?: number
  minMBps?: number
  maxMBps?: number
  /** Share weight (SIOC low 500, normal 1,000, high 2,000). */
  weight?: number
}

/** The front-end I/O one tenant asks of one system now. */
export interface TenantIo {
  readIops: number
  writeIops: number
  readMBps: number
  writeMBps: number
  qos?: StorageQos
}

/** What one system serves now. */
export interface SystemShare {
  /** Front-end IOPS / MB/s served per tenant claim (same order as the input). */
  servedIops: Float64Array
  servedMBps: Float64Array
  /** Capacity consumed / capacity, 0..1 (served). */
  iopsUtilization: number
  throughputUtilization: number
  /** Offered load (demand consumed / capacity, may exceed 1): the U of the latency curve. */
  offeredUtilization: number
  latencyMs: number
  /** Power drawn now, W (0 when the system's power is not modelled). */
  powerW: number
}

function claimsOf(
  io: readonly TenantIo[],
  factor: number,
  read: (t: TenantIo) => number,
  write: (t: TenantIo) => number,
  min: (q: StorageQos) => number | undefined,
  max: (q: StorageQos) => number | undefined,
): { claims: CapacityClaim[]; cost: Float64Array; offered: number } {
  const cost = new Float64Array(io.length)
  let offered = 0
  const claims = io.map((t, i) => {
    const front = read(t) + write(t)
    const demand = consumed(read(t), write(t), factor)
    offered += demand
    const c = front > 0 ? demand / front : 1
    cost[i] = c
    const q = t.qos
    const claim: CapacityClaim = { demand }
    const lo = q ? min(q) : undefined
    const hi = q ? max(q) : undefined
    if (lo !== undefined) claim.minimum = lo * c
    if (hi !== undefined) claim.limit = hi * c
    if (q?.weight !== undefined) claim.weight = q.weight
    return claim
  })
  return { claims, cost, offered }
}

function ratio(x: number, capacity: number): number {
  return capacity > 0 ? x / capacity : x > 0 ? Number.POSITIVE_INFINITY : 0
}

/**
 * Shares system `spec` among tenant claims `io` (front-end I/O). A failed system is passed with
 * zero capacities: it serves nothing and draws nothing (the caller sets power to 0).
 */
export function shareSystem(spec: StorageSystemSpec, io: readonly TenantIo[]): SystemShare {
  const f = spec.writeFactor
  const ops = claimsOf(
    io,
    f,
    (t) => t.readIops,
    (t) => t.writeIops,
    (q) => q.minIops,
    (q) => q.maxIops,
  )
  const bytes = claimsOf(
    io,
    f,
    (t) => t.readMBps,
    (t) => t.writeMBps,
    (q) => q.minMBps,
    (q) => q.maxMBps,
  )
  const gotOps = allocateCapacity(spec.iopsCapacity, ops.claims, spec.policy)
  const gotBytes = allocateCapacity(spec.throughputCapacityMBps, bytes.claims, spec.policy)
  const servedIops = new Float64Array(io.length)
  const servedMBps = new Float64Array(io.length)
  let usedOps = 0
  let usedBytes = 0
  for (let i = 0; i < io.length; i++) {
    usedOps += gotOps[i] as number
    usedBytes += gotBytes[i] as number
    servedIops[i] = (gotOps[i] as number) / (ops.cost[i] as number)
    servedMBps[i] = (gotBytes[i] as number) / (bytes.cost[i] as number)
  }
  const iopsUtilization = Math.min(1, ratio(usedOps, spec.iopsCapacity))
  const throughputUtilization = Math.min(1, ratio(usedBytes, spec.throughputCapacityMBps))
  const offeredUtilization = Math.max(
    ratio(ops.offered, spec.iopsCapacity),
    ratio(bytes.offered, spec.throughputCapacityMBps),
  )
  const powerW =
    spec.idleW !== undefined
      ? storagePowerW(
          spec.idleW,
          spec.loadW ?? spec.idleW,
          Math.max(iopsUtilization, throughputUtilization),
        )
      : 0
  return {
    servedIops,
    servedMBps,
    iopsUtilization,
    throughputUtilization,
    offeredUtilization,
    latencyMs: queueingLatencyMs(spec.serviceMs, offeredUtilization),
    powerW,
  }
}
