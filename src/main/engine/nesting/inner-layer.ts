/**
 * What a layer inside an instance costs: the defaults of each inner layer kind, and the room an
 * outer instance (a VM) leaves for the instances inside it. Figures from the team's survey
 * NESTED_NETWORK_STORAGE.md (§11, §15a; source tags [S33]..[S47] listed in ./SOURCES.md) and
 * the virtualization defaults table (../virtualization/kinds.ts).
 *
 * Percentages are slowdowns relative to the layer below; layers compound by multiplying
 * (1 + overhead) (§15 preamble).
 */
import type { InnerLayerKind } from '../../../shared/design/nesting-kinds'
import type { InnerLayer } from '../../../shared/design/nesting'
import type { Workload } from '../../../shared/design/schema'
import { KIND_DEFAULTS } from '../virtualization'

/** Defaults of one inner layer kind. Units are in the names. */
export interface InnerLayerDefaults {
  /** CPU slowdown of each inner instance relative to its outer instance, percent. */
  cpuOverheadPercent: number
  /** Memory each inner instance costs inside the outer one, beyond its RAM: fixed + per vCPU + % of RAM. */
  memFixedMiB: number
  memPerVcpuMiB: number
  memPercent: number
  /** Reserve the guest kernel / node agent keeps in each outer instance: fixed + % of the outer's size. */
  reservedVcpuMilliFixed: number
  reservedVcpuPercent: number
  reservedMemoryMiBFixed: number
  reservedMemoryPercent: number
  /** Disk / network throughput factor of this layer (x the layer below). */
  ioThroughputFactor: number
  /** Start time of an inner instance, seconds. */
  startTimeS: number
  /** Slowdown behind this layer when the neighbours keep the whole machine busy (0..1; scales with their share). */
  interferenceCoefficient: number
}

/**
 * The table. Sources:
 * - `os` (containers in a VM): the container column of the virtualization table (1 % CPU,
 *   20 MiB, I/O as native [S1][S31]) applied on top of the VM's, plus the Kubernetes node
 *   reserve of GKE on VMware [S43]: 80 millicores + 1 % of the CPU, 330 MiB + 5 % of the
 *   memory + 100 MiB eviction threshold (§15a "Container in a VM").
 * - `hvm` (a hypervisor inside a VM, L2 over L1): 10 % CPU per extra level (GCE >= 10 %
 *   [S36]; Turtles 6-8 % best case [S33]); I/O throughput x0.5 per level (judgement from
 *   [S35][S40]); L1 pays the normal per-VM memory overhead of each L2 in its own RAM (the hvm
 *   formula, [S10]); L1's own reservation as a type-1 hvm host's (2048 MiB [S12][S13]).
 * - `bt` inside a VM: binary translation needs no VT-x, so it nests anywhere; CPU, memory and
 *   reservation as a bt host's, I/O x0.5 like any extra emulated level (judgement).
 * - `pv` inside a VM: a paravirtualizing hypervisor's defaults, I/O x0.5 (judgement).
 */
export const INNER_LAYER_DEFAULTS: Readonly<Record<InnerLayerKind, Readonly<InnerLayerDefaults>>> =
  {
    os: {
      cpuOverheadPercent: KIND_DEFAULTS.os.cpuOverheadPercent,
      memFixedMiB: KIND_DEFAULTS.os.memFixedMiB,
      memPerVcpuMiB: 0,
      memPercent: 0,
      reservedVcpuMilliFixed: 80,
      reservedVcpuPercent: 1,
      reservedMemoryMiBFixed: 330 + 100,
      reservedMemoryPercent: 5,
      ioThroughputFactor: 1 - KIND_DEFAULTS.os.ioOverheadPercent / 100,
      startTimeS: KIND_DEFAULTS.os.startTimeS,
      interferenceCoefficient: KIND_DEFAULTS.os.interferenceCoefficient,
    },
    hvm: {
      cpuOverheadPercent: 10,
      memFixedMiB: KIND_DEFAULTS.hvm.memFixedMiB,
      memPerVcpuMiB: KIND_DEFAULTS.hvm.memPerVcpuMiB,
      memPercent: KIND_DEFAULTS.hvm.memPercent,
      reservedVcpuMilliFixed: 0,
      reservedVcpuPercent: 0,
      reservedMemoryMiBFixed: KIND_DEFAULTS.hvm.reservedMemoryMiB,
      reservedMemoryPercent: 0,
      ioThroughputFactor: 0.5,
      startTimeS: KIND_DEFAULTS.hvm.startTimeS,
      interferenceCoefficient: KIND_DEFAULTS.hvm.interferenceCoefficient,
    },
    bt: {
      cpuOverheadPercent: KIND_DEFAULTS.bt.cpuOverheadPercent,
      memFixedMiB: KIND_DEFAULTS.bt.memFixedMiB,
      memPerVcpuMiB: KIND_DEFAULTS.bt.memPerVcpuMiB,
      memPercent: KIND_DEFAULTS.bt.memPercent,
      reservedVcpuMilliFixed: 0,
      reservedVcpuPercent: 0,
      reservedMemoryMiBFixed: KIND_DEFAULTS.bt.reservedMemoryMiB,
      reservedMemoryPercent: 0,
      ioThroughputFactor: 0.5,
      startTimeS: KIND_DEFAULTS.bt.startTimeS,
      interferenceCoefficient: KIND_DEFAULTS.bt.interferenceCoefficient,
    },
    pv: {
      cpuOverheadPercent: KIND_DEFAULTS.pv.cpuOverheadPercent,
      memFixedMiB: KIND_DEFAULTS.pv.memFixedMiB,
      memPerVcpuMiB: 0,
      memPercent: 0,
      reservedVcpuMilliFixed: 0,
      reservedVcpuPercent: 0,
      reservedMemoryMiBFixed: KIND_DEFAULTS.pv.reservedMemoryMiB,
      reservedMemoryPercent: 0,
      ioThroughputFactor: 0.5,
      startTimeS: KIND_DEFAULTS.pv.startTimeS,
      interferenceCoefficient: KIND_DEFAULTS.pv.interferenceCoefficient,
    },
  }

