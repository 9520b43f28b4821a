/**
 * The stack of abstractions under a host's instances (issue 18), as the stack view draws it
 * from the bottom up: hardware → (host OS of a type-2 hypervisor) → hypervisor or shared
 * kernel → machines (VMs with their guest kernel, or containers) → the inner layer of a VM
 * (container runtime or nested hypervisor) → the instances inside it. Each layer says what it
 * offers (capacity), what it costs (overhead, with its published source) and the isolation
 * boundary between the instances above it. Domain types: the engine builds the provider's
 * view (`src/main/engine/nesting/stack-view.ts`); main's tenancy services project a tenant's
 * (`src/main/services/tenancy/tenant-stack.ts`); the contract re-exports them.
 */

/** Kinds of layer, from hardware up. `provider-platform` is a tenant's opaque view of the host. */
export type StackLayerKind =
  | 'hardware'
  | 'host-os'
  | 'hypervisor'
  | 'shared-kernel'
  | 'provider-platform'
  | 'guest-kernel'
  | 'container-runtime'
  | 'nested-hypervisor'

/** Isolation boundaries from weakest to strongest. */
export type IsolationBoundaryKind = 'shared-kernel' | 'hypervisor' | 'physical'

/** What a layer offers to the layer above it. Units in the names. */
export interface StackCapacity {
  /** Virtual CPUs (hardware: physical cores) the layer offers. */
  vcpus: number
  /** Per-core speed, million instructions per second (hardware and hypervisor only). */
  mipsPerCore?: number
  memoryMiB: number
}

/** What a layer costs. Units in the names; absent figures are zero. */
export interface StackOverhead {
  /** CPU slowdown relative to the layer below, percent. */
  cpuPercent: number
  /** Memory charged per instance above the layer, beyond its own RAM, MiB. */
  memoryPerInstanceMiB: number
  /** Memory the layer keeps for itself (hypervisor, host OS, node agent), MiB. */
  reservedMemoryMiB: number
  /** vCPUs the layer keeps for itself (type-2 host OS share, node reserve). */
  reservedVcpus: number
  /** Disk throughput factor (x the layer below). */
  ioThroughputFactor: number
}

/** One layer: what it is, what it offers and costs, and where the figures come from. */
export interface StackViewLayer {
  layer: StackLayerKind
  /** A short heading: `Hardware`, `Hypervisor (type 1)`, `Container runtime`. */
  title: string
  /** Its details for people: `KVM: hardware-assisted, type-1`. */
  label: string
  product?: string
  hypervisorType?: 'type-1' | 'type-2' | 'none'
  capacity?: StackCapacity
  overhead: StackOverhead
  /** The publications behind the overhead figures (tags as in the sources lists). */
  source: string
  /** Anchor of the students' guide section that explains this layer (`docs/guide`). */
  guideSection: string
}

/** The boundary between the instances that share one layer. */
export interface StackBoundary {
  kind: IsolationBoundaryKind
  /** One sentence: what separates them and what leaks through. */
  explanation: string
  /** Slowdown across it when the neighbours keep the whole machine busy (0..1; scales with their share). */
  interferenceCoefficient: number
  guideSection: string
}

/** One instance in the stack: a VM (with its guest kernel) or a container, and what runs in it. */
export interface StackMachine {
  instanceId: string
  /** `web #1`: its group's name and a 1-based number. */
  label: string
  kind: 'vm' | 'container'
  /** Its owner; in a tenant's stack always that tenant. */
  tenantId: string
  tenantName: string
  /** The owner's colour, `#rrggbb`. */
  tenantColour: string
  capacity: StackCapacity
  /** Memory the layer below charges for it beyond its own RAM, MiB (hidden from tenants: 0). */
  overheadMemoryMiB: number
  /** The layers inside it, bottom up: its guest kernel (VMs), then its inner layer. */
  layers: StackViewLayer[]
  /** Between the instances inside it (only when it holds instances). */
  innerBoundary?: StackBoundary
  /** The instances inside it. */
  children: StackMachine[]
}

/** The stack of one host (provider) or of one zone of a tenant. */
export interface StackColumn {
  /** Host id (provider), or the tenant's zone id (`zone-1`). */
  id: string
  /** Host name, or the zone's label as the tenant view shows it. */
  label: string
  /** Hardware up to the hypervisor or shared kernel, bottom first. */
  base: StackViewLayer[]
  /** Between the machines on this host (their tenants' neighbours included). */
  boundary: StackBoundary
  machines: StackMachine[]
  /** Machines not listed (beyond the view's limit). */
  truncated: number
}

/** A stack view: one column per host (provider: one; tenant: one per zone). */
export interface StackView {
  scope: 'host' | 'tenant'
  columns: StackColumn[]
  /** Between this host (zone) and any other: physical. */
  acrossHosts: StackBoundary
  /** Why the view is empty or partial, in plain words (no placement yet, ...). */
  notes: string[]
}
