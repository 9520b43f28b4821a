/**
 * A node pool as a design of its own, so the scheduler's filters and weighers place inner
 * instances exactly as they place instances on hosts: each instance of the outer workload
 * becomes a host whose capacity is the room it leaves after its inner layer's reserve
 * (./inner-layer.ts), whose virtualization is that inner layer (containers need the VM's
 * kernel family; nested VMs need VT-x/AMD-V exposed by the physical host), and whose rack is
 * the physical host under it, so that anti-affinity "by physical host" is rack anti-affinity.
 * An outer instance that is not placed is a host that is down.
 */
import type { Design, Host, Workload } from '../../../shared/design/schema'
import { markGuestHost } from '../virtualization'
import { innerLayerCosts, innerLayerOf, outerRoom } from './inner-layer'

/** Where the outer instances are: physical host id (or undefined) and whether it is physical. */
export interface OuterSite {
  /** The physical host under the outer instance, through any levels; undefined = not placed. */
  physicalHostId?: string
  /** The outer instance sits directly on that physical host (not inside another VM). */
  direct: boolean
}

const ZERO_CURVE = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]

/** The virtual design of the pool of `outer` holding `inner` workloads. */
export function poolDesign(
  design: Design,
  outer: Workload,
  inner: readonly Workload[],
  siteOf: (outerInstanceId: string) => OuterSite,
): Design {
  const innerKind = inner[0]?.kind ?? 'container'
  const layer = innerLayerOf(outer, innerKind)
  const costs = innerLayerCosts(layer)
  const room = outerRoom(outer, layer)
  const physical = new Map(design.hosts.map((h) => [h.id, h]))
  const hosts: Host[] = []
  const racks = new Set<string>()
  for (let i = 0; i < outer.count; i++) {
    const id = `${outer.id}#${i}`
    const site = siteOf(id)
    const under = site.physicalHostId === undefined ? undefined : physical.get(site.physicalHostId)
    const exposes =
      site.direct &&
      under?.virtualization.kind === 'hvm' &&
      under.virtualization.nestedHardwareVirtualization === true
    if (under) racks.add(under.id)
    const host: Host = {
      id,
      name: id,
      ...(under ? { rackId: under.id } : {}),
      sockets: 1,
      coresPerSocket: outer.vcpus,
      mipsPerCore: outer.mipsPerVcpu,
      memoryMiB: outer.memoryMiB,
      diskGiB: outer.diskGiB,
      nicGbps:
        outer.reservedBandwidthMbps > 0
          ? outer.reservedBandwidthMbps / 1000
          : (under?.nicGbps ?? 1),
      cpuExtensions: exposes && under ? under.cpuExtensions : 'none',
      powerCurveW: ZERO_CURVE,
      state: under ? 'up' : 'down',
      virtualization: {
        kind: layer.kind,
        product: layer.product,
        hostOs: outer.guestOs,
        overrides: {
          cpuOverheadPercent: costs.cpuOverheadPercent,
          reservedMemoryMiB: room.reservedMemoryMiB,
          reservedCores: room.reservedVcpuMilli / 1000,
          ioOverheadPercent: (1 - costs.ioThroughputFactor) * 100,
          interferenceCoefficient: costs.interferenceCoefficient,
          ...(layer.overrides?.memoryOverheadPerInstanceMiB !== undefined
            ? { memoryOverheadPerInstanceMiB: layer.overrides.memoryOverheadPerInstanceMiB }
            : {}),
        },
      },
      cpuAllocationRatio: 1,
      memoryAllocationRatio: 1,
    }
    markGuestHost(host)
    hosts.push(host)
  }
  return {
    ...design,
    hosts,
    racks: [...racks].sort().map((id) => ({ id, name: id, uplinkOversubscription: 1 })),
    switches: [],
    links: [],
    storage: [],
    networks: [],
    tenants: design.tenants
      .filter((t) => t.id === outer.tenantId)
      .map((t) => ({ ...t, isolation: 'shared', quotas: {} })),
    workloads: inner.map((w) => {
      const { storageClass: _s, networkId: _n, nesting, ...rest } = w
      return {
        ...rest,
        affinity: {
          policy: w.affinity.policy,
          scope: nesting?.affinityScope === 'host' ? 'rack' : 'host',
        },
      }
    }),
  }
}
