/**
 * The current placement of the open design: the scheduler's last published run (with the
 * scheduler itself, for explanations and evacuations). Owned by the services' context beside
 * the design session; `scheduler:` handlers read and drive it, tenancy listens to it.
 *
 * Only the provider's `place` and `evacuate` publish a placement (what tenants and the
 * provider's `scheduler:last` see). A provider's question about a design changed since then
 * (`current()`) places privately, for that answer only; a tenant's (`published()`) never
 * places at all (review s7a #1: a tenant's explain placed a 10,000-host design on main's
 * thread and showed every other tenant a placement nobody made). An edit of the design's
 * `meta` alone (name, description) does not make a placement stale: placement never reads it.
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
  /** The published run: the one tenants and `lastResult()` see. */
  private last: PlacementRun | undefined
  /** A provider-only run of a design changed since `last`, never published. */
  private scratch: PlacementRun | undefined
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
    this.last = done.value
    this.scratch = undefined
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
    if (last && this.fresh(last) === last && last.asRunPlaces && last.result.seed === seed)
      return ok(last.result)
    return this.place({ seed })
  }

  /**
   * The run for the open design, for a provider's question: the published one if the design
   * has not changed since (but for its meta), else a private run made now and kept for the
   * next question. The private run is told to nobody: the provider did not ask to place.
   */
  current(): Result<PlacementRun> {
    const shown = this.fresh(this.last) ?? this.fresh(this.scratch)
    if (shown) return ok(shown)
    const done = this.run({})
    if (done.ok) this.scratch = done.value
    return done
  }

  /**
   * The published run, for a tenant's question: never places. `unavailable` when the provider
   * has not placed the open design, or has changed it (but for its meta) since.
   */
  published(): Result<PlacementRun> {
    const run = this.fresh(this.last)
    if (run) return ok(run)
    return fail(
      'unavailable',
      this.last
        ? 'the design changed since it was last placed; ask again once the provider has placed it'
        : 'the design has not been placed yet; ask again once the provider has placed it',
    )
  }

  /** The last result if it is of the open design, else `null`. */
  lastResult(): PlacementResult | null {
    return this.fresh(this.last)?.result ?? null
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
      this.last = now.value
      this.scratch = undefined
      this.announce(now.value.result)
    }
    return ok(plan)
  }

  /** Forgets the last placement (another design was opened: it is not this design's). */
  forget(): void {
    this.last = undefined
    this.scratch = undefined
  }

  /** Calls `listener` with every new result; returns the unsubscribe. */
  onPlaced(listener: PlacementListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * `run` if it placed the open design, or one that differs from it only in `meta` (then the
   * run is moved onto the open design, so the next check is one comparison); else undefined.
   */
  private fresh(run: PlacementRun | undefined): PlacementRun | undefined {
    if (!run) return undefined
    const design = this.session.design
    if (run.design === design) return run
    if (!samePlacementInputs(run.design, design)) return undefined
    run.design = design
    return run
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
      return ok({ design, scheduler, result: scheduler.placeAll(), asRunPlaces })
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

/**
 * Whether two designs give the same placement: every top-level part but `meta` is the same
 * object. Edits share the parts they do not touch (`applyCommand` copies only what changes),
 * so this is a handful of reference comparisons; a part rebuilt with equal content counts as
 * changed (a needless re-place, never a stale answer).
 */
export function samePlacementInputs(a: Design, b: Design): boolean {
  if (a === b) return true
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) {
    if (key === 'meta') continue
    if (
      (a as unknown as Record<string, unknown>)[key] !==
      (b as unknown as Record<string, unknown>)[key]
    )
      return false
  }
  return true
}
