/**
 * What a simulation run (`src/main/engine/simulation`) produces: the whole-run summary, time
 * series, per-tenant usage and bills, per-instance records, failures, migrations, and the
 * live deltas pushed while it runs. All numbers carry their unit in their name; fractions
 * are 0..1. Domain types: the CLI prints them with `--json`, reports and tenancy read them;
 * the contract (`src/shared/contract/calls/simulation.ts`) re-exports them.
 */
import type { LayerCost } from './layer-costs'
import type { StorageResult } from './storage-result'
import type { BillLineValues } from './bill-line'
import type { NetworkResult } from './network-result'

/** A run's energy by consumer, kWh; a line is absent when the run does not model it. */
export interface EnergyBreakdownKWh {
  /** Every host (IT load as the power curves give it). */
  hosts: number
  /** Every storage system (`result.storage.energyKWh`). */
  storage?: number
  /** Every switch with a power model (`result.network.switchEnergyKWh`). */
  switches?: number
}

/** Whole-run figures (the CLI's `--json` output is this object). */
export interface SimulationSummary {
  /** Consolidation policy that ran, e.g. `dvfs`, `thr-mmt-0.8`. */
  policy: string
  seed: number
  horizonS: number
  stepS: number
  /** Number of hosts in the design. */
  hosts: number
  /**
   * Number of instances placed directly on hosts (VMs and containers), as CloudSim counts VMs;
   * instances inside VMs (`nesting.runsIn`) ride with their VM and are not counted here (see
   * `countInstances` in `shared/design/instance-count.ts` for the design's total).
   */
  vms: number
  energyKWh: number
  /**
   * `energyKWh` by consumer, present when more than the hosts draw power (storage systems,
   * switches; issue 17); the lines sum to `energyKWh`.
   */
  energyBreakdownKWh?: EnergyBreakdownKWh
  /** Live migrations started. */
  migrations: number
  /** CloudSim's SLA violation time per active host (fraction; `METRICS.slatah`). */
  slatah: number
  /** CloudSim's performance degradation due to migrations (fraction; `METRICS.pdm`). */
  pdm: number
  /** CloudSim's SLATAH x PDM (fraction). */
  slav: number
  /** CloudSim's (requested - allocated) / requested CPU over all instances and time (fraction). */
  overallSlaViolation: number
  /**
   * The same formula with allocated CPU counted before co-location interference, so only CPU
   * lost to contention and migrations (fraction; `METRICS.overallSlaViolationContentionOnly`).
   * Equals `overallSlaViolation` in CloudSim-compatible runs (no interference).
   */
  overallSlaViolationContentionOnly: number
  /** CloudSim's mean of (requested - allocated) / requested over under-allocated intervals. */
  averageSlaViolation: number
  /** General model: up hosts switched off when empty; compat: CloudSim's active -> inactive count. */
  hostShutdowns: number
  /**
   * Memory instances used beyond their hosts' physical memory (only where memory is
   * overcommitted), GiB-hours; 0 when memory never ran short (general model only).
   */
  memoryPressureGiBHours: number
  /** Host failures that happened during the run. */
  hostFailures: number
  /** Instances that could not be placed at the start. */
  unplacedInstances: number
  /** Mean availability over all instances, percent (an unplaced instance counts as 0 %). */
  meanAvailabilityPercent: number
  /** Wall time of the run itself (not process start-up), milliseconds. */
  elapsedMs: number
}

/** Per-host time series, one value per sample in `SimulationSeries.timesS`. */
export interface HostSeries {
  hostId: string
  /** Allocated CPU / host capacity, fraction 0..1. */
  utilization: number[]
  powerW: number[]
  /** Instances resident on the host (incl. incoming migrations). */
  instances: number[]
  /**
   * Memory the resident instances use (from memory traces; reserved memory when there is
   * none), MiB; 0 while the host is down. Absent in results saved before it existed.
   */
  memoryInUseMiB?: number[]
  /** Memory in use beyond the host's physical memory (`METRICS.memoryPressure`), MiB. */
  memoryPressureMiB?: number[]
}

/** Per-rack time series, one value per sample. */
export interface RackSeries {
  rackId: string
  /** Mean of the rack's hosts' utilization (a failed host counts as 0), fraction 0..1. */
  utilization: number[]
  /** Hosts of the rack in service (design state 'up') and not failed. */
  hostsUp: number[]
}

/** Per-tenant time series, one value per sample. */
export interface TenantSeries {
  tenantId: string
  /** vCPUs of the tenant's running instances. */
  vcpus: number[]
  /** CPU the tenant's instances received, MIPS. */
  allocatedMips: number[]
  /** CPU the tenant's instances asked for, MIPS. */
  requestedMips: number[]
  /** Bill accumulated up to the sample, in the tenant's currency. */
  cumulativeCost: number[]
  /** Memory the tenant's running instances use, MiB. Absent in results saved before it existed. */
  memoryInUseMiB?: number[]
  /**
   * The tenant's share of its hosts' memory pressure, MiB: each host's pressure split among its
   * instances in proportion to the memory each uses.
   */
  memoryPressureMiB?: number[]
}

export interface SimulationSeries {
  /** Sample instants, seconds of virtual time (one per scheduling step). */
  timesS: number[]
  /**
   * Power of every host, plus every storage system and switch when the run models storage or
   * network traffic (issue 17), W.
   */
  totalPowerW: number[]
  activeHosts: number[]
  /** Hosts in the design order; empty when the run was asked for no per-host series. */
  hosts: HostSeries[]
  /**
   * Racks in the design order, always kept: what a view shows per rack (and for each host of a
   * rack) when the run kept no per-host series. Absent in results saved before it existed.
   */
  racks?: RackSeries[]
  tenants: TenantSeries[]
}

