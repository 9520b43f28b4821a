/**
 * The filter pipeline, in order. Explanations count each rejected host under the first filter
 * that rejects it. `STATIC_FILTERS` depend only on the design (and host states), so their
 * outcome is cached per kind of guest; `DYNAMIC_FILTERS` depend on what is already placed.
 */
import type { SchedulerFilter } from '../types'
import { affinityFilter } from './affinity'
import { computeFilter } from './compute'
import { hostStateFilter } from './host-state'
import { isolationFilter } from './isolation'
import { networkFilter } from './network'
import { quotaFilter } from './quota'
import { storageFilter } from './storage'
import { virtualizationFilter } from './virtualization'

export const FILTERS: readonly SchedulerFilter[] = [
  quotaFilter,
  hostStateFilter,
  virtualizationFilter,
  isolationFilter,
  affinityFilter,
  computeFilter,
  storageFilter,
  networkFilter,
]

/** Filters that depend on placements, checked on every candidate (quota is checked once per request). */
export const DYNAMIC_FILTERS: readonly SchedulerFilter[] = [
  hostStateFilter,
  isolationFilter,
  affinityFilter,
  computeFilter,
  storageFilter,
  networkFilter,
]

export {
  affinityFilter,
  computeFilter,
  hostStateFilter,
  isolationFilter,
  networkFilter,
  quotaFilter,
  storageFilter,
  virtualizationFilter,
}
