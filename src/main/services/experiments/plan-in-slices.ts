/**
 * Planning an experiment on main without holding its event loop (review s4, finding 2): the
 * engine's `planExperimentSteps` driven in slices. `startPlanning` stops once every factor
 * value is checked (so a typed mistake is still the start call's answer) and hands back the
 * plan's outline and a function that finishes the plan in the background.
 */
import type { Problem } from '../../../shared/contract'
import type { ExperimentSpec } from '../../../shared/experiment/spec'
import type { Design } from '../../../shared/design/schema'
import {
  planExperimentSteps,
  type ExperimentPlan,
  type PlanOutline,
  type PlanResult,
  type PlanStep,
} from '../../engine'
import { advance } from './slices'

export type PlanStart =
  | { ok: false; problems: Problem[] }
  | {
      ok: true
      outline: PlanOutline
      /** Resolves every combination (in slices) and gives the plan. */
      finish: (onStep?: (step: PlanStep) => void) => Promise<PlanResult>
    }

const outlineOf = (plan: ExperimentPlan): PlanOutline => ({
  name: plan.name,
  factorNames: plan.factorNames,
  combinations: plan.combinations,
  repeat: plan.repeat,
  runs: plan.runs.length,
})

/** Checks every factor value of `spec` on `bases` in slices; see the module comment. */
export async function startPlanning(
  spec: ExperimentSpec,
  bases: ReadonlyArray<{ name: string; design: Design }>,
  onStep?: (step: PlanStep) => void,
): Promise<PlanStart> {
  const steps = planExperimentSteps(spec, bases)
  const checked = await advance(steps, {
    until: (s) => s.phase === 'build',
    ...(onStep ? { onStep } : {}),
  })
  if (checked.done) {
    const result = checked.value
    if (!result.ok) return { ok: false, problems: result.problems }
    return { ok: true, outline: outlineOf(result.plan), finish: () => Promise.resolve(result) }
  }
  const step = checked.step
  if (step.phase !== 'build') throw new Error('planning paused before its build phase')
  return {
    ok: true,
    outline: step.outline,
    finish: async (more) => {
      const built = await advance(steps, more ? { onStep: more } : {})
      if (!built.done) throw new Error('planning paused before its end')
      return built.value
    },
  }
}

/** Plans `spec` on `bases` in slices, reporting each step. */
export async function planInSlices(
  spec: ExperimentSpec,
  bases: ReadonlyArray<{ name: string; design: Design }>,
  onStep?: (step: PlanStep) => void,
): Promise<PlanResult> {
  const started = await startPlanning(spec, bases, onStep)
  return started.ok ? started.finish(onStep) : { ok: false, problems: started.problems }
}
