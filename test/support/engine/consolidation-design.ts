/**
 * The small random datacentre the simulation's shortcut properties run on (issue 15: running
 * sums, incremental host updates, the lazy cost rate): the scheduler's synthetic datacentre
 * with alternating diurnal and bursty demand, in either mode, optionally with interference,
 * two scheduled host failures and per-tenant pricing. One builder for every such property, so
 * they differ only in what they vary.
 */
import type { Design } from '../../../src/shared/design/schema'
import { syntheticDatacenter } from '../../../src/main/engine/scheduler'

/** What a property varies; unset options leave the synthetic datacentre's defaults. */
export interface ConsolidationDesignOptions {
  hosts: number
  /** Instances per host (the datacentre has hosts × perHost). */
  perHost: number
  seed: number
  /** CloudSim-compatible mode. */
  compat: boolean
  horizonS: number
  /** Workload i's mean demand, percent of its capacity (even i diurnal, odd i bursty). */
  meanPercent: (i: number) => number
  /** The demand profiles' amplitude, percent. */
  amplitudePercent: number
  /** The design's own policy (runs may still pass another). */
  policy?: string
  stepS?: number
  /** Co-location interference (ignored in compat mode, which has none). */
  interference?: boolean
  /** Two scheduled host failures with repairs (general mode only). */
  failures?: boolean
  /** Each tenant's billing basis, cycled over the tenants (with fixed distinct prices). */
  billingBases?: ReadonlyArray<'allocated' | 'used'>
}

/** A three-tenant synthetic datacentre shaped by `o` (deterministic in its options). */
export function consolidationDesign(o: ConsolidationDesignOptions): Design {
  const d = syntheticDatacenter({
    hosts: o.hosts,
    instances: o.hosts * o.perHost,
    seed: o.seed,
    tenants: 3,
  })
  const bases = o.billingBases
  if (bases && bases.length > 0)
    d.tenants = d.tenants.map((t, i) => ({
      ...t,
      pricing: {
        ...t.pricing,
        basis: bases[i % bases.length] ?? 'allocated',
        vcpuHour: 0.05 + i / 100,
        memoryGiBHour: 0.01,
        storageGiBMonth: 0.1,
      },
    }))
  d.workloads = d.workloads.map((w, i) => ({
    ...w,
    demand: {
      profile: i % 2 === 0 ? 'diurnal' : 'bursty',
      meanPercent: o.meanPercent(i),
      amplitudePercent: o.amplitudePercent,
    },
  }))
  d.simulation = {
    ...d.simulation,
    cloudsimCompat: o.compat,
    seed: o.seed,
    horizonS: o.horizonS,
    ...(o.policy !== undefined ? { policy: o.policy } : {}),
    ...(o.stepS !== undefined ? { stepS: o.stepS } : {}),
    ...(o.interference !== undefined ? { interference: o.interference && !o.compat } : {}),
  }
  const [a, b] = d.hosts
  if (o.failures && !o.compat && a && b)
    d.simulation.failures = {
      ...d.simulation.failures,
      mode: 'schedule',
      schedule: [
        { hostId: a.id, atS: 3_000, repairS: 2_000 },
        { hostId: b.id, atS: 7_777, repairS: 600 },
      ],
    }
  return d
}

/** One kind of host in `hostKindsDesign` (hosts take the kinds in turn). */
export interface HostKind {
  cores: number
  mipsPerCore: number
  memoryMiB: number
  powerCurveW: number[]
}

/** What the PABFD and pre-check properties vary (`hostKindsDesign`). */
export interface HostKindsDesignOptions {
  hosts: number
  /** Instances per host (the datacentre has hosts × perHost). */
  perHost: number
  seed: number
  compat: boolean
  policy: string
  /** Host i is of kind i mod the number of kinds (one socket each). */
  kinds: readonly HostKind[]
  mipsPerVcpu: number
  /** Racks of the synthetic datacentre (its default when unset). */
  racks?: number
  /** Every fifth workload keeps its instances on distinct racks. */
  rackAntiAffinity?: boolean
  /** The first tenant takes dedicated hosts. */
  dedicatedTenant?: boolean
}

/**
 * A four-tenant synthetic datacentre of mixed host kinds (power curves, cores, memory small
 * enough to bind) with diurnal and bursty demand of means 10..82 %: the designs on which the
 * consolidation decision's properties (index against scan, pre-check against full tries) run.
 */
export function hostKindsDesign(o: HostKindsDesignOptions): Design {
  const d = syntheticDatacenter({
    hosts: o.hosts,
    instances: o.hosts * o.perHost,
    seed: o.seed,
    tenants: 4,
    ...(o.racks !== undefined ? { racks: o.racks } : {}),
  })
  d.hosts = d.hosts.map((h, i) => {
    const k = o.kinds[i % o.kinds.length] as HostKind
    return {
      ...h,
      sockets: 1,
      coresPerSocket: k.cores,
      mipsPerCore: k.mipsPerCore,
      memoryMiB: k.memoryMiB,
      powerCurveW: k.powerCurveW,
    }
  })
  // A design with containers needs an OS-level host (the validator says so).
  const containerHost = d.hosts.some((h) => h.virtualization.kind === 'os')
  d.workloads = d.workloads.map((w, i) => ({
    ...w,
    kind: containerHost ? w.kind : 'vm',
    mipsPerVcpu: o.mipsPerVcpu,
    demand: {
      profile: i % 2 ? 'diurnal' : 'bursty',
      meanPercent: 10 + (i % 7) * 12,
      amplitudePercent: 25,
    },
    affinity:
      o.rackAntiAffinity && i % 5 === 0 ? { policy: 'anti-affinity', scope: 'rack' } : w.affinity,
  }))
  if (o.dedicatedTenant)
    d.tenants = d.tenants.map((t, i) => (i === 0 ? { ...t, isolation: 'dedicated-hosts' } : t))
  d.simulation = { ...d.simulation, cloudsimCompat: o.compat, policy: o.policy, seed: o.seed }
  return d
}
