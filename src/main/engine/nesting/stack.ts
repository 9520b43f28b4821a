/**
 * The stack of layers under one instance, from the hardware up, each with what it costs:
 * hardware -> (host OS of a type-2 hypervisor) -> hypervisor or shared kernel -> guest kernel
 * -> container runtime or nested hypervisor -> guest kernel of a nested VM -> ... CPU
 * overheads are relative to the layer below and compound by multiplying (1 + overhead)
 * (NESTED_NETWORK_STORAGE.md §15); I/O throughput factors multiply.
 */
import { VIRTUALIZATION_KIND_LABELS } from '../../../shared/design/enums'
import { PRODUCT_HYPERVISOR_TYPE, type HypervisorType } from '../../../shared/design/nesting-kinds'
import type { Design, Host, Workload } from '../../../shared/design/schema'
import { memoryOverheadMiB, overheadsFor } from '../virtualization'
import { innerDemand, innerLayerCosts, innerLayerOf, outerRoom } from './inner-layer'

/** The kinds of layer a stack is made of. */
export type LayerName =
  | 'hardware'
  | 'host-os'
  | 'hypervisor'
  | 'shared-kernel'
  | 'guest-kernel'
  | 'container-runtime'
  | 'nested-hypervisor'

/** One layer of a stack and what it costs the instance above it. */
export interface StackLayer {
  layer: LayerName
  /** What it is, for people ("KVM, hardware-assisted, type 1"). */
  label: string
  product?: string
  hypervisorType?: HypervisorType
  /** CPU slowdown this layer adds, percent of the layer below. */
  cpuOverheadPercent: number
  /** Memory this layer costs per instance above it, MiB (beyond the instance's RAM). */
  memoryOverheadMiB: number
  /** Memory the layer keeps for itself in its machine (host OS, hypervisor, node agent), MiB. */
  reservedMemoryMiB: number
  /** Disk throughput factor of this layer (x the layer below). */
  ioThroughputFactor: number
  /** Tenant owning the layer (guest kernels and what runs in them); absent = the provider. */
  tenantId?: string
  /** Instance this layer belongs to (guest kernels and inner layers). */
  instanceId?: string
}

/** Compounded cost of a stack. */
export interface StackCost {
  /** Host CPU per unit of useful work at the top: prod (1 + overhead). */
  cpuFactor: number
  /** Fraction of the host's CPU that does the top instance's work: 1 / cpuFactor. */
  usefulCpuFraction: number
  ioThroughputFactor: number
  memoryOverheadMiB: number
}

/** Multiplies the layers' factors. */
export function compound(layers: readonly StackLayer[]): StackCost {
  let cpu = 1
  let io = 1
  let mem = 0
  for (const l of layers) {
    cpu *= 1 + l.cpuOverheadPercent / 100
    io *= l.ioThroughputFactor
    mem += l.memoryOverheadMiB
  }
  return {
    cpuFactor: cpu,
    usefulCpuFraction: 1 / cpu,
    ioThroughputFactor: io,
    memoryOverheadMiB: mem,
  }
}

/** Hardware, host OS (type 2) and hypervisor or shared kernel of `host`, for an instance of `w`. */
export function hostLayers(host: Host, w?: Pick<Workload, 'vcpus' | 'memoryMiB'>): StackLayer[] {
  const v = host.virtualization
  const o = overheadsFor(host)
  const type = PRODUCT_HYPERVISOR_TYPE[v.product]
  const out: StackLayer[] = [
    {
      layer: 'hardware',
      label: `${host.sockets * host.coresPerSocket} cores x ${host.mipsPerCore} MIPS, ${host.memoryMiB} MiB, ${host.cpuExtensions === 'none' ? 'no VT-x/AMD-V' : host.cpuExtensions.toUpperCase()}`,
      cpuOverheadPercent: 0,
      memoryOverheadMiB: 0,
      reservedMemoryMiB: 0,
      ioThroughputFactor: 1,
    },
  ]
  if (v.hostedOs)
    out.push({
      layer: 'host-os',
      label: `${v.hostOs} host OS under a type-2 hypervisor (keeps ${v.hostedOs.cpuPercent} % CPU)`,
      cpuOverheadPercent: 0,
      memoryOverheadMiB: 0,
      reservedMemoryMiB: v.hostedOs.memoryMiB,
      ioThroughputFactor: 1,
    })
  const perInstance = w && v.kind !== 'native' ? memoryOverheadMiB(o, w.vcpus, w.memoryMiB) : 0
  out.push({
    layer: v.kind === 'os' ? 'shared-kernel' : 'hypervisor',
    label:
      v.kind === 'os'
        ? `${v.product}: one ${v.hostOs} kernel shared by its containers`
        : `${v.product}: ${VIRTUALIZATION_KIND_LABELS[v.kind]}${type === 'none' ? '' : `, ${type}`}`,
    product: v.product,
    hypervisorType: v.hostedOs ? 'type-2' : type,
    cpuOverheadPercent: o.cpuOverheadPercent,
    memoryOverheadMiB: perInstance,
    reservedMemoryMiB: v.hostedOs ? 0 : o.reservedMemoryMiB,
    ioThroughputFactor: o.diskThroughputFactor,
  })
  return out
}

