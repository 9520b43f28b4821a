/**
 * The `network` section of a simulation result (issue 17): per-link utilization over time,
 * per-tenant traffic served and not served, switch energy and migration traffic. Present only
 * when a workload declares traffic and the run is not CloudSim-compatible.
 */

/** One link or external uplink over the run. Utilization is the busier direction's, 0..1. */
export interface NetworkLinkUsage {
  /** The link's or external uplink's id. */
  id: string
  kind: 'link' | 'uplink'
  capacityGbps: number
  /** Highest utilization at any processing instant or live migration's end, 0..1. */
  peakUtilization: number
  /** Time-weighted mean utilization over [0, H], 0..1. */
  meanUtilization: number
  /**
   * Seconds its busier direction carried ≥ 99.9 % of its capacity, s: exact, counting a live
   * migration's load only while it copies (the series alone would hold it to the next
   * instant). Absent in results saved before it was added (readers fall back to the series).
   */
  saturatedS?: number
  /** Utilization at each point of `timesS` (the state at that instant). */
  utilizationSeries: number[]
}

/** One workload's traffic over the run (top talkers). */
export interface NetworkWorkloadUsage {
  workloadId: string
  /** Traffic its instances sent and had delivered (east-west and egress), GB (10^9 bytes). */
  gbSent: number
  /** Traffic it asked to send but the fabric did not carry (congestion, no path), GB. */
  demandNotServedGB: number
}

/** One tenant's traffic over the run. */
export interface NetworkTenantUsage {
  tenantId: string
  /** Traffic its instances sent and had delivered (east-west and egress), GB; what is billed. */
  gbSent: number
  /** Traffic from outside the datacenter (ingress) delivered to its instances, GB; not billed. */
  gbReceived: number
  demandNotServedGB: number
  /** demandNotServed / demand, over sent and received traffic (0 when it asked for nothing). */
  notServedFraction: number
  /** Its workloads with traffic, largest `gbSent` first. */
  workloads: NetworkWorkloadUsage[]
}

export interface NetworkResult {
  /** Processing instants of the series, seconds. */
  timesS: number[]
  /** Every link then every external uplink, in design order. */
  links: NetworkLinkUsage[]
  tenants: NetworkTenantUsage[]
  /**
   * Energy of the switches that declare power, kWh (P = idle + load × utilization, held); also
   * the `switches` line of `summary.energyBreakdownKWh`, inside `summary.energyKWh`.
   */
  switchEnergyKWh: number
  /**
   * Traffic of live migrations, GB (10^9 bytes): each one's rate × the seconds it copied, so
   * Σ memory × 2^20 bytes for the migrations that finished (pre-copy rounds are not modelled).
   */
  migrationGB: number
  /** Fabric elements (switches, links, uplinks) that failed during the run. */
  fabricFailures: Array<{ elementId: string; atS: number; repairedAtS?: number }>
}
