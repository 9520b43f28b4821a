/**
 * Virtualization layer and multi-tenant scheduler (issue 3): `scheduler:place`,
 * `scheduler:explain`, `scheduler:evacuate`, `scheduler:last`. The result types are domain
 * types, defined in `src/shared/domain/placement.ts` and re-exported here.
 */
import type { z } from 'zod'
import type { EvacuationPlan, Explanation, PlacementResult } from '../../domain/placement'
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

export const schedulerCalls = {
  'scheduler:place': 'provider',
  'scheduler:explain': 'any',
  'scheduler:evacuate': 'provider',
  'scheduler:last': 'provider',
} as const satisfies Record<keyof typeof schedulerRequests, CallAccess>

export type SchedulerRequests = {
  [K in keyof typeof schedulerRequests]: z.input<(typeof schedulerRequests)[K]>
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