/** The guest kernel of a VM instance and, if it holds instances, its inner layer. */
export function guestLayers(
  outer: Workload,
  instanceId: string,
  inner?: Pick<Workload, 'kind' | 'vcpus' | 'memoryMiB'>,
): StackLayer[] {
  const out: StackLayer[] = [
    {
      layer: 'guest-kernel',
      label: `${outer.guestOs} guest kernel${outer.paravirtAware ? ' (modified for paravirtualization)' : ''}`,
      cpuOverheadPercent: 0,
      memoryOverheadMiB: 0,
      reservedMemoryMiB: 0,
      ioThroughputFactor: 1,
      tenantId: outer.tenantId,
      instanceId,
    },
  ]
  if (!inner) return out
  const layer = innerLayerOf(outer, inner.kind)
  const c = innerLayerCosts(layer)
  const room = outerRoom(outer, layer)
  const d = innerDemand(inner, layer)
  out.push({
    layer: layer.kind === 'os' ? 'container-runtime' : 'nested-hypervisor',
    label:
      layer.kind === 'os'
        ? `${layer.product}: containers share this VM's kernel`
        : `${layer.product}: ${VIRTUALIZATION_KIND_LABELS[layer.kind]} inside the VM`,
    product: layer.product,
    hypervisorType: layer.kind === 'os' ? 'none' : 'type-1',
    cpuOverheadPercent: c.cpuOverheadPercent,
    memoryOverheadMiB: d.memoryMiB - Math.ceil(inner.memoryMiB),
    reservedMemoryMiB: room.reservedMemoryMiB,
    ioThroughputFactor: c.ioThroughputFactor,
    tenantId: outer.tenantId,
    instanceId,
  })
  return out
}

/** Where instances are: host of each top-level instance, outer instance of each nested one. */
export interface NestedPlacement {
  hostOf: ReadonlyMap<string, string>
  outerOf: ReadonlyMap<string, string>
}

/** Splits `WORKLOAD_ID#INDEX`. */
export function workloadIdOf(instanceId: string): string {
  const i = instanceId.lastIndexOf('#')
  return i < 0 ? instanceId : instanceId.slice(0, i)
}

/**
 * The layers under `instanceId`, hardware first; undefined when it is not placed. The
 * instance's own guest kernel is the last layer when it is a VM.
 */
export function instanceStack(
  design: Design,
  placement: NestedPlacement,
  instanceId: string,
): StackLayer[] | undefined {
  const byId = new Map(design.workloads.map((w) => [w.id, w]))
  const chain: string[] = [instanceId]
  let cur = instanceId
  for (let guard = 0; guard < 8; guard++) {
    const outer = placement.outerOf.get(cur)
    if (outer === undefined) break
    chain.unshift(outer)
    cur = outer
  }
  const hostId = placement.hostOf.get(chain[0] as string)
  const host = design.hosts.find((h) => h.id === hostId)
  const base = byId.get(workloadIdOf(chain[0] as string))
  if (!host || !base) return undefined
  const layers = hostLayers(host, base)
  for (let i = 0; i < chain.length - 1; i++) {
    const outer = byId.get(workloadIdOf(chain[i] as string))
    const inner = byId.get(workloadIdOf(chain[i + 1] as string))
    if (!outer || !inner) return undefined
    layers.push(...guestLayers(outer, chain[i] as string, inner))
  }
  const top = byId.get(workloadIdOf(instanceId))
  if (top?.kind === 'vm' && host.virtualization.kind !== 'native')
    layers.push(...guestLayers(top, instanceId))
  return layers
}
