/**
 * Network traffic and the fabric in the design (schema v2, issue 17). Every field is optional:
 * a design that declares no traffic simulates exactly as before (no `network` in its result).
 *
 * - `workload.traffic`: what each instance sends over time, Gbps: east-west to peer workloads
 *   of its tenant and north-south to and from the outside. Distinct from
 *   `workload.reservedBandwidthMbps`, the bandwidth the scheduler reserves on a host's NIC and
 *   rack uplink at admission (placement), which no flow consumes.
 * - `fabric.externalUplinks`: the links to the outside, attached to core switches, each with its
 *   own capacity; north-south traffic crosses one of them.
 * - `fabric.migrationRateCapMiBps`: the hypervisor's cap on a live migration's copy rate.
 * - `fabric.failureSchedule`: switch, link and uplink failures at given times (used when the
 *   simulation's failure mode is `schedule`; with `mtbf`, each switch's and link's
 *   `mtbfHours`/`mttrHours` draw them).
 * - `switch.power`: idle + load power of a switch.
 * - tenant `pricing.transferGB`: price per GB sent.
 */
import { z } from 'zod'
import { SYNTHETIC_PROFILES } from './enums'

const id = z.string().min(1, 'must not be empty').max(200)
const gbps = z.number().nonnegative().max(1_000_000)

/** East-west traffic of each instance to one peer workload (spread evenly over its instances). */
export const peerTrafficSchema = z.strictObject({
  peerWorkloadId: id,
  /** Rate each instance sends to the peer workload at 100 % of its profile, Gbps. */
  sendGbps: gbps,
})

/** How traffic varies over time: percent of the declared rates. */
export const trafficProfileSchema = z.strictObject({
  profile: z.enum(SYNTHETIC_PROFILES),
  /** Mean, percent of the declared rates. */
  meanPercent: z.number().min(0).max(100),
  /** Diurnal swing or burst height, percent points. */
  amplitudePercent: z.number().min(0).max(100).default(0),
})

/** A traffic trace: percent of the declared rates at fixed steps (the last value repeats). */
export const trafficTraceSchema = z.strictObject({
  intervalS: z.number().int().positive(),
  percent: z.array(z.number().min(0).max(100)).min(1).max(1_000_000),
})

/**
 * A workload's network demand. All instances of the workload follow the same profile or
 * trace (so their flows aggregate exactly); neither given = constant 100 %.
 */
export const workloadTrafficSchema = z.strictObject({
  eastWest: z.array(peerTrafficSchema).max(1000).default([]),
  /** North-south, per instance: to the outside and from it, Gbps. */
  egressGbps: gbps.default(0),
  ingressGbps: gbps.default(0),
  profile: trafficProfileSchema.optional(),
  trace: trafficTraceSchema.optional(),
})

/** A link to the outside world, attached to core switches. */
export const externalUplinkSchema = z.strictObject({
  id,
  name: z.string().max(200),
  /** The core switches it attaches to (traffic to the outside leaves through one of them). */
  switchIds: z.array(id).min(1).max(1000),
  /** Capacity in each direction, Gbps. */
  capacityGbps: z.number().positive(),
  mtbfHours: z.number().positive().optional(),
  mttrHours: z.number().positive().optional(),
})

/** A fabric element (switch, link, uplink) failing at a given time. */
export const fabricFailureSchema = z.strictObject({
  elementId: id,
  atS: z.number().nonnegative(),
  repairS: z.number().positive(),
})

/** Fabric-wide settings. */
export const fabricSchema = z.strictObject({
  externalUplinks: z.array(externalUplinkSchema).max(10_000).default([]),
  failureSchedule: z.array(fabricFailureSchema).max(100_000).default([]),
  /**
   * Most a live migration's copy may take, MiB/s (absent: no cap, the max-min share alone).
   * A migration's rate is min(max-min share, cap); QEMU's default limit is 128 MiB/s
   * (NESTED_NETWORK_STORAGE.md §12d, §15b).
   */
  migrationRateCapMiBps: z.number().positive().max(1_000_000).optional(),
})

/**
 * Switch power: P = idleW + loadW × u, u the mean utilization of its links (both directions).
 * Sources: NESTED_NETWORK_STORAGE.md §14a/§15d — chassis plus active ports dominate (CARPO's
 * 48-port 1 GbE switch: 66.7 W + 48 × 0.91 W ≈ 110.4 W idle) and load adds at most ≈5 % of it.
 */
export const switchPowerSchema = z.strictObject({
  idleW: z.number().nonnegative().max(1_000_000),
  loadW: z.number().nonnegative().max(1_000_000).default(0),
})

/** Failure rates of a switch or link (used in `mtbf` failure mode). */
export const fabricReliabilityFields = {
  mtbfHours: z.number().positive().optional(),
  mttrHours: z.number().positive().optional(),
}

export type PeerTraffic = z.infer<typeof peerTrafficSchema>
export type WorkloadTraffic = z.infer<typeof workloadTrafficSchema>
export type ExternalUplink = z.infer<typeof externalUplinkSchema>
export type FabricFailure = z.infer<typeof fabricFailureSchema>
export type Fabric = z.infer<typeof fabricSchema>
export type SwitchPower = z.infer<typeof switchPowerSchema>
