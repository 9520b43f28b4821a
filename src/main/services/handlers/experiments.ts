/**
 * Handlers of the `experiments:` calls: sweeps of the open design (factors from the panel) or
 * of a spec file, on the local pool; progress as `experiments:progress`. Provider only.
 */
import { fail, ok, type Problem } from '../../../shared/contract'
import type { Design } from '../../../shared/design/schema'
import { experimentSpecSchema, type ExperimentSpec } from '../../../shared/experiment/spec'
import { BASE_DESIGN, issuesToProblems, runProblems } from '../../engine'
import type { AppContext } from '../context'
import { AppExperiments, ExperimentBusy, ExperimentNotFound } from '../experiments/app-experiments'
import { readExperiment } from '../experiments/load-experiment'
import { workersProblem } from '../experiments/local-pool'
import { startPlanning } from '../experiments/plan-in-slices'
import type { HandlerMap } from '../handler-types'
import { refuseUnsaved } from '../unsaved-guard'

type ExperimentsCall =
  | 'experiments:start'
  | 'experiments:cancel'
  | 'experiments:list'
  | 'experiments:results'
  | 'experiments:run'
  | 'experiments:open-run'
  | 'experiments:series'

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
      const workersRefused = req.workers === undefined ? undefined : workersProblem(req.workers)
      if (workersRefused)
        return fail('bad-request', workersRefused, [
          { severity: 'error', path: 'request.workers', message: workersRefused },
        ])
      let spec: ExperimentSpec
      let bases: Array<{ name: string; design: Design }>
      if (req.specPath !== undefined) {
        const read = await readExperiment(req.specPath, ctx.paths.dataDir)
        if (!read.ok) return fail('bad-request', read.message, read.problems)
        spec = read.spec
        bases = read.bases
      } else {
        const errors = ctx.design.problems.filter((p) => p.severity === 'error')
        if (errors.length > 0)
          return fail(
            'invalid-design',
            `the design has ${errors.length} error(s); fix them before running an experiment`,
            errors,
          )
        const design = ctx.design.design
        const [unrunnable] = runProblems(design)
        if (unrunnable) return fail('invalid-design', unrunnable.message, [unrunnable])
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
        spec = parsed.data
        bases = [{ name: BASE_DESIGN, design }]
      }
      // Every factor value is checked before the answer (in slices: other calls are answered
      // meanwhile); the combinations and run ids are made after it, with progress.
      const started = await startPlanning(spec, bases)
      if (!started.ok)
        return fail('bad-request', planProblemsMessage(started.problems, true), started.problems)
      if (experiments.busy())
        return fail('unavailable', 'an experiment is already running; cancel it or wait for it')
      return ok(
        experiments.start(
          started.outline,
          async (onStep) => {
            const planned = await started.finish(onStep)
            if (!planned.ok) throw new Error(planProblemsMessage(planned.problems))
            return planned.plan
          },
          req.workers,
        ),
      )
    },
    'experiments:cancel': (req) =>
      found(() => ({ cancelled: experiments.cancel(req.experimentId) })),
    'experiments:list': () => ok(experiments.list()),
    'experiments:results': (req) => found(() => experiments.results(req.experimentId)),
    'experiments:run': (req) => found(() => experiments.run(req.experimentId, req.runId)),
    'experiments:series': async (req) => {
      try {
        return ok(await experiments.series(req.experimentId, req.runIds))
      } catch (error) {
        if (error instanceof ExperimentNotFound) return fail('not-found', error.message)
        if (error instanceof ExperimentBusy) return fail('unavailable', error.message)
        throw error
      }
    },
    'experiments:open-run': (req) => {
      const run = found(() => experiments.runDesign(req.experimentId, req.runId))
      if (!run.ok) return run
      // Never silently: unsaved work is replaced only with the user's consent.
      const blocked = refuseUnsaved(ctx.design, req.discardChanges)
      if (blocked) return blocked
      // A new design: unsaved, with no file, so a save never overwrites the base design's file.
      ctx.design.replace(run.value.design, undefined, { unsaved: true })
      return ok({
        state: ctx.design.state,
        designName: run.value.design.meta.name,
        runId: req.runId,
        index: run.value.index,
      })
    },
  }
}

/**
 * The heading of refused planning: with the problems listed beside it (`listed`), their
 * number only (the app shows each one, once); else the first problem itself.
 */
function planProblemsMessage(problems: readonly Problem[], listed = false): string {
  const first = problems[0]
  if (!first) return 'the experiment is not valid'
  if (listed)
    return `the experiment is not valid: ${problems.length} problem${problems.length === 1 ? '' : 's'}`
  return `the experiment is not valid: ${first.path ? `${first.path}: ` : ''}${first.message}`
}
