/**
 * What a tenant projection is computed from besides the design: the latest placement and
 * the latest simulation run. Structural types, so the scheduler's and the simulation's
 * richer objects can be passed as they are.
 */
import type {
  InstanceRecord,
  SimulationSeries,
  TenantUsage,
} from '../../../shared/domain/simulation-result'
import type { StorageTenantResult } from '../../../shared/domain/storage-result'
import type { NetworkTenantUsage } from '../../../shared/domain/network-result'
import type { TenantRunState } from '../../../shared/domain/tenant-view'

/** A placement of instances (`${workloadId}#${i}`) on hosts. */
export interface TenancyPlacement {
  placed: ReadonlyArray<{ instanceId: string; hostId: string }>
  unplaced: ReadonlyArray<{ instanceId: string }>
}

/** The parts of a simulation run a tenant view reads. */
export interface TenancySimulation {
  /** The run's state (a `SimulationRunInfo` fits: it has these fields). */
  info?: TenantRunState
  result?: {
    tenants: ReadonlyArray<TenantUsage>
    instances: ReadonlyArray<InstanceRecord>
    series: Pick<SimulationSeries, 'timesS' | 'tenants'>
    /** Storage per tenant (issue 17); the projection reads the tenant's own entry only. */
    storage?: { tenants: ReadonlyArray<StorageTenantResult> }
    /** Traffic per tenant (issue 17); the projection reads the tenant's own entry only. */
    network?: { tenants: ReadonlyArray<NetworkTenantUsage> }
  }
}

/**
 * A scheduler explanation about one instance, already in tenant-safe words (the scheduler's
 * tenant-safe explainer makes them). The projection keeps only the tenant's own instances and
 * still redacts any provider-only or foreign name that slipped through.
 */
export interface TenancyExplanationInput {
  /** One sentence; empty for the projection's own (`Placed on Host 2.`). */
  summary?: string
  /** Why hosts were not chosen, without counts of the provider's hosts. */
  reasons: ReadonlyArray<string>
}

export interface ProjectionOptions {
  placement?: TenancyPlacement
  simulation?: TenancySimulation
  /** Explanations for instances; called only for the tenant's own instances. */
  explain?: (instanceId: string) => TenancyExplanationInput | undefined
  /** At most this many instances (and volumes, explanations) are listed. Default 2,000. */
  instanceLimit?: number
}
