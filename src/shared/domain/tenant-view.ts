/**
 * Tenant projections (issue 6). A `TenantView` is everything one tenant may see of the
 * shared datacenter: its own instances, networks, volumes, quotas, usage, bill, SLA figures
 * and the scheduler's explanations about its own instances. Physical placement appears only
 * as abstract zones (`zone-1`, `zone-2`, ...; a host's name only when the provider set the
 * tenant's `showHostNames`). Nothing in it names, counts or totals another tenant or the
 * provider's hardware. Domain types: the engine builds them (`src/main/engine/tenancy`),
 * main's boundary re-checks them, the contract (`src/shared/contract/calls/tenancy.ts`)
 * re-exports them.
 */
import type { IsolationPolicy, OsFamily, WorkloadKind } from '../design/enums'
import type { BillLineValues } from './bill-line'

/** The tenant itself, as it may see its own record. */
export interface TenantViewTenant {
  id: string
  name: string
  /** `#rrggbb`. */
  colour: string
  isolation: IsolationPolicy
  /** Whether zones carry the real host names (set by the provider per tenant). */
  showHostNames: boolean
}

/**
 * A pseudonymous host ("placement zone" in the code; labelled `Host N`): one physical host the
 * tenant's instances use, under a pseudonym numbered in the order of the tenant's own
 * instances. Reveals nothing about the host unless the tenant may see host names.
 */
export interface TenantZone {
  /** `zone-1`, `zone-2`, ... */
  id: string
  /** `Host 1` (a pseudonym), or the host's real name when `showHostNames`. */
  label: string
  /** Present only when the tenant may see host names. */
  hostName?: string
  /**
   * The tenant's own instances in this zone, in instance order: those the view lists
   * (`TenantView.instances`, at most `instanceLimit`), so a zone never names more.
   */
  instanceIds: string[]
}

/** What one of the tenant's instances did in the latest simulation run. */
export interface TenantInstanceRun {
  status: 'running' | 'finished' | 'waiting' | 'unplaced'
  migrations: number
  downtimeS: number
  availabilityPercent: number
  requestedCpuMi: number
  allocatedCpuMi: number
  /** CPU the instance asked for but did not get (contention, migration, interference), million instructions. */
  stealCpuMi: number
}

/** One of the tenant's instances: `${workloadId}#${i}`. */
export interface TenantInstance {
  id: string
  workloadId: string
  workloadName: string
  kind: WorkloadKind
  vcpus: number
  mipsPerVcpu: number
  memoryMiB: number
  diskGiB: number
  guestOs: OsFamily
  networkId?: string
  /** `placed` with a zone, `unplaced` (refused by the scheduler) or `unknown` (not placed yet). */
  placement: 'placed' | 'unplaced' | 'unknown'
  zoneId?: string
  run?: TenantInstanceRun
}

/** One of the tenant's virtual networks. */
export interface TenantNetwork {
  id: string
  name: string
  kind: 'vlan' | 'vxlan'
  segmentId: number
  cidr: string
  instanceIds: string[]
}

/**
 * An instance's disk, on the storage class it asked for (never the storage system). Instances
 * inside the tenant's own VMs have none: their disk is part of their VM's.
 */
export interface TenantVolume {
  /** `${instanceId}/disk`. */
  id: string
  instanceId: string
  sizeGiB: number
  /** The class the workload asked for; `default` when none. */
  storageClass: string
}

export type QuotaResource = 'instances' | 'vcpus' | 'memoryMiB' | 'diskGiB'

/**
 * A quota and the tenant's own use of it. Instances inside the tenant's own VMs (`nesting`)
 * count in no quota: their VMs do.
 */
export interface TenantQuota {
  resource: QuotaResource
  /** Absent when the tenant has no limit on it. */
  limit?: number
  /** What the tenant's workloads ask for in total. */
  requested: number
  /** What its placed instances hold; absent before any placement. */
  placed?: number
}

/** One line of a tenant's bill: the same shape as the simulation's bill lines (`bill-line.ts`). */
export type TenantBillLine = BillLineValues

/** The tenant's bill: from the latest simulation, or estimated from its allocation. */
export interface TenantViewBill {
  source: 'simulation' | 'estimate'
  /** The billed period, seconds of virtual time (what was simulated, for a stopped run). */
  periodS: number
  /** Set when the run was cancelled or failed: the bill covers only `periodS` simulated. */
  stopped?: 'cancelled' | 'failed'
  currency: string
  basis: 'allocated' | 'used'
  lines: TenantBillLine[]
  total: number
}

/** SLA figures: the promise, and what the latest run delivered to this tenant. */
export interface TenantSla {
  promisedAvailabilityPercent: number
  availabilityPercent?: number
  violation?: boolean
  /** Own instances the scheduler could not place (counted as down for the whole horizon). */
  unplacedInstances?: number
  downtimeS?: number
  migrations?: number
  requestedCpuMi?: number
  /**
   * All CPU asked for and not run (contention, migration and interference; never who caused
   * it), million instructions: the glossary's `cpuLost`.
   */
  stealCpuMi?: number
  /**
   * The part of `stealCpuMi` lost to co-location interference, million instructions
   * (≤ stealCpuMi; the rest is contention): the glossary's `cpuLostInterference`.
   */
  interferenceLostCpuMi?: number
  /** stealCpuMi / requestedCpuMi. */
  lostCpuFraction?: number
  /**
   * The same lost CPU as vCPU time, vCPU-hours: each own instance's lost million instructions
   * over its vCPUs' MIPS, summed (absent when the run kept no per-instance records).
   */
  stealVcpuHours?: number
}

