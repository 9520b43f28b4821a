/** Internal shapes of the scheduler: filters, weighers, options. DTOs live in the contract. */
import type { FilterName, WeigherName } from '../../../shared/domain/placement'
import type { PlacementPreset } from '../../../shared/design/enums'
import type { SchedulerState } from './state'

export type { FilterName, WeigherName }

/** Signed multipliers per weigher (missing = 0). */
export type Weights = Partial<Record<WeigherName, number>>

/**
 * One filter of the pipeline, in its own file under ./filters. `check` is called for a
 * workload (index `w`) and a host (index `h`): `undefined` means the host passes, otherwise a
 * fixed phrase that never names a tenant (shown to tenants as it is). `detail` may give the
 * provider a more specific phrase (e.g. naming the tenant a host is dedicated to).
 */
export interface SchedulerFilter {
  readonly name: FilterName
  check(st: SchedulerState, w: number, h: number): string | undefined
  detail?(st: SchedulerState, w: number, h: number, reason: string): string
}

/** One weigher, in its own file under ./weighers: scores a host 0..1 for an instance of `w`. */
export interface SchedulerWeigher {
  readonly name: WeigherName
  score(st: SchedulerState, w: number, h: number): number
}

export interface SchedulerOptions {
  /** Preset weights; default: the design's `simulation.placement.preset`. */
  preset?: PlacementPreset
  /** Explicit weights; replace the preset's (and the design's) weights. */
  weights?: Weights
  /** Tie-break seed; default the design's `simulation.seed`. Seed 0 breaks ties by host id. */
  seed?: number
}
