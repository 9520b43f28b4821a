/**
 * The provider's stack view of one host (issue 18): its layers from the hardware up, the
 * machines on it (VMs with their guest kernel and inner layer, containers) with the instances
 * inside them, each layer's capacity, overhead and source, and the isolation boundary between
 * neighbours. Built from the layer model (`./stack.ts`, `./inner-layer.ts`) and the
 * boundaries of `./isolation.ts`; the tenant's projection lives in main's tenancy services.
 */
import type { Design, Host, Workload } from '../../../shared/design/schema'
import type { PlacedInstance } from '../../../shared/domain/placement'
import type {
  StackBoundary,
  StackColumn,
  StackMachine,
  StackOverhead,
  StackView,
  StackViewLayer,
} from '../../../shared/domain/stack-view'
import { memoryOverheadMiB, overheadsFor } from '../virtualization'
import {
  INNER_LAYER_DEFAULTS,
  innerDemand,
  innerLayerCosts,
  innerLayerOf,
  outerRoom,
} from './inner-layer'
import {
  guestLayers,
  hostLayers,
  workloadIdOf,
  type NestedPlacement,
  type StackLayer,
} from './stack'
import {
  BOUNDARY_EXPLANATIONS,
  GUEST_KERNEL_SOURCE,
  GUIDE_SECTIONS,
  HOSTED_SOURCE,
  HOST_KIND_SOURCES,
  INNER_KIND_SOURCES,
  guideSectionOf,
} from './stack-sources'

/** Default cap on the machines one column lists (the rest are counted in `truncated`). */
export const STACK_MACHINE_LIMIT = 200

/** The nested placement (host of each instance, outer instance of each nested one) of a result. */
export function nestedPlacementOf(placed: readonly PlacedInstance[]): NestedPlacement {
  const hostOf = new Map<string, string>()
  const outerOf = new Map<string, string>()
  for (const p of placed) {
    hostOf.set(p.instanceId, p.hostId)
    if (p.outerInstanceId !== undefined) outerOf.set(p.instanceId, p.outerInstanceId)
  }
  return { hostOf, outerOf }
}

const overheadOf = (l: StackLayer, reservedVcpus = 0): StackOverhead => ({
  cpuPercent: l.cpuOverheadPercent,
  memoryPerInstanceMiB: l.memoryOverheadMiB,
  reservedMemoryMiB: l.reservedMemoryMiB,
  reservedVcpus,
  ioThroughputFactor: l.ioThroughputFactor,
})

/** Hardware, host OS (type 2) and hypervisor or shared kernel of `host`, bottom first. */
export function hostBaseLayers(host: Host): StackViewLayer[] {
  const v = host.virtualization
  const o = overheadsFor(host)
  const cores = host.sockets * host.coresPerSocket
  const offered = {
    vcpus: cores - o.reservedCores,
    mipsPerCore: host.mipsPerCore,
    memoryMiB: Math.max(0, host.memoryMiB - o.reservedMemoryMiB),
  }
  return hostLayers(host).map((l): StackViewLayer => {
    if (l.layer === 'hardware')
      return {
        layer: 'hardware',
        title: 'Hardware',
        label: l.label,
        capacity: { vcpus: cores, mipsPerCore: host.mipsPerCore, memoryMiB: host.memoryMiB },
        overhead: overheadOf(l),
        source: 'The machine itself: no overhead (definition).',
        guideSection: guideSectionOf('hardware'),
      }
    if (l.layer === 'host-os')
      return {
        layer: 'host-os',
        title: 'Host operating system',
        label: l.label,
        capacity: offered,
        overhead: overheadOf(l, o.reservedCores),
        source: HOSTED_SOURCE,
        guideSection: guideSectionOf('host-os'),
      }
    const type = l.hypervisorType ?? 'none'
    const title =
      v.kind === 'os'
        ? 'Shared kernel (containers)'
        : v.kind === 'native'
          ? 'Operating system on bare metal'
          : `Hypervisor (${type})`
    const perInstance = v.kind === 'native' ? 0 : o.memFixedMiB
    return {
      layer: l.layer === 'shared-kernel' ? 'shared-kernel' : 'hypervisor',
      title,
      label: l.label,
      product: l.product,
      hypervisorType: type,
      capacity: offered,
      overhead: { ...overheadOf(l), memoryPerInstanceMiB: perInstance },
      source: v.hostedOs
        ? `${HOST_KIND_SOURCES[v.kind]} ${HOSTED_SOURCE}`
        : HOST_KIND_SOURCES[v.kind],
      guideSection: guideSectionOf(l.layer, v.kind),
    }
  })
}