/** Usage counters from the latest run. */
export interface TenantUsageFigures {
  vcpuHours: number
  memoryGiBHours: number
  storageGiBMonths: number
}

/**
 * The tenant's own storage I/O in the latest run (issue 17), all systems together: never a
 * storage system's name or another tenant's figure.
 */
export interface TenantStorageFigures {
  meanDemandedIops: number
  meanServedIops: number
  meanNotServedIops: number
  meanServedMBps: number
  meanNotServedMBps: number
  /** Mean response time of its served operations, ms. */
  meanLatencyMs: number
  /** IOPS its placed instances reserve at admission. */
  provisionedIops: number
}

/** One of the tenant's workloads as a node of its virtual network. */
export interface TenantVirtualNode {
  workloadId: string
  workloadName: string
  /** The tenant network it is attached to, if any. */
  networkId?: string
  /** How many instances the workload declares. */
  instanceCount: number
}

/**
 * A virtual link: traffic one of the tenant's workloads declares, east-west to a peer
 * workload of the same tenant, or north-south to (`egress`) or from (`ingress`) the internet.
 */
export interface TenantVirtualLink {
  kind: 'east-west' | 'egress' | 'ingress'
  /** The declaring workload (the sender; for `ingress` the receiver). */
  workloadId: string
  /** The peer workload of an east-west link. */
  peerWorkloadId?: string
  /**
   * What the workload asks for at 100 % of its traffic profile, Gbps: the per-instance rate
   * (`sendGbps`, `egressGbps` or `ingressGbps`) × its instance count.
   */
  declaredGbps: number
}

/** What the latest run carried for one of the tenant's workloads (all its virtual links). */
export interface TenantWorkloadTraffic {
  workloadId: string
  /** Delivered, GB (10^9 bytes). */
  gbSent: number
  /** Asked for but not carried (congestion, no running peer, no path), GB. */
  demandNotServedGB: number
  /** demandNotServedGB / (gbSent + demandNotServedGB), 0..1 (0 when it asked for nothing). */
  notServedFraction: number
}

/** The tenant's virtual network: an overlay of its own workloads and their traffic. */
export interface TenantVirtualNetwork {
  /** Its workloads that send or receive traffic, in workload-id order. */
  nodes: TenantVirtualNode[]
  links: TenantVirtualLink[]
  /** The latest run's figures; absent before a run that modelled the network. */
  traffic?: {
    /** Sent by its instances and delivered (east-west and to the internet), GB; billed. */
    gbSent: number
    /** Received from the internet and delivered to its instances, GB; not billed. */
    gbReceived: number
    demandNotServedGB: number
    notServedFraction: number
    /** Largest `gbSent` first. */
    workloads: TenantWorkloadTraffic[]
  }
}

/** The tenant's own time series from the latest run, one value per sample. */
export interface TenantViewSeries {
  timesS: number[]
  vcpus: number[]
  allocatedMips: number[]
  requestedMips: number[]
  cumulativeCost: number[]
}

/** A scheduler decision about one of the tenant's instances, in tenant-safe words. */
export interface TenantExplanation {
  instanceId: string
  outcome: 'placed' | 'unplaced'
  zoneId?: string
  /**
   * One sentence that names every one of `reasons` (views show it alone: review s9u C2 saw
   * the reasons twice); never names hosts (unless allowed), racks or other tenants.
   */
  summary: string
  /** Why hosts were not chosen, as reasons without counts of the provider's hosts (as a list). */
  reasons: string[]
}

/** State of the simulation as far as this tenant's view is concerned. */
export interface TenantRunState {
  status: 'running' | 'paused' | 'done' | 'cancelled' | 'failed'
  /** 0..1. */
  progress: number
  virtualTimeS: number
  horizonS: number
}

/** Everything one tenant may see. */
export interface TenantView {
  tenant: TenantViewTenant
  zones: TenantZone[]
  /** The tenant's instances in order, at most `instanceLimit` of them. */
  instances: TenantInstance[]
  /** How many instances the tenant has in all (its own count). */
  instanceCount: number
  /** True when `instances` and `volumes` were cut at `instanceLimit`. */
  instancesTruncated: boolean
  instanceLimit: number
  networks: TenantNetwork[]
  volumes: TenantVolume[]
  quotas: TenantQuota[]
  usage?: TenantUsageFigures
  bill: TenantViewBill
  sla: TenantSla
  series?: TenantViewSeries
  /** Its storage I/O in the latest run (absent when the run did not model storage). */
  storage?: TenantStorageFigures
  /**
   * Its virtual network as an overlay (issue 17): its workloads, the traffic they declare
   * between each other and to the internet, and what the latest run carried. Absent when none
   * of its workloads declares traffic. Never a physical link, switch or another tenant.
   */
  virtualNetwork?: TenantVirtualNetwork
  explanations: TenantExplanation[]
  run?: TenantRunState
}
