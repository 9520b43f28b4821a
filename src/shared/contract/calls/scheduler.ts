/**
 * Virtualization layer and multi-tenant scheduler (issue 3): `scheduler:place`,
 * `scheduler:explain`, `scheduler:evacuate`, `scheduler:last`. The result types are domain
 * types, defined in `src/shared/domain/placement.ts` and re-exported here.
 *
 * The window reads placements as compact digests (`src/shared/domain/placement-digest.ts`,
 * issue 19): `scheduler:place-digest`, `scheduler:last-digest` and the `scheduler:placed`
 * event carry one host index per instance instead of one object per instance, so 100,000
 * placements do not freeze the window; a nested instance's group also names the outer instance
 * it runs in (`DigestGroup.outers`), so a run's replay moves a node pool's pods with their VM. API users keep the whole result from `scheduler:place`
 * and `scheduler:last`.
 */
import type { z } from 'zod'
import type { EvacuationPlan, Explanation, PlacementResult } from '../../domain/placement'
import type { PlacementDigest } from '../../domain/placement-digest'
import type { CallAccess } from '../session'
import type { schedulerRequests } from '../schemas/scheduler'

export type {
  FilterName,
  WeigherName,
  RejectionCount,
  ScoredHost,
  Explanation,
  PlacedInstance,
  UnplacedInstance,
  HostUsage,
  PlacementResult,
  EvacuationPlan,
} from '../../domain/placement'
export type { PlacementDigest, DigestGroup, UnplacedGroup } from '../../domain/placement-digest'

export const schedulerCalls = {
  'scheduler:place': 'provider',
  'scheduler:place-digest': 'provider',
  'scheduler:explain': 'any',
  'scheduler:evacuate': 'provider',
  'scheduler:last': 'provider',
  'scheduler:last-digest': 'provider',
} as const satisfies Record<keyof typeof schedulerRequests, CallAccess>

export type SchedulerRequests = {
  [K in keyof typeof schedulerRequests]: z.input<(typeof schedulerRequests)[K]>
}

export interface SchedulerResponses {
  'scheduler:place': PlacementResult
  'scheduler:place-digest': PlacementDigest
  'scheduler:explain': Explanation
  'scheduler:evacuate': EvacuationPlan
  /** The last placement run in this app session, if any. */
  'scheduler:last': PlacementResult | null
  /** The last placement's digest, if any. */
  'scheduler:last-digest': PlacementDigest | null
}

/** Events this domain pushes, with their payloads. */
export interface SchedulerEvents {
  /**
   * A placement ran, as its digest (tenant sessions get their own instances only, in
   * tenant-safe words). Read `scheduler:last` for the whole result.
   */
  'scheduler:placed': PlacementDigest
}
export const schedulerEventNames = ['scheduler:placed'] as const satisfies ReadonlyArray<
  keyof SchedulerEvents
>
