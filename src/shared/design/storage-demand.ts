/**
 * Storage as a shared service during a run (issue 17, storage half): optional fields of the
 * design, schema version 2. Absent everywhere = the storage model is off, and a design gives
 * the same result as before.
 *
 * Two kinds of IOPS live side by side in a design; their names say which is which:
 * - `workload.iops` and `storage.iops` (version 1): what admission reserves per instance, and
 *   the system's saturation IOPS that the reservations must fit in (placement only);
 * - `workload.storageDemand.peakIops` (here): the I/O an instance actually issues over time,
 *   which the simulation shares among tenants at every step.
 *
 * Sources: NESTED_NETWORK_STORAGE.md §13 (replication, latency curve, QoS mechanisms), §14b
 * and §15d (storage power), §15c (defaults).
 */
import { z } from 'zod'
import { SYNTHETIC_PROFILES } from './enums'

const nonNegative = z.number().nonnegative()
const percent = z.number().min(0).max(100)

/** How a system shares its capacity (`engine/storage/qos-allocation.ts`). */
export const STORAGE_SHARING = ['qos', 'proportional'] as const

/** Per-instance I/O a workload issues over time. */
export const storageDemandSchema = z.strictObject({
  /** Front-end IOPS one instance issues at 100 % of its profile (not the admission `iops`). */
  peakIops: nonNegative,
  /** Front-end throughput one instance moves at 100 % of its profile, MB/s. */
  peakThroughputMBps: nonNegative.default(0),
  /** Share of operations (and bytes) that are reads, percent; writes are the rest. */
  readPercent: percent.default(70),
  /**
   * The fraction of the peak over time: a synthetic profile, or `trace` samples; with
   * neither, the I/O follows the instance's CPU demand (busy instances do I/O).
   */
  profile: z
    .strictObject({
      profile: z.enum(SYNTHETIC_PROFILES),
      meanPercent: percent,
      amplitudePercent: percent.default(0),
    })
    .optional(),
  /** Samples in percent of the peak, each held for `intervalS` seconds, repeating. */
  trace: z
    .strictObject({
      intervalS: z.number().int().positive(),
      percent: z.array(percent).min(1),
    })
    .optional(),
})

/** A planned outage of a storage system: down at `atS`, back `repairS` seconds later. */
export const storageFailureSchema = z.strictObject({
  atS: nonNegative,
  repairS: z.number().positive(),
})

/** Optional fields of a storage system for the run-time model (spread into `storageSchema`). */
export const storageSystemModelFields = {
  /** `qos` (default): tenants' minimums, then weighted max-min, capped by limits; or `proportional`. */
  sharing: z.enum(STORAGE_SHARING).optional(),
  /** Mean service time at no load, ms: S of R = S / (1 − U) (default 0.5 ms, all-flash, §15c). */
  serviceTimeMs: z.number().positive().max(10_000).optional(),
  /** Erasure code k + m instead of `replication` copies: writes cost (k + m) / k. */
  erasureCoding: z
    .strictObject({
      dataChunks: z.number().int().min(1).max(64),
      codingChunks: z.number().int().min(0).max(64),
    })
    .optional(),
  /** Power at idle and at full load, W (e.g. 2U of 24 × 10k SAS: 175 W loaded, §14b). */
  idlePowerW: nonNegative.optional(),
  loadPowerW: nonNegative.optional(),
  /** Mean time between failures / to repair, hours (used when failures are drawn: `mtbf`). */
  mtbfHours: z.number().positive().optional(),
  mttrHours: z.number().positive().optional(),
  /** Outages used when `simulation.failures.mode` is `schedule`. */
  failureSchedule: z.array(storageFailureSchema).optional(),
}

/**
 * A tenant's storage QoS on each system it uses (its volumes there together), front-end
 * figures as SolidFire's min/max IOPS and Cinder's `total_iops_sec` / `total_bytes_sec`;
 * `shares` as VMware SIOC's (low 500, normal 1,000, high 2,000; §13d).
 */
export const tenantStorageQosSchema = z.strictObject({
  minIops: nonNegative.optional(),
  maxIops: nonNegative.optional(),
  minMBps: nonNegative.optional(),
  maxMBps: nonNegative.optional(),
  shares: z.number().positive().max(1_000_000).optional(),
})

/** Price of one provisioned IOPS (the admission `iops`) held for a 30-day month. */
export const provisionedIopsPriceField = {
  provisionedIopsMonth: nonNegative.optional(),
}

export type StorageDemand = z.infer<typeof storageDemandSchema>
export type TenantStorageQos = z.infer<typeof tenantStorageQosSchema>
export type StorageFailure = z.infer<typeof storageFailureSchema>
