/**
 * Handlers of the `scheduler:` calls. The service keeps the last placement (and its
 * scheduler, for explanations and evacuations) so views can show it; a design change makes
 * the next explanation re-run placement on the new design. A tenant session may ask only
 * about its own instances and gets tenant-safe words; any other instance id gets the same
 * `not-found` answer whether or not it exists.
 */
import { fail, ok, type PlacementResult, type Problem, type Result } from '../../../shared/contract'
import type { Design } from '../../../shared/design/schema'
import {
  createScheduler,
  hasErrors,
  tenantSafeResult,
  type Scheduler,
  type SchedulerOptions,
} from '../../engine'
import type { AppContext } from '../context'
import type { HandlerMap } from '../handler-types'

type SchedulerCall =
  'scheduler:place' | 'scheduler:explain' | 'scheduler:evacuate' | 'scheduler:last'

interface LastRun {
  design: Design
  scheduler: Scheduler
  result: PlacementResult
}

const notFound = (id: string) => fail('not-found', `no instance "${id}" in this view`)

export function schedulerHandlers(ctx: AppContext): HandlerMap<SchedulerCall> {
  let last: LastRun | undefined

  const errors = (): Problem[] => ctx.design.problems.filter((p) => p.severity === 'error')

  const run = (options: SchedulerOptions): Result<LastRun> => {
    const design = ctx.design.design
    if (hasErrors(ctx.design.problems)) {
      const problems = errors()
      return fail(
        'invalid-design',
        `the design has ${problems.length} error(s); fix them before placing`,
        problems,
      )
    }
    try {
      const scheduler = createScheduler(design, options)
      last = { design, scheduler, result: scheduler.placeAll() }
      return ok(last)
    } catch (error) {
      return fail('bad-request', error instanceof Error ? error.message : String(error))
    }
  }

  const current = (): Result<LastRun> =>
    last && last.design === ctx.design.design ? ok(last) : run({})

  const publish = (result: PlacementResult): void => {
    const tenants = ctx.design.design.tenants
    ctx.hub.publish('scheduler:placed', result, (tenantId) => {
      const tenant = tenants.find((t) => t.id === tenantId)
      return tenant ? tenantSafeResult(result, tenantId, tenant.showHostNames) : undefined
    })
  }

  return {
    'scheduler:place': (req) => {
      const options: SchedulerOptions = {}
      if (req.preset !== undefined) options.preset = req.preset
      if (req.seed !== undefined) options.seed = req.seed
      const done = run(options)
      if (!done.ok) return done
      publish(done.value.result)
      return ok(done.value.result)
    },
    'scheduler:explain': (req, call) => {
      const now = current()
      if (!now.ok) return call.session.role === 'tenant' ? notFound(req.instanceId) : now
      const session = call.session
      const explanation =
        session.role === 'tenant'
          ? now.value.scheduler.explain(req.instanceId, { tenantId: session.tenantId })
          : now.value.scheduler.explain(req.instanceId)
      return explanation ? ok(explanation) : notFound(req.instanceId)
    },
    'scheduler:evacuate': (req) => {
      const now = current()
      if (!now.ok) return now
      if (!ctx.design.design.hosts.some((h) => h.id === req.hostId))
        return fail('not-found', `no host "${req.hostId}" in the design`)
      const plan = now.value.scheduler.evacuate(req.hostId, { dryRun: req.dryRun })
      if (!req.dryRun) {
        now.value.result = now.value.scheduler.result()
        publish(now.value.result)
      }
      return ok(plan)
    },
    'scheduler:last': () => ok(last && last.design === ctx.design.design ? last.result : null),
  }
}
