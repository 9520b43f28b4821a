/**
 * The worker side of a held scheduler (`remote-scheduler.ts`): the simulation worker thread,
 * given a `hold` message instead of a run's `start`, places the design as the app's
 * `place` does (`createScheduler(design, { seed }).placeAll()`) and keeps the scheduler to
 * answer explanations, so main's thread never places to explain a placement a run published
 * (review s7b #3).
 */
import type { Explanation } from '../../../shared/domain/placement'
import type { Design } from '../../../shared/design/schema'
import { createScheduler, type Scheduler } from '../../engine'

/** To the holder: first `hold`, then any number of `explain`. */
export type ToHolder =
  | { type: 'hold'; design: Design; seed: number }
  | { type: 'explain'; id: number; instanceId: string; tenantId?: string }

/** From the holder: each `explain` answered by its id, or the error that stopped placing. */
export type FromHolder =
  | { type: 'explained'; id: number; explanation: Explanation | undefined }
  | { type: 'error'; message: string }

/** Places `hold`'s design; returns the answerer of later messages. */
export function holdScheduler(
  hold: Extract<ToHolder, { type: 'hold' }>,
  send: (message: FromHolder) => void,
): (message: ToHolder) => void {
  let scheduler: Scheduler | undefined
  try {
    scheduler = createScheduler(hold.design, { seed: hold.seed })
    scheduler.placeAll()
  } catch (error) {
    scheduler = undefined
    send({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  }
  return (message) => {
    if (message.type !== 'explain' || !scheduler) return
    const options = message.tenantId !== undefined ? { tenantId: message.tenantId } : {}
    send({
      type: 'explained',
      id: message.id,
      explanation: scheduler.explain(message.instanceId, options),
    })
  }
}