/** A boundary of a given kind with its explanation. */
export function boundaryOf(
  kind: StackBoundary['kind'],
  interferenceCoefficient: number,
): StackBoundary {
  return {
    kind,
    explanation: BOUNDARY_EXPLANATIONS[kind],
    interferenceCoefficient,
    guideSection: GUIDE_SECTIONS.isolation,
  }
}

/** The boundary between the machines on `host` (as `separation` finds for two of them). */
export function hostBoundary(host: Host): StackBoundary {
  const o = overheadsFor(host)
  if (host.virtualization.kind === 'native') return boundaryOf('physical', 0)
  return boundaryOf(
    host.virtualization.kind === 'os' ? 'shared-kernel' : 'hypervisor',
    o.interferenceCoefficient,
  )
}

/** Options of a stack view. */
export interface StackViewOptions {
  /** At most this many top-level machines per column. Default STACK_MACHINE_LIMIT. */
  machineLimit?: number
  /**
   * The design's lookups, made once by `stackLookupsOf(design)` when many columns of one
   * design are built (a tenant's stack: one per zone); made per call otherwise.
   */
  lookups?: StackLookups
}

/** A design's lookups for stack columns: hosts, workloads, tenants and workload order by id. */
export interface StackLookups {
  hosts: Map<string, Host>
  workloads: Map<string, Workload>
  tenants: Map<string, { name: string; colour: string }>
  rank: Map<string, number>
}

/** The lookups of `design` for `hostStackColumn` (build once, pass to every column). */
export function stackLookupsOf(design: Design): StackLookups {
  return {
    hosts: new Map(design.hosts.map((h) => [h.id, h])),
    workloads: new Map(design.workloads.map((w) => [w.id, w])),
    tenants: new Map(design.tenants.map((t) => [t.id, { name: t.name, colour: t.colour }])),
    rank: new Map(design.workloads.map((w, i) => [w.id, i])),
  }
}

interface Ctx {
  design: Design
  host: Host
  byId: Map<string, Workload>
  childrenOf: Map<string, string[]>
  tenants: Map<string, { name: string; colour: string }>
}

