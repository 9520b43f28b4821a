/**
 * Handlers of the `scheduler:` calls, over the context's current placement. A tenant session
 * may ask only about its own instances and gets tenant-safe words; any other instance id gets
 * the same `not-found` answer whether or not it exists. A tenant's explain reads the
 * provider's published placement and never places (`unavailable` until there is one).
 */
import { fail, ok } from '../../../shared/contract'
import { placementDigest } from '../../../shared/domain/placement-digest'
import type { SchedulerOptions } from '../../engine'
import type { AppContext } from '../context'
import type { HandlerMap } from '../handler-types'

type SchedulerCall =
  | 'scheduler:place'
  | 'scheduler:place-digest'
  | 'scheduler:explain'
  | 'scheduler:evacuate'
  | 'scheduler:last'
  | 'scheduler:last-digest'

function placeOptions(req: {
  preset?: SchedulerOptions['preset']
  seed?: number
}): SchedulerOptions {
  const options: SchedulerOptions = {}
  if (req.preset !== undefined) options.preset = req.preset
  if (req.seed !== undefined) options.seed = req.seed
  return options
}

const notFound = (id: string) => fail('not-found', `no instance "${id}" in this view`)

export function schedulerHandlers(ctx: AppContext): HandlerMap<SchedulerCall> {
  const { placement } = ctx
  return {
    'scheduler:place': (req) => placement.place(placeOptions(req)),
    'scheduler:place-digest': (req) => {
      const placed = placement.place(placeOptions(req))
      return placed.ok ? ok(placement.lastResultDigest() ?? placementDigest(placed.value)) : placed
    },
    'scheduler:explain': async (req, call) => {
      const session = call.session
      // A tenant never starts a placement: it is explained the provider's published one.
      const now = session.role === 'tenant' ? placement.published() : placement.current()
      if (!now.ok) return now
      try {
        const tenantId = session.role === 'tenant' ? session.tenantId : undefined
        const explanation = await placement.explain(now.value, req.instanceId, tenantId)
        return explanation ? ok(explanation) : notFound(req.instanceId)
      } catch (error) {
        // the placement was replaced while its worker-held scheduler explained
        return fail('unavailable', `scheduler:explain: ${(error as Error).message}; ask again`)
      }
    },
    'scheduler:evacuate': (req) => placement.evacuate(req.hostId, req.dryRun),
    'scheduler:last': () => ok(placement.lastResult()),
    'scheduler:last-digest': () => ok(placement.lastResultDigest()),
  }
}
