/**
 * One vocabulary for the figures of a simulation run and its bills (issue 10): each metric is
 * named and defined once here, and the Simulation panel, the reports and the CLI take their
 * labels and tooltips from this module, so the same figure carries the same name everywhere.
 * Zod-free and dependency-free, so the renderer can import it.
 *
 * Two families of SLA figures are kept apart on purpose:
 * - the tenants' availability SLA (promised vs delivered availability, with a verdict per
 *   tenant), which is what a tenant's contract speaks of;
 * - CloudSim's CPU-based metrics (SLATAH, PDM, SLAV, overall and average SLA violation), as
 *   defined by Beloglazov & Buyya (CCPE 24(13), 2012) and computed as CloudSim 3.0.3's
 *   `Helper` does. They carry no verdict.
 */

/** A metric's name, unit and meaning. */
export interface MetricDefinition {
  /** Label shown beside the figure. */
  label: string
  /** Unit the figure is shown in ('' for counts and verdicts). */
  unit: string
  /** One-sentence definition, used as the tooltip. */
  definition: string
  /** Formula in plain text. */
  formula: string
  /** Whose definition: Strata's own, or CloudSim 3.0.3's. */
  source: 'strata' | 'cloudsim'
}

const cloudsim = (label: string, definition: string, formula: string): MetricDefinition => ({
  label: `${label} (CloudSim)`,
  unit: '%',
  definition,
  formula,
  source: 'cloudsim',
})

/** Every run-level and tenant-level figure, by id. */
export const METRICS = {
  energy: {
    label: 'Energy',
    unit: 'kWh',
    definition:
      'Electricity the datacenter drew over the horizon: the hosts (each host’s power curve), plus the shared storage systems and the switches that declare power (their lines in “Energy by device”; hosts only when neither is modelled, as in CloudSim-compatible runs).',
    formula:
      'Σ_hosts ∫ P(u(t)) dt + Σ_storage ∫ P dt + Σ_switches ∫ (idle + load × u(t)) dt; general model: P held between state changes, 0 W for hosts off, failed or down',
    source: 'strata',
  },
  migrations: {
    label: 'Live migrations',
    unit: '',
    definition: 'Live migrations started by the consolidation policy.',
    formula: 'count',
    source: 'strata',
  },
  hostShutdowns: {
    label: 'Host shutdowns',
    unit: '',
    definition:
      'General model: up hosts switched off because they became empty; CloudSim-compatible runs: hosts whose allocated CPU fell to 0 (CloudSim’s count).',
    formula: 'count',
    source: 'strata',
  },
  hostFailures: {
    label: 'Host failures',
    unit: '',
    definition: 'Host failures from the design’s failure schedule or MTBF draws.',
    formula: 'count',
    source: 'strata',
  },
  promisedAvailability: {
    label: 'Promised availability',
    unit: '%',
    definition: 'The availability the provider promised the tenant (its SLA target in the design).',
    formula: 'tenant.slaAvailabilityPercent',
    source: 'strata',
  },
  deliveredAvailability: {
    label: 'Delivered availability',
    unit: '%',
    definition:
      'Share of time the tenant’s instances were running, counted from their first placement to the horizon; an instance the scheduler could not place counts as down for the whole horizon, so an incomplete placement lowers it.',
    formula:
      '100 × (1 − down / (up + down)), summed over the tenant’s instances; down = downtime + unplaced instances × horizon',
    source: 'strata',
  },
  meanAvailability: {
    label: 'Mean delivered availability',
    unit: '%',
    definition:
      'Delivered availability averaged over all instances; an unplaced instance counts as 0 %.',
    formula:
      'mean over instances of 100 × (1 − downtime / (uptime + downtime)); 0 for an unplaced instance',
    source: 'strata',
  },
  availabilitySlaMet: {
    label: 'Availability SLA met',
    unit: '',
    definition: 'Whether the delivered availability reached the promised availability.',
    formula: 'delivered availability ≥ promised availability',
    source: 'strata',
  },
  unplacedInstances: {
    label: 'Unplaced instances',
    unit: '',
    definition:
      'Instances the scheduler could not place; each counts as down for the whole horizon in the delivered availability.',
    formula: 'count',
    source: 'strata',
  },
  memoryInUse: {
    label: 'Memory in use',
    unit: 'MiB',
    definition:
      'Memory the running instances use, from their memory traces (reserved memory when an instance has none), sampled at each step per host and per tenant.',
    formula: 'Σ_instances memory trace × reserved memory',
    source: 'strata',
  },
  memoryPressure: {
    label: 'Memory pressure',
    unit: 'MiB',
    definition:
      'Memory in use beyond a host’s physical memory (possible only where memory is overcommitted); a tenant’s share is its part of each host’s pressure in proportion to the memory it uses there. Over the run: GiB-hours.',
    formula:
      'host: max(0, memory in use − physical memory); tenant: Σ_hosts pressure × own memory in use / memory in use',
    source: 'strata',
  },
  downtime: {
    label: 'Downtime',
    unit: 's',
    definition:
      'Instance-seconds spent down: from a host failure until the restart (or the horizon); an instance the scheduler could not place is down for the whole horizon.',
    formula: 'Σ_instances (restart − failure)',
    source: 'strata',
  },
  cpuLostContention: {
    label: 'CPU lost to contention',
    unit: '%',
    definition:
      'CPU the tenant asked for but was not given because co-resident instances (or a migration) took the host’s capacity.',
    formula: '(requested − allocated) / requested, MIPS × s',
    source: 'strata',
  },
  cpuLostInterference: {
    label: 'CPU lost to interference',
    unit: '%',
    definition:
      'CPU allocated to the tenant but wasted by co-location interference (cache and memory-bus contention of busy neighbours), in proportion to the share of the host its neighbours use.',
    formula: 'interference loss / requested, MIPS × s',
    source: 'strata',
  },
  cpuLost: {
    label: 'CPU lost (contention + interference)',
    unit: '%',
    definition: 'All CPU the tenant asked for and did not get: contention plus interference.',
    formula: '(requested − received) / requested, MIPS × s',
    source: 'strata',
  },
  slatah: cloudsim(
    'SLATAH',
    'SLA violation Time per Active Host: the share of the hosts’ active time during which a host could not give its instances all the CPU they asked for.',
    'Σ_hosts T_overloaded / Σ_hosts T_active',
  ),
  pdm: cloudsim(
    'PDM',
    'Performance Degradation due to Migration: CPU requested but not delivered while instances migrated, over all CPU requested.',
    'Σ_instances C_degraded-by-migration / Σ_instances C_requested',
  ),
  slav: cloudsim('SLAV', 'SLA Violation: the product of SLATAH and PDM.', 'SLATAH × PDM'),
  overallSlaViolation: cloudsim(
    'Overall SLA violation',
    'CPU requested but not allocated, over all CPU requested, across all instances (a CPU shortfall, not an availability figure). CloudSim has no interference; outside CloudSim-compatible mode, allocated CPU is net of co-location interference, so this figure includes the CPU lost to it (the contention-only figure beside it leaves it out).',
    '(Σ requested − Σ allocated) / Σ requested, MIPS × s',
  ),
  overallSlaViolationContentionOnly: cloudsim(
    'Overall SLA violation, contention only',
    'CloudSim’s overall SLA violation with allocated CPU counted before co-location interference: the CPU requested but not allocated because co-resident instances or migrations took the host’s capacity. The same as the overall SLA violation when there is no interference (always in CloudSim-compatible runs).',
    '(Σ requested − Σ (allocated + interference loss)) / Σ requested, MIPS × s',
  ),
  averageSlaViolation: cloudsim(
    'Average SLA violation',
    'The mean CPU shortfall of the intervals in which an instance got less than it asked for (intervals with no shortfall are not counted). Outside CloudSim-compatible mode the shortfall includes CPU lost to co-location interference.',
    'mean over under-allocated (instance, interval) of (requested − allocated) / requested',
  ),
} as const satisfies Record<string, MetricDefinition>

