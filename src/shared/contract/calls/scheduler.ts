/**
 * Virtualization layer and multi-tenant scheduler (issue 3): `scheduler:place`,
 * `scheduler:explain`, `scheduler:evacuate`, `scheduler:last`. The DTOs below are what the
 * engine's scheduler (`src/main/engine/scheduler`) returns, what `strata place --json` prints
 * and what views, tenancy and the simulation read.
 */
import type { z } from 'zod'
import type { PlacementPreset } from '../../design/enums'
import type { CallAccess } from '../session'
import type { schedulerRequests } from '../schemas/scheduler'

export const schedulerCalls = {
  'scheduler:place': 'provider',
  'scheduler:explain': 'any',
  'scheduler:evacuate': 'provider',
  'scheduler:last': 'provider',
} as const satisfies Record<keyof typeof schedulerRequests, CallAccess>

export type SchedulerRequests = {
  [K in keyof typeof schedulerRequests]: z.input<(typeof schedulerRequests)[K]>
}

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

export interface SchedulerResponses {
  'scheduler:place': PlacementResult
  'scheduler:explain': Explanation
  'scheduler:evacuate': EvacuationPlan
  /** The last placement run in this app session, if any. */
  'scheduler:last': PlacementResult | null
}

/** Events this domain pushes, with their payloads. */
export interface SchedulerEvents {
  /** A placement ran (tenant sessions get their own instances only, in tenant-safe words). */
  'scheduler:placed': PlacementResult
}
export const schedulerEventNames = ['scheduler:placed'] as const satisfies ReadonlyArray<
  keyof SchedulerEvents
>
