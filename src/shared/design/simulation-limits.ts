/**
 * How long a simulation run may be: the one bound on a run's horizon and on its number of
 * scheduling steps, shared by the design schema (`simulation.horizonS`, `simulation.stepS`),
 * `simulation:start` (its `horizonS` override) and every command that sets them. A run keeps
 * one series sample per step, so the step count bounds its memory (review s7a #2: `stepS` 1
 * over 10 years is 315,360,000 steps; a run of it grew by about 15 MB/s until the worker ran
 * out of heap).
 */

/** The longest horizon, s: 10 years of 365 days (10 × 365 × 86,400 s). */
export const MAX_HORIZON_S = 10 * 365 * 86_400

/** The most scheduling steps a run may take: 10 years of 5-minute steps (315,360,000 s / 300 s). */
export const MAX_SIMULATION_STEPS = MAX_HORIZON_S / 300

/** The number of scheduling steps of a run over `horizonS` in steps of `stepS` (whole steps, rounded up). */
export function simulationStepCount(horizonS: number, stepS: number): number {
  return Math.ceil(horizonS / stepS)
}

/**
 * Why a run over `horizonS` in steps of `stepS` is too long (more than `MAX_SIMULATION_STEPS`
 * steps), naming both settings, the count and the least step that would do; undefined when it
 * is not.
 */
export function stepCountProblem(horizonS: number, stepS: number): string | undefined {
  const steps = simulationStepCount(horizonS, stepS)
  if (!(steps > MAX_SIMULATION_STEPS)) return undefined
  const leastStepS = Math.ceil(horizonS / MAX_SIMULATION_STEPS)
  return (
    `a horizon of ${horizonS.toLocaleString('en-US')} s in steps of ${stepS} s is ` +
    `${steps.toLocaleString('en-US')} steps, more than a run may take ` +
    `(${MAX_SIMULATION_STEPS.toLocaleString('en-US')}: 10 years of 300 s steps); ` +
    `make stepS at least ${leastStepS} s or shorten horizonS`
  )
}

/**
 * The most migration records a run's result keeps (the engine's default
 * `migrationRecordLimit`; beyond it `migrationsTruncated` is set). A saved run with more
 * cannot be one Strata made.
 */
export const MIGRATION_RECORD_LIMIT = 100_000
