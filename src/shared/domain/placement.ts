/**
 * What the scheduler (`src/main/engine/scheduler`) returns: placement results, explanations
 * and evacuation plans. Domain types: the engine produces them, `strata place --json` prints
 * them, views, tenancy and the simulation read them; the contract
 * (`src/shared/contract/calls/scheduler.ts`) re-exports them for its calls and events.
 */
import type { PlacementPreset } from '../design/enums'

/** Filters of the pipeline, in the order they run (a host is counted under the first that rejects it). */
export type FilterName =
  | 'quota'
  | 'host-state'
  | 'virtualization'
  | 'isolation'
  | 'affinity'
  | 'compute'
  | 'storage'
  | 'network'

/** Weighers; each scores a host 0..1 and is multiplied by a signed weight. */
export type WeigherName = 'spread' | 'pack' | 'power' | 'locality'

/** How many hosts one filter rejected for one reason. */
export interface RejectionCount {
  filter: FilterName
  /** A phrase a person understands, e.g. `insufficient memory`. */
  reason: string
  count: number
}

/** One host that could take the instance, with its total and per-weigher scores (0..1 each). */
export interface ScoredHost {
  hostId: string
  score: number
  weighers: Partial<Record<WeigherName, number>>
}

/**
 * Why an instance is where it is, or why it fits nowhere. `rejections` counts every host that
 * could not take it under the first filter that rejected it, so their counts plus
 * `feasibleCount` add up to `hostCount`. In a tenant's view the counts are provider data
 * (how many hosts exist, how many other tenants hold): there `hostCount` and
 * `feasibleCount` are absent, `rejections` is empty, and `reasons` are phrases only.
 */
export interface Explanation {
  instanceId: string
  workloadId: string
  tenantId: string
  placed: boolean
  /** Where it runs (placed only). Hidden (`host 1`...) in tenant views without host names. */
  hostId?: string
  /** Nested instances (issue 18): the outer instance (VM) it runs in; `hostId` is the host under it. */
  outerInstanceId?: string
  /** Absent in a tenant's view. */
  hostCount?: number
  /** Absent in a tenant's view. */
  feasibleCount?: number
  rejections: RejectionCount[]
  /** Rejections as lines, most frequent first: `40 insufficient memory`. */
  reasons: string[]
  /** One line in plain words: `none of 64 hosts can take it: 40 hosts: insufficient memory; 16 hosts: dedicated to Acme`. */
  summary: string
  /** Best hosts that could take it now, best first (the chosen host first when placed). */
  candidates: ScoredHost[]
}

export interface PlacedInstance {
  instanceId: string
  workloadId: string
  tenantId: string
  hostId: string
  /** Nested instances (issue 18): the outer instance (VM) it runs in; `hostId` is the host under it. */
  outerInstanceId?: string
  /** Storage system holding its disk, when the workload asks for a storage class. */
  storageId?: string
}

export interface UnplacedInstance {
  instanceId: string
  workloadId: string
  tenantId: string
  /** A nested instance refused by its node pool: the VM group it was to run in. */
  outerWorkloadId?: string
  reasons: RejectionCount[]
  summary: string
}

/** Use of one host after placement. Used figures include virtualization overheads. */
export interface HostUsage {
  hostId: string
  instances: number
  vcpusUsed: number
  vcpusAllocatable: number
  memoryMiBUsed: number
  memoryMiBAllocatable: number
  diskGiBUsed: number
  diskGiBAllocatable: number
  bandwidthMbpsUsed: number
  bandwidthMbpsAllocatable: number
}

/** The outcome of placing a whole design. */
export interface PlacementResult {
  preset: PlacementPreset | 'custom'
  weights: Partial<Record<WeigherName, number>>
  seed: number
  /** `stable`: everything fit in the stable order; `drf`: capacity ran short, tenants served by dominant resource fairness. */
  order: 'stable' | 'drf'
  /** Hosts considered; absent in a tenant's view (a provider total). */
  hostCount?: number
  instanceCount: number
  placed: PlacedInstance[]
  unplaced: UnplacedInstance[]
  hostUsage: HostUsage[]
}

/** New homes for every instance of a host being drained. */
export interface EvacuationPlan {
  hostId: string
  moves: Array<{ instanceId: string; fromHostId: string; toHostId: string }>
  /** Instances that fit nowhere else, with why. */
  stranded: Array<{ instanceId: string; explanation: Explanation }>
}