/** Default product of each inner layer kind (when an outer workload names none). */
const DEFAULT_PRODUCT: Record<InnerLayerKind, InnerLayer['product']> = {
  os: 'docker',
  hvm: 'kvm',
  bt: 'qemu-tcg',
  pv: 'xen-pv',
}

/** The inner layer of `outer`: its own, else a container runtime for containers, KVM for VMs. */
export function innerLayerOf(outer: Workload, innerKind: Workload['kind']): InnerLayer {
  if (outer.innerLayer) return outer.innerLayer
  const kind: InnerLayerKind = innerKind === 'container' ? 'os' : 'hvm'
  return { kind, product: DEFAULT_PRODUCT[kind] }
}

/** An inner layer's effective costs: its kind's defaults with the layer's overrides applied. */
export function innerLayerCosts(layer: InnerLayer): InnerLayerDefaults & {
  reservedVcpuOverride?: number
  reservedMemoryOverrideMiB?: number
} {
  const d = INNER_LAYER_DEFAULTS[layer.kind]
  const o = layer.overrides
  const out: InnerLayerDefaults & {
    reservedVcpuOverride?: number
    reservedMemoryOverrideMiB?: number
  } = { ...d }
  if (!o) return out
  if (o.cpuOverheadPercent !== undefined) out.cpuOverheadPercent = o.cpuOverheadPercent
  if (o.memoryOverheadPerInstanceMiB !== undefined) {
    out.memFixedMiB = o.memoryOverheadPerInstanceMiB
    out.memPerVcpuMiB = 0
    out.memPercent = 0
  }
  if (o.ioOverheadPercent !== undefined) out.ioThroughputFactor = 1 - o.ioOverheadPercent / 100
  if (o.reservedVcpus !== undefined) out.reservedVcpuOverride = o.reservedVcpus
  if (o.reservedMemoryMiB !== undefined) out.reservedMemoryOverrideMiB = o.reservedMemoryMiB
  return out
}

/** Room one outer instance leaves for the instances inside it (no overcommit inside). */
export interface OuterRoom {
  /** vCPUs x 1000 left after the inner layer's reserve (integer). */
  vcpuMilli: number
  memoryMiB: number
  /** What the reserve took. */
  reservedVcpuMilli: number
  reservedMemoryMiB: number
}

/** Room inside one instance of `outer` running `layer`. */
export function outerRoom(
  outer: Pick<Workload, 'vcpus' | 'memoryMiB'>,
  layer: InnerLayer,
): OuterRoom {
  const c = innerLayerCosts(layer)
  const totalMilli = outer.vcpus * 1000
  const reservedVcpuMilli = Math.min(
    totalMilli,
    c.reservedVcpuOverride !== undefined
      ? Math.ceil(c.reservedVcpuOverride * 1000)
      : Math.ceil(c.reservedVcpuMilliFixed + (c.reservedVcpuPercent / 100) * totalMilli),
  )
  const reservedMemoryMiB = Math.min(
    outer.memoryMiB,
    c.reservedMemoryOverrideMiB ??
      Math.ceil(c.reservedMemoryMiBFixed + (c.reservedMemoryPercent / 100) * outer.memoryMiB),
  )
  return {
    vcpuMilli: totalMilli - reservedVcpuMilli,
    memoryMiB: Math.floor(outer.memoryMiB - reservedMemoryMiB),
    reservedVcpuMilli,
    reservedMemoryMiB,
  }
}

/** What one inner instance takes from its outer instance, overheads included. */
export function innerDemand(
  inner: Pick<Workload, 'vcpus' | 'memoryMiB'>,
  layer: InnerLayer,
): { vcpuMilli: number; memoryMiB: number } {
  const c = innerLayerCosts(layer)
  const vcpuMilli = Math.ceil(
    Math.round(inner.vcpus * 1000 * (1 + c.cpuOverheadPercent / 100) * 1e6) / 1e6,
  )
  const mem = c.memFixedMiB + c.memPerVcpuMiB * inner.vcpus + (c.memPercent / 100) * inner.memoryMiB
  return {
    vcpuMilli,
    memoryMiB: Math.ceil(inner.memoryMiB) + Math.ceil(Math.round(mem * 1e6) / 1e6),
  }
}
