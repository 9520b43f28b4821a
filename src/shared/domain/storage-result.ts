/**
 * The `storage` section of a run's result (issue 17): present only when the design uses the
 * storage model (a workload with `storageDemand`, a storage system with power or failures),
 * outside CloudSim-compatible mode. Utilizations are fractions 0..1 of the system's capacity
 * consumed (a replicated write counts its write factor); IOPS are front-end operations/s;
 * means are over the whole horizon [0, H], each state held until the next change.
 */

/** One storage system over the run. */
export interface StorageSystemResult {
  storageId: string
  peakIopsUtilization: number
  meanIopsUtilization: number
  peakThroughputUtilization: number
  meanThroughputUtilization: number
  /** Mean response time R = S / (1 − U) while up, ms (time-weighted). */
  meanLatencyMs: number
  peakLatencyMs: number
  /** Seconds the offered load was at or above the system's capacity. */
  saturatedS: number
  /** The tenant that consumed most of the system while it was saturated (absent: never). */
  topTenantId?: string
  /** Energy the system drew, kWh (0 when its power is not in the design). */
  energyKWh: number
  /** Seconds the system was failed. */
  downtimeS: number
  /**
   * One value per point of `series.timesS` of the result (latency 0 while failed);
   * `saturatedBy`: the tenant consuming most of the system at that point while its offered load
   * is at or above capacity, '' otherwise.
   */
  series: {
    iopsUtilization: number[]
    throughputUtilization: number[]
    latencyMs: number[]
    saturatedBy: string[]
  }
  /** Per tenant using the system: mean IOPS served and not served, share of capacity consumed. */
  tenants: Array<{
    tenantId: string
    meanServedIops: number
    meanNotServedIops: number
    /** Fraction of the capacity consumed over the run that this tenant consumed. */
    consumedShare: number
  }>
}

/** One tenant's storage over the run (all systems together). */
export interface StorageTenantResult {
  tenantId: string
  meanDemandedIops: number
  meanServedIops: number
  meanNotServedIops: number
  /** Front-end operations served and not served over the run (IOPS × s). */
  servedOperations: number
  notServedOperations: number
  meanServedMBps: number
  meanNotServedMBps: number
  /** Mean response time its served operations saw, ms (operation-weighted; 0 when none). */
  meanLatencyMs: number
  /** IOPS reserved at admission by its placed instances (`workload.iops`), summed. */
  provisionedIops: number
  /** Provisioned IOPS × months held (30-day months; the billed quantity). */
  provisionedIopsMonths: number
}

/** A storage system outage and the instances it took down (volumes with no copy elsewhere). */
export interface StorageFailureRecord {
  storageId: string
  atS: number
  repairedAtS?: number
  instanceIds: string[]
}

export interface StorageResult {
  /** Energy of every storage system, kWh (also a line of `summary.energyBreakdownKWh`). */
  energyKWh: number
  systems: StorageSystemResult[]
  tenants: StorageTenantResult[]
  failures: StorageFailureRecord[]
}