function machineOf(
  ctx: Ctx,
  instanceId: string,
  outer: Workload | undefined,
): StackMachine | undefined {
  const w = ctx.byId.get(workloadIdOf(instanceId))
  if (!w) return undefined
  const index = Number(instanceId.slice(instanceId.lastIndexOf('#') + 1))
  const childIds = ctx.childrenOf.get(instanceId) ?? []
  const children = childIds.flatMap((id) => machineOf(ctx, id, w) ?? [])
  const layers: StackViewLayer[] = []
  const hostKind = ctx.host.virtualization.kind
  if (w.kind === 'vm') {
    const [guest] = guestLayers(w, instanceId)
    if (guest)
      layers.push({
        layer: 'guest-kernel',
        title: 'Guest kernel',
        label: guest.label,
        overhead: overheadOf(guest),
        source: GUEST_KERNEL_SOURCE,
        guideSection: guideSectionOf('guest-kernel', w.paravirtAware ? 'pv' : hostKind),
      })
  }
  const firstChild = children[0] && ctx.byId.get(workloadIdOf(children[0].instanceId))
  let innerBoundary: StackBoundary | undefined
  if (firstChild) {
    const layerKind = innerLayerOf(w, firstChild.kind)
    const inner = guestLayers(w, instanceId, firstChild)[1]
    const c = innerLayerCosts(layerKind)
    const room = outerRoom(w, layerKind)
    if (inner)
      layers.push({
        layer: inner.layer === 'container-runtime' ? 'container-runtime' : 'nested-hypervisor',
        title: inner.layer === 'container-runtime' ? 'Container runtime' : 'Nested hypervisor',
        label: inner.label,
        product: inner.product,
        hypervisorType: inner.hypervisorType,
        capacity: { vcpus: room.vcpuMilli / 1000, memoryMiB: room.memoryMiB },
        overhead: {
          cpuPercent: c.cpuOverheadPercent,
          memoryPerInstanceMiB: c.memFixedMiB,
          reservedMemoryMiB: room.reservedMemoryMiB,
          reservedVcpus: room.reservedVcpuMilli / 1000,
          ioThroughputFactor: c.ioThroughputFactor,
        },
        source: INNER_KIND_SOURCES[layerKind.kind],
        guideSection: guideSectionOf(inner.layer),
      })
    innerBoundary = boundaryOf(
      layerKind.kind === 'os' ? 'shared-kernel' : 'hypervisor',
      INNER_LAYER_DEFAULTS[layerKind.kind].interferenceCoefficient,
    )
  }
  const overheadMemoryMiB = outer
    ? innerDemand(w, innerLayerOf(outer, w.kind)).memoryMiB - Math.ceil(w.memoryMiB)
    : hostKind === 'native'
      ? 0
      : memoryOverheadMiB(overheadsFor(ctx.host), w.vcpus, w.memoryMiB)
  return {
    instanceId,
    label: `${w.name || w.id} #${index + 1}`,
    kind: w.kind,
    tenantId: w.tenantId,
    tenantName: ctx.tenants.get(w.tenantId)?.name ?? w.tenantId,
    tenantColour: ctx.tenants.get(w.tenantId)?.colour ?? '#888888',
    capacity: { vcpus: w.vcpus, mipsPerCore: w.mipsPerVcpu, memoryMiB: w.memoryMiB },
    overheadMemoryMiB,
    layers,
    ...(innerBoundary ? { innerBoundary } : {}),
    children,
  }
}

/**
 * The stack of `hostId` under `placement`, or undefined when there is no such host.
 * Machines and a VM's children in design order (workloads as listed, instances by index).
 */
export function hostStackColumn(
  design: Design,
  placed: readonly PlacedInstance[],
  hostId: string,
  options: StackViewOptions = {},
): StackColumn | undefined {
  const lookups = options.lookups ?? stackLookupsOf(design)
  const host = lookups.hosts.get(hostId)
  if (!host) return undefined
  const childrenOf = new Map<string, string[]>()
  const top: string[] = []
  for (const p of placed) {
    if (p.hostId !== hostId) continue
    if (p.outerInstanceId === undefined) top.push(p.instanceId)
    else
      childrenOf.set(p.outerInstanceId, [
        ...(childrenOf.get(p.outerInstanceId) ?? []),
        p.instanceId,
      ])
  }
  const ctx: Ctx = {
    design,
    host,
    byId: lookups.workloads,
    childrenOf,
    tenants: lookups.tenants,
  }
  // design order: workloads as listed, instances by index
  const rank = lookups.rank
  const order = (a: string, b: string): number =>
    (rank.get(workloadIdOf(a)) ?? 0) - (rank.get(workloadIdOf(b)) ?? 0) ||
    Number(a.slice(a.lastIndexOf('#') + 1)) - Number(b.slice(b.lastIndexOf('#') + 1))
  top.sort(order)
  for (const list of childrenOf.values()) list.sort(order)
  const limit = options.machineLimit ?? STACK_MACHINE_LIMIT
  return {
    id: host.id,
    label: host.name || host.id,
    base: hostBaseLayers(host),
    boundary: hostBoundary(host),
    machines: top.slice(0, limit).flatMap((id) => machineOf(ctx, id, undefined) ?? []),
    truncated: Math.max(0, top.length - limit),
  }
}

/** The provider's stack view of one host; undefined when there is no such host. */
export function hostStackView(
  design: Design,
  placed: readonly PlacedInstance[],
  hostId: string,
  options: StackViewOptions = {},
): StackView | undefined {
  const column = hostStackColumn(design, placed, hostId, options)
  if (!column) return undefined
  return {
    scope: 'host',
    columns: [column],
    acrossHosts: boundaryOf('physical', 0),
    notes: column.machines.length === 0 ? ['Nothing is placed on this host.'] : [],
  }
}
