/**
 * Simulation settings stored in a design, so that a file reproduces a run.
 * Owned by the simulation area; read by the scheduler (placement preset and weights).
 */
import { z } from 'zod'
import { defaultSimulationSettings } from './defaults'
import { idSchema } from './id'
import { PLACEMENT_PRESETS } from './enums'
import { instanceFailureEventSchema } from './nesting'
import { MAX_HORIZON_S, stepCountProblem } from './simulation-limits'

/** Each field's default, from the one set in `defaults.ts`. */
const DEFAULT = defaultSimulationSettings()

export const failureEventSchema = z.strictObject({
  hostId: idSchema,
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
      .default(DEFAULT.seed),
    /** Simulated time span, seconds (at most `MAX_HORIZON_S`, 10 years). */
    horizonS: z.number().int().positive().max(MAX_HORIZON_S).default(DEFAULT.horizonS),
    /**
     * Scheduling / sampling interval, seconds; `horizonS / stepS` is at most
     * `MAX_SIMULATION_STEPS` (`simulation-limits.ts`).
     */
    stepS: z.number().int().positive().max(MAX_HORIZON_S).default(DEFAULT.stepS),
    /**
     * Consolidation policy: `npa`, `dvfs`, or `DETECTOR-SELECTOR-PARAM`
     * such as `thr-mmt-0.8`, `iqr-mmt-1.5`, `mad-mmt-2.5`, `lr-mmt-1.2`, `lrr-mmt-1.2`; at most
     * 200 characters. An unknown one is a design problem (`simulationSettingsProblems`).
     */
    policy: z.string().min(1).max(200).default(DEFAULT.policy),
    placement: z
      .strictObject({
        preset: z.enum(PLACEMENT_PRESETS).default(DEFAULT.placement.preset),
        /** Weigher name -> signed multiplier; replaces the preset's weights when given. */
        weights: z.record(z.string().max(200), z.number()).optional(),
      })
      .default(() => defaultSimulationSettings().placement),
    failures: z
      .strictObject({
        /** `none`; `mtbf`: drawn from each host's MTBF/MTTR with the seed; `schedule`: as listed. */
        mode: z.enum(['none', 'mtbf', 'schedule']).default(DEFAULT.failures.mode),
        schedule: z.array(failureEventSchema).default([]),
        /** Injected instance failures (issue 18), in any mode but CloudSim-compat. Absent = none. */
        instanceSchedule: z.array(instanceFailureEventSchema).optional(),
      })
      .default(() => defaultSimulationSettings().failures),
    /** Switch off hosts that are idle and empty. */
    switchOffIdleHosts: z.boolean().default(DEFAULT.switchOffIdleHosts),
    /** Model co-location interference from the virtualization table. */
    interference: z.boolean().default(DEFAULT.interference),
    /**
     * CloudSim 3.0.3 compatibility: reproduce its quirks exactly (instances whose demand
     * is zero for a whole interval finish; memory binds only at initial placement).
     */
    cloudsimCompat: z.boolean().default(DEFAULT.cloudsimCompat),
  })
  .superRefine((settings, context) => {
    const problem = stepCountProblem(settings.horizonS, settings.stepS)
    if (problem) context.addIssue({ code: 'custom', path: ['stepS'], message: problem })
  })
  .default(defaultSimulationSettings)

export type FailureEvent = z.infer<typeof failureEventSchema>
export type SimulationSettings = z.infer<typeof simulationSettingsSchema>
