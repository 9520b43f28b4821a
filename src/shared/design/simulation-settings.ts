/**
 * Simulation settings stored in a design, so that a file reproduces a run.
 * Owned by the simulation area; read by the scheduler (placement preset and weights).
 */
import { z } from 'zod'
import { PLACEMENT_PRESETS } from './enums'
import { instanceFailureEventSchema } from './nesting'

export const failureEventSchema = z.strictObject({
  hostId: z.string().min(1),
  /** Virtual time of the failure, seconds from the start. */
  atS: z.number().nonnegative(),
  /** Time to repair, seconds. */
  repairS: z.number().positive(),
})

export const simulationSettingsSchema = z
  .strictObject({
    /** Seed of the run's random source; the same design and seed give the same result. */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(0),
    /** Simulated time span, seconds. */
    horizonS: z
      .number()
      .int()
      .positive()
      .max(10 * 365 * 86_400)
      .default(86_400),
    /** Scheduling / sampling interval, seconds. */
    stepS: z.number().int().positive().default(300),
    /**
     * Consolidation policy: `npa`, `dvfs`, or `DETECTOR-SELECTOR-PARAM`
     * such as `thr-mmt-0.8`, `iqr-mmt-1.5`, `mad-mmt-2.5`, `lr-mmt-1.2`, `lrr-mmt-1.2`.
     */
    policy: z.string().min(1).default('dvfs'),
    placement: z
      .strictObject({
        preset: z.enum(PLACEMENT_PRESETS).default('spread'),
        /** Weigher name -> signed multiplier; replaces the preset's weights when given. */
        weights: z.record(z.string(), z.number()).optional(),
      })
      .default({ preset: 'spread' }),
    failures: z
      .strictObject({
        /** `none`; `mtbf`: drawn from each host's MTBF/MTTR with the seed; `schedule`: as listed. */
        mode: z.enum(['none', 'mtbf', 'schedule']).default('none'),
        schedule: z.array(failureEventSchema).default([]),
        /** Injected instance failures (issue 18), in any mode but CloudSim-compat. Absent = none. */
        instanceSchedule: z.array(instanceFailureEventSchema).optional(),
      })
      .default({ mode: 'none', schedule: [] }),
    /** Switch off hosts that are idle and empty. */
    switchOffIdleHosts: z.boolean().default(true),
    /** Model co-location interference from the virtualization table. */
    interference: z.boolean().default(true),
    /**
     * CloudSim 3.0.3 compatibility: reproduce its quirks exactly (instances whose demand
     * is zero for a whole interval finish; memory binds only at initial placement).
     */
    cloudsimCompat: z.boolean().default(false),
  })
  .default({
    seed: 0,
    horizonS: 86_400,
    stepS: 300,
    policy: 'dvfs',
    placement: { preset: 'spread' },
    failures: { mode: 'none', schedule: [] },
    switchOffIdleHosts: true,
    interference: true,
    cloudsimCompat: false,
  })

export type FailureEvent = z.infer<typeof failureEventSchema>
export type SimulationSettings = z.infer<typeof simulationSettingsSchema>