/**
 * One line of a tenant's bill: its item, basis, allocated, used and billed quantities, rate and
 * amount (`bill-line.ts`, the one shape of every bill line, simulated or estimated).
 */
export type BillLine = BillLineValues

export interface TenantBill {
  /** ISO 4217 code of every amount of this bill; bills in other currencies are never summed. */
  currency: string
  /** The tenant's pricing basis (each line states the basis it actually used). */
  basis: 'allocated' | 'used'
  lines: BillLine[]
  total: number
}

/** What one tenant used, suffered and owes over the run. */
export interface TenantUsage {
  tenantId: string
  instances: number
  /** Instances the scheduler could not place; each counts as down for the whole horizon. */
  unplacedInstances: number
  /** vCPUs held by running instances × hours (allocated). */
  vcpuHours: number
  /** CPU received, in vCPU-hours (used). */
  usedVcpuHours: number
  /** Memory reserved by running instances, GiB-hours (allocated). */
  memoryGiBHours: number
  /** Memory in use (from memory traces; reserved when there is none), GiB-hours. */
  usedMemoryGiBHours: number
  storageGiBMonths: number
  /** Live migrations of this tenant's instances. */
  migrations: number
  /**
   * Instance-seconds the tenant's instances were down: host failure until restart, and the
   * whole horizon of each unplaced instance (`METRICS.downtime`).
   */
  downtimeS: number
  /**
   * 100 x (1 - down / (up + down)), where down includes each unplaced instance's whole horizon
   * (`METRICS.deliveredAvailability`).
   */
  availabilityPercent: number
  /** The availability the provider promised (from the design). */
  slaAvailabilityPercent: number
  /** Availability fell below the promise. */
  slaViolation: boolean
  /** CPU asked for, MIPS-seconds (= million instructions). */
  requestedCpuMi: number
  /** CPU lost to contention, migrations and interference, million instructions. */
  stealCpuMi: number
  /** The part of `stealCpuMi` lost to co-location interference, million instructions. */
  interferenceLostCpuMi: number
  /** stealCpuMi / requestedCpuMi (0 when nothing was requested). */
  lostCpuFraction: number
  bill: TenantBill
}

/** One instance's life in the run, keyed by `${workloadId}#${i}`. */
export interface InstanceRecord {
  instanceId: string
  workloadId: string
  tenantId: string
  /** Where it started; absent if it could not be placed. */
  initialHostId?: string
  /** Where it was at the end; absent if not running then. */
  finalHostId?: string
  /**
   * `running` at the end; `finished` (CloudSim-compat: zero demand ends it); `waiting` for a
   * host after a failure; `unplaced` (never started).
   */
  status: 'running' | 'finished' | 'waiting' | 'unplaced'
  migrations: number
  /** Seconds down (failure until restart); the whole horizon when `unplaced`. */
  downtimeS: number
  availabilityPercent: number
  requestedCpuMi: number
  allocatedCpuMi: number
  /** Part of the shortfall caused by co-location interference, million instructions. */
  interferenceLostMi: number
  /**
   * Nested instances (issue 18): the outer instance it runs in. Its CPU figures are 0 (its
   * work is inside the outer instance's); its downtime follows the outer instance's.
   */
  outerInstanceId?: string
}

/** A host failure and what became of its instances. */
export interface FailureRecord {
  hostId: string
  atS: number
  /** When the host came back; absent if still down at the end. */
  repairedAtS?: number
  /** Every instance that was on the host when it failed, with where and when it restarted. */
  instances: Array<{ instanceId: string; restartedOnHostId?: string; restartedAtS?: number }>
  /** An injected instance failure (issue 18): the instance that failed; the host stayed up. */
  instanceId?: string
}

/** One live migration. */
export interface MigrationRecord {
  instanceId: string
  fromHostId: string
  toHostId: string
  startS: number
  endS: number
  reason: 'overload' | 'underload'
}

/** Everything a finished run produced. */
export interface SimulationResult {
  runId: string
  summary: SimulationSummary
  tenants: TenantUsage[]
  instances: InstanceRecord[]
  failures: FailureRecord[]
  migrations: MigrationRecord[]
  /** True when `migrations` holds only the first `migrationRecordLimit` records. */
  migrationsTruncated: boolean
  series: SimulationSeries
  /** What each layer of virtualization costs (issue 18); absent when no workload is nested. */
  layers?: LayerCost[]
  /** Storage as a shared service (issue 17); absent when the design does not use it. */
  storage?: StorageResult
  /** Traffic over the fabric (issue 17); absent when no workload declares traffic. */
  network?: NetworkResult
}

/**
 * The new part of a running simulation's series, pushed with each progress event so views
 * can draw live charts and colour the canvas without waiting for the result. Series are
 * appended: `fromIndex` is the index of the first point here in the run's series.
 */
export interface LiveDelta {
  fromIndex: number
  timesS: number[]
  totalPowerW: number[]
  activeHosts: number[]
  /** Per tenant, in design order: CPU received (MIPS) and bill so far, at each point. */
  tenantAllocMips: number[][]
  tenantCost: number[][]
  /** Utilization of every host (design order, 0..1) at the latest point; empty without host series. */
  hostUtilizationNow: number[]
  /** Hosts down at the latest point. */
  failedHostIds: string[]
  energyKWh: number
  migrations: number
}
