/**
 * The multi-tenant scheduler: a Nova-style filter + weigher pipeline with explanations.
 * Entry point: `createScheduler(design, { preset, weights, seed })`.
 */
export { createScheduler, type PlaceOutcome, type Scheduler } from './scheduler'
export type { SchedulerOptions, Weights } from './types'
export { tenantSafeExplanation, tenantSafeResult } from './tenant-safe'
export { PRESET_WEIGHTS, WEIGHER_NAMES } from './weighers'
export { FILTERS } from './filters'
export {
  DEFAULT_CPU_ALLOCATION_RATIO,
  DEFAULT_MEMORY_ALLOCATION_RATIO,
  hostCapacity,
} from './capacity'
export type { EvacuationPlan, Explanation, PlacementResult } from '../../../shared/domain/placement'
export {
  minimumRacks,
  syntheticDatacenter,
  TOR_PORTS,
  TOR_UPLINKS,
  type SyntheticOptions,
} from './synthetic-datacenter'
export { syntheticFit, type SyntheticFit } from './synthetic-fit'
