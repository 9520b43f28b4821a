/** Handlers of the `simulation:` calls, over the context's simulation runs (worker threads). */
import { fail, ok } from '../../../shared/contract'
import { stepCountProblem } from '../../../shared/design/simulation-limits'
import { runProblems } from '../../engine'
import type { AppContext } from '../context'
import type { HandlerMap } from '../handler-types'
import { MAX_ACTIVE_RUNS, type RunPlacementReport } from '../simulation/runs'

type SimulationCall =
  | 'simulation:start'
  | 'simulation:pause'
  | 'simulation:resume'
  | 'simulation:step'
  | 'simulation:cancel'
  | 'simulation:get'
  | 'simulation:list'
  | 'simulation:host-series'

export function simulationHandlers(ctx: AppContext): HandlerMap<SimulationCall> {
  const { runs } = ctx
  const guard = <T>(code: 'bad-request' | 'not-found', f: () => T) => {
    try {
      return ok(f())
    } catch (error) {
      return fail(code, (error as Error).message)
    }
  }
  return {
    'simulation:start': (req) => {
      const problems = ctx.design.problems.filter((p) => p.severity === 'error')
      // a valid design with nothing to run (no hosts) is refused here, not in the worker
      const [unrunnable] = problems.length > 0 ? [] : runProblems(ctx.design.design)
      if (unrunnable) return fail('invalid-design', unrunnable.message, [unrunnable])
      if (problems.length > 0)
        return fail(
          'invalid-design',
          `the design has ${problems.length} error(s); fix them before simulating`,
          problems,
        )
      // The run's length, with the request's horizon over the design's step (review s7a #2).
      if (req.horizonS !== undefined) {
        const tooLong = stepCountProblem(req.horizonS, ctx.design.design.simulation.stepS)
        if (tooLong)
          return fail('bad-request', `simulation:start: ${tooLong}`, [
            { severity: 'error', path: 'request.horizonS', message: tooLong },
          ])
      }
      // Each run is a worker thread: a client cannot start them without end.
      if (runs.activeCount() >= MAX_ACTIVE_RUNS)
        return fail(
          'unavailable',
          `${MAX_ACTIVE_RUNS} simulation runs are already in progress; cancel one or wait for it`,
        )
      // The placement the run starts from becomes the one every view shows (announced as
      // `scheduler:placed`), unless it already is: the run's thread places it and reports it
      // before anything is simulated (review s7b #3: placing here froze every session). The run
      // started last decides what the views show; a run refused here, or ended before it
      // reported (cancelled while placing, failed), gives its ticket back, so an earlier
      // run's placement is shown (review s9a #2); should placing fail, the run reports why.
      const design = ctx.design.design
      const seed = req.seed ?? design.simulation.seed
      const places = ctx.placement.runMustPlace(seed)
      const ticket = ctx.placement.runStarted()
      const report: RunPlacementReport = {
        placed: (result) => ctx.placement.publishForRun(design, result, ticket),
        unplaced: () => ctx.placement.runWithdrawn(ticket),
      }
      const started = guard('bad-request', () =>
        runs.start(
          design,
          {
            ...(req.policy !== undefined ? { policy: req.policy } : {}),
            ...(req.seed !== undefined ? { seed: req.seed } : {}),
            ...(req.horizonS !== undefined ? { horizonS: req.horizonS } : {}),
            ...(req.hostSeries !== undefined ? { hostSeries: req.hostSeries } : {}),
          },
          places ? report : undefined,
          // a run on the shown placement starts from it (a CloudSim-compatible run places
          // itself, first fit or PABFD, and reports nothing: its own instances say where)
          places || design.simulation.cloudsimCompat
            ? undefined
            : (ctx.placement.lastResult() ?? undefined),
        ),
      )
      if (!started.ok) ctx.placement.runWithdrawn(ticket)
      else if (!places) ctx.placement.runOnShown(ticket)
      return started
    },
    'simulation:pause': (req) => guard('not-found', () => runs.pause(req.runId)),
    'simulation:resume': (req) => guard('not-found', () => runs.resume(req.runId)),
    'simulation:step': (req) => {
      const found = guard('not-found', () => runs.info(req.runId))
      return found.ok ? guard('bad-request', () => runs.step(req.runId)) : found
    },
    'simulation:cancel': (req) => guard('not-found', () => runs.cancel(req.runId)),
    'simulation:get': (req) => guard('not-found', () => runs.get(req.runId, req.lean === true)),
    'simulation:list': () => ok(runs.list()),
    'simulation:host-series': (req) => {
      const found = guard('not-found', () => runs.info(req.runId))
      return found.ok ? guard('bad-request', () => runs.hostSeries(req.runId, req.hostIds)) : found
    },
  }
}
