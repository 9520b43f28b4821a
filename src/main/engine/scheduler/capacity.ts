/**
 * Allocatable capacity per host, Nova-style: `(total - reserved) x allocation ratio`, per
 * resource. Ratios come from the host, else its rack, else Nova's initial defaults
 * (`initial_cpu_allocation_ratio` 4.0, `initial_ram_allocation_ratio` 1.0). Disk is not
 * overcommitted. A native (bare-metal) host is never overcommitted: its one instance owns it.
 */
import type { Host, Rack, Workload } from '../../../shared/design/schema'
import {
  DEFAULT_CPU_ALLOCATION_RATIO,
  DEFAULT_MEMORY_ALLOCATION_RATIO,
} from '../../../shared/design/defaults'
import { effectiveVcpuMilli, memoryOverheadMiB, type EffectiveOverheads } from '../virtualization'

// One source for the defaults: the renderer's inspector shows the same numbers.
export { DEFAULT_CPU_ALLOCATION_RATIO, DEFAULT_MEMORY_ALLOCATION_RATIO }

/** What a host can hand out, after reservation and overcommit. */
export interface HostCapacity {
  /** Allocatable vCPUs x 1000 (integer). */
  vcpuMilli: number
  memoryMiB: number
  diskGiB: number
  maxInstances: number
  /** Usable NIC bandwidth after the kind's network throughput factor, Mbps. */
  nicMbps: number
  /** Physical CPU capacity, MIPS (for power estimates). */
  totalMips: number
  cpuAllocationRatio: number
  memoryAllocationRatio: number
}

/** Allocatable capacity of `host` (in `rack`, if any) under overheads `o`. */
export function hostCapacity(
  host: Host,
  rack: Rack | undefined,
  o: EffectiveOverheads,
): HostCapacity {
  const native = o.kind === 'native'
  const cpuRatio = native
    ? 1
    : (host.cpuAllocationRatio ?? rack?.cpuAllocationRatio ?? DEFAULT_CPU_ALLOCATION_RATIO)
  const memRatio = native
    ? 1
    : (host.memoryAllocationRatio ?? rack?.memoryAllocationRatio ?? DEFAULT_MEMORY_ALLOCATION_RATIO)
  const cores = host.sockets * host.coresPerSocket
  return {
    vcpuMilli: Math.floor(Math.max(0, cores - o.reservedCores) * cpuRatio * 1000),
    memoryMiB: Math.floor(Math.max(0, host.memoryMiB - o.reservedMemoryMiB) * memRatio),
    diskGiB: host.diskGiB,
    maxInstances: o.maxInstancesPerHost,
    nicMbps: host.nicGbps * 1000 * o.networkThroughputFactor,
    totalMips: cores * host.mipsPerCore,
    cpuAllocationRatio: cpuRatio,
    memoryAllocationRatio: memRatio,
  }
}

/** What one instance takes from a host, overheads included. */
export interface InstanceDemand {
  vcpuMilli: number
  memoryMiB: number
  /** Host-local disk (0 when the workload's disk comes from a storage class). */
  diskGiB: number
  mips: number
  bandwidthMbps: number
}

/**
 * Effective demand of one instance of `w` on a host with overheads `o` and capacity `cap`.
 * On a native host the instance owns the whole host, so it takes all of its capacity.
 */
export function instanceDemand(
  w: Workload,
  o: EffectiveOverheads,
  cap: HostCapacity,
  out: InstanceDemand,
): InstanceDemand {
  const localDisk = w.storageClass ? 0 : w.diskGiB
  if (o.kind === 'native') {
    out.vcpuMilli = Math.max(cap.vcpuMilli, w.vcpus * 1000)
    out.memoryMiB = Math.max(cap.memoryMiB, w.memoryMiB)
    out.diskGiB = Math.max(cap.diskGiB, localDisk)
  } else {
    out.vcpuMilli = effectiveVcpuMilli(o, w.vcpus)
    out.memoryMiB = Math.ceil(w.memoryMiB) + memoryOverheadMiB(o, w.vcpus, w.memoryMiB)
    out.diskGiB = localDisk
  }
  out.mips = w.vcpus * w.mipsPerVcpu * (1 + o.cpuOverheadPercent / 100)
  out.bandwidthMbps = w.reservedBandwidthMbps
  return out
}