export type MetricId = keyof typeof METRICS

/** "Label (unit)" of a metric, for table headers. */
export function metricHeader(id: MetricId): string {
  const m: MetricDefinition = METRICS[id]
  return m.unit ? `${m.label} (${m.unit})` : m.label
}

/** What each bill line measures, and on which basis. */
export const BILL_ITEMS = {
  'vcpu-hours': {
    label: 'vCPU',
    unit: 'vCPU-hours',
    allocated: 'vCPUs held by running instances × hours',
    used: 'vCPUs’ worth of CPU actually received × hours',
  },
  'memory-gib-hours': {
    label: 'Memory',
    unit: 'GiB-hours',
    allocated: 'memory reserved by running instances × hours',
    used: 'memory in use by running instances × hours (from memory traces; reserved memory when there is none)',
  },
  'storage-gib-months': {
    label: 'Storage',
    unit: 'GiB-months (30 days)',
    allocated: 'disk provisioned for placed instances × months, down time included',
    used: 'disk provisioned for placed instances × months, down time included (storage is always billed as provisioned)',
  },
  'provisioned-iops-months': {
    label: 'Provisioned IOPS',
    unit: 'IOPS-months (30 days)',
    allocated:
      'IOPS reserved at admission (workload iops) for placed instances × months, down time included',
    used: 'IOPS reserved at admission for placed instances × months, down time included (provisioned IOPS are always billed as provisioned)',
  },
  'network-gb': {
    label: 'Network',
    unit: 'GB sent (10^9 bytes)',
    allocated:
      'traffic the tenant’s instances sent and the fabric delivered (traffic is always billed as used)',
    used: 'traffic the tenant’s instances sent and the fabric delivered',
  },
} as const

/** What "allocated" and "used" mean on a bill. */
export const BILLING_BASIS_DEFINITIONS = {
  allocated: 'Allocated basis: the tenant pays for capacity reserved for its running instances.',
  used: 'Used basis: the tenant pays for capacity its instances actually consumed.',
} as const
