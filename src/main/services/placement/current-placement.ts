/**
 * The current placement of the open design: the scheduler's last run (with the scheduler
 * itself, for explanations and evacuations). Owned by the services' context beside the
 * design session; `scheduler:` handlers read and drive it, tenancy listens to it. A design
 * change makes the next `current()` re-run placement on the new design.
 */
import {
  fail,
  ok,
  type EvacuationPlan,
  type PlacementDigest,
  type PlacementResult,
  type Problem,
  type Result,
} from '../../../shared/contract'
import type { Design } from '../../../shared/design/schema'
import { placementDigest } from '../../../shared/domain/placement-digest'
import {
  createScheduler,
  hasErrors,
  tenantSafeResult,
  type DesignSession,
  type Scheduler,
  type SchedulerOptions,
} from '../../engine'
import type { EventHub } from '../event-hub'

/** One placement run: the design it placed, its scheduler and its (latest) result. */
export interface PlacementRun {
  design: Design
  scheduler: Scheduler
  result: PlacementResult
  /**
   * Whether this is the placement a simulation run with `result.seed` starts from: placed with
   * the design's own preset and weights, and not changed since (no evacuation).
   */
  asRunPlaces: boolean
}

/**
 * Told every new placement result (a `place`, an evacuation that moved instances, or a
 * placement made on demand for a changed design).
 */
export type PlacementListener = (result: PlacementResult) => void

/** The open design's placement; publishes `scheduler:placed` (tenant-safe per tenant). */
export class CurrentPlacement {
  private last: PlacementRun | undefined
  private readonly listeners = new Set<PlacementListener>()
  private digested: { result: PlacementResult; digest: PlacementDigest } | undefined

  constructor(
    private readonly session: DesignSession,
    private readonly hub: EventHub,
  ) {}

  /** Places the open design afresh, keeps and announces the result. Fails on design errors. */
  place(options: SchedulerOptions = {}): Result<PlacementResult> {
    const done = this.run(options)
    if (!done.ok) return done
    this.announce(done.value.result)
    return ok(done.value.result)
  }

  /**
   * Makes the current placement the one a simulation run with `seed` starts from, placing
   * (and announcing, as `place` does) unless it already is; so the canvas, the Tenants tab and
   * the tenant views show the placement the run simulates (review s6u #5: Run without "Run
   * placement" simulated a placement no view showed). The run's engine places with
   * `createScheduler(design, { seed })` too (`engine/simulation/placement.ts`), except in
   * CloudSim-compatible mode (first fit or PABFD on the simulated hosts), where nothing is
   * placed here. Fails as `place` does.
   */
  placeForRun(seed: number): Result<PlacementResult | null> {
    if (this.session.design.simulation.cloudsimCompat) return ok(null)
    const last = this.last
    if (
      last &&
      last.design === this.session.design &&
      last.asRunPlaces &&
      last.result.seed === seed
    )
      return ok(last.result)
    return this.place({ seed })
  }

  /**
   * The run for the open design: the last one if the design has not changed, else a new one.
   * A new one is the current placement from then on, so listeners are told of it (not
   * sessions: nobody asked to place). Otherwise tenancy would still judge a tenant's own
   * hosts by the old placement (or none) while the scheduler explains with the new one, and
   * the boundary guard would withhold the tenant's explanation of its own instance.
   */
  current(): Result<PlacementRun> {
    if (this.last && this.last.design === this.session.design) return ok(this.last)
    const done = this.run({})
    if (done.ok) this.tell(done.value.result)
    return done
  }

  /** The last result if it is of the open design, else `null`. */
  lastResult(): PlacementResult | null {
    return this.last && this.last.design === this.session.design ? this.last.result : null
  }

  /** The digest of `lastResult()` (`null` when there is none). */
  lastResultDigest(): PlacementDigest | null {
    const result = this.lastResult()
    return result ? this.lastDigest(result) : null
  }

  /**
   * Moves the instances off `hostId` (or only plans it with `dryRun`); a real evacuation
   * becomes the current result and is announced. `not-found` for an unknown host.
   */
  evacuate(hostId: string, dryRun: boolean): Result<EvacuationPlan> {
    const now = this.current()
    if (!now.ok) return now
    if (!this.session.design.hosts.some((h) => h.id === hostId))
      return fail('not-found', `no host "${hostId}" in the design`)
    const plan = now.value.scheduler.evacuate(hostId, { dryRun })
    if (!dryRun) {
      now.value.result = now.value.scheduler.result()
      now.value.asRunPlaces = false
      this.announce(now.value.result)
    }
    return ok(plan)
  }

  /** Forgets the last placement (another design was opened: it is not this design's). */
  forget(): void {
    this.last = undefined
  }

  /** Calls `listener` with every new result; returns the unsubscribe. */
  onPlaced(listener: PlacementListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private run(options: SchedulerOptions): Result<PlacementRun> {
    const design = this.session.design
    if (hasErrors(this.session.problems)) {
      const problems: Problem[] = this.session.problems.filter((p) => p.severity === 'error')
      return fail(
        'invalid-design',
        `the design has ${problems.length} error(s); fix them before placing`,
        problems,
      )
    }
    try {
      const scheduler = createScheduler(design, options)
      // A run places with the design's preset and weights (`engine/simulation/placement.ts`).
      const own = design.simulation.placement
      const asRunPlaces =
        options.weights === undefined &&
        (options.preset === undefined || (options.preset === own.preset && !own.weights))
      this.last = { design, scheduler, result: scheduler.placeAll(), asRunPlaces }
      return ok(this.last)
    } catch (error) {
      return fail('bad-request', error instanceof Error ? error.message : String(error))
    }
  }

  private tell(result: PlacementResult): void {
    for (const listener of [...this.listeners]) listener(result)
  }

  /**
   * Listeners first (tenancy pushes its views), then the event to sessions, as one change.
   * Sessions get the result's digest (issue 19), a tenant the digest of its tenant-safe result.
   */
  private announce(result: PlacementResult): void {
    this.tell(result)
    const tenants = this.session.design.tenants
    this.hub.publish('scheduler:placed', this.lastDigest(result), (tenantId) => {
      const tenant = tenants.find((t) => t.id === tenantId)
      return tenant
        ? placementDigest(tenantSafeResult(result, tenantId, tenant.showHostNames))
        : undefined
    })
  }

  /** The digest of `result`, computed once per result (the event and `lastDigest` share it). */
  private lastDigest(result: PlacementResult): PlacementDigest {
    if (this.digested?.result !== result)
      this.digested = { result, digest: placementDigest(result) }
    return this.digested.digest
  }
}
