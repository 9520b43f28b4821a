/**
 * Handlers of the `experiments:` calls: sweeps of the open design (factors from the panel) or
 * of a spec file, on the local pool; progress as `experiments:progress`. Provider only.
 */
import { fail, ok, type Problem } from '../../../shared/contract'
import { experimentSpecSchema } from '../../../shared/experiment/spec'
import { BASE_DESIGN, issuesToProblems, planExperiment } from '../../engine'
import type { AppContext } from '../context'
import { AppExperiments, ExperimentNotFound } from '../experiments/app-experiments'
import { loadExperiment } from '../experiments/load-experiment'
import type { HandlerMap } from '../handler-types'

type ExperimentsCall =
  | 'experiments:start'
  | 'experiments:cancel'
  | 'experiments:list'
  | 'experiments:results'
  | 'experiments:run'

export function experimentsHandlers(
  ctx: AppContext,
  experiments: AppExperiments = new AppExperiments({
    hub: ctx.hub,
    dataDir: ctx.paths.dataDir,
    strataVersion: ctx.version,
  }),
): HandlerMap<ExperimentsCall> {
  ctx.disposers.push(() => experiments.dispose())
  const found = <T>(f: () => T) => {
    try {
      return ok(f())
    } catch (error) {
      if (error instanceof ExperimentNotFound) return fail('not-found', error.message)
      throw error
    }
  }
  return {
    'experiments:start': async (req) => {
      if (experiments.busy())
        return fail('unavailable', 'an experiment is already running; cancel it or wait for it')
      if (req.specPath !== undefined) {
        const loaded = await loadExperiment(req.specPath, ctx.paths.dataDir)
        if (!loaded.ok) return fail('bad-request', loaded.message, loaded.problems)
        return ok(experiments.start(loaded.plan, req.workers))
      }
      const errors = ctx.design.problems.filter((p) => p.severity === 'error')
      if (errors.length > 0)
        return fail(
          'invalid-design',
          `the design has ${errors.length} error(s); fix them before running an experiment`,
          errors,
        )
      const design = ctx.design.design
      const parsed = experimentSpecSchema.safeParse({
        schemaVersion: 1,
        name: req.name ?? `${design.meta.name} experiment`,
        design: {},
        vary: req.vary,
        repeat: req.repeat,
      })
      if (!parsed.success)
        return fail(
          'bad-request',
          'the experiment is not valid',
          issuesToProblems(parsed.error.issues),
        )
      const planned = planExperiment(parsed.data, [{ name: BASE_DESIGN, design }])
      if (!planned.ok)
        return fail('bad-request', planProblemsMessage(planned.problems), planned.problems)
      return ok(experiments.start(planned.plan, req.workers))
    },
    'experiments:cancel': (req) =>
      found(() => ({ cancelled: experiments.cancel(req.experimentId) })),
    'experiments:list': () => ok(experiments.list()),
    'experiments:results': (req) => found(() => experiments.results(req.experimentId)),
    'experiments:run': (req) => found(() => experiments.run(req.experimentId, req.runId)),
  }
}

function planProblemsMessage(problems: readonly Problem[]): string {
  const first = problems[0]
  return first
    ? `the experiment is not valid: ${first.path ? `${first.path}: ` : ''}${first.message}`
    : 'the experiment is not valid'
}
