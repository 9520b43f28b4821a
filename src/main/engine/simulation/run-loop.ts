/**
 * What the event handlers of one run share (`simulation.ts` builds it once): the state, the
 * metrics and counters, the event queue, the failure and migration logs, placement, the
 * storage model when the run has one.
 */
import type { RunCounters } from './datacenter'
import type { EventQueue } from './event-queue'
import type { SimEventPayload } from './events'
import type { FailureLog } from './failures'
import type { Metrics } from './metrics'
import type { Placement } from './placement'
import type { MigrationLog } from './result'
import type { SimState } from './state'
import type { StorageLink } from './storage-link'

/** A pending migration's completion event. */
export type MigrateEvent = Extract<SimEventPayload, { type: 'migrate' }>

/** The shared state of a run's event handlers. */
export interface RunLoop {
  readonly state: SimState
  readonly metrics: Metrics
  readonly counters: RunCounters
  readonly queue: EventQueue<SimEventPayload>
  readonly failures: FailureLog
  readonly migrations: MigrationLog
  readonly placement: Placement
  readonly storage?: StorageLink
  /** The policy is `npa` (hosts always at full power). */
  readonly isNpa: boolean
  /** Each migrating instance's pending completion (to move it when the flow model re-times). */
  readonly pendingMigrations: Map<number, MigrateEvent>
  /** Scratch marks, one per host, all 0 between uses (`startMigrations`). */
  readonly hostMarks: Uint8Array
}
