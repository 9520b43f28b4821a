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
 *
 * A simulation run that starts from a placement not shown yet places on its own thread and
 * reports it; it is published then (`publishForRun`), never placed on main's thread (review
 * s7b #3: 0.6–0.8 s of every session frozen at 2,000 hosts, 5 s at 10,000). Main has only
 * that placement's result: its explanations come from a scheduler held in a worker thread
 * (`remote-scheduler.ts`); the provider's evacuation places it again on main's thread first.
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
import type { Explanation } from '../../../shared/domain/placement'
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
import { RemoteScheduler } from './remote-scheduler'

/**
 * One placement run: the design it placed, its scheduler and its (latest) result. A run's
 * placement reported by a simulation run has no scheduler on this thread (`remote` explains it).
 */
export interface PlacementRun {
  design: Design
  scheduler?: Scheduler
  /** The worker-held scheduler of a placement made elsewhere (started on demand). */
  remote?: RemoteScheduler
  result: PlacementResult
  /**
   * Whether this is the placement a simulation run with `result.seed` starts from: placed with
   * the design's own preset and weights, and not changed since (no evacuation).
   */
  asRunPlaces: boolean
}

/** A started run's claim on the views' placement: its ticket, and its placement once reported. */
interface RunClaim {
  ticket: number
  reported?: { design: Design; result: PlacementResult }
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
  /**
   * The claims of runs started since the published placement last changed, oldest first: the
   * newest claim decides what the views show (a run's report must not undo a newer start).
   */
  private claims: RunClaim[] = []
  private tickets = 0

  constructor(
    private readonly session: DesignSession,
    private readonly hub: EventHub,
  ) {}

  /** Places the open design afresh, keeps and announces the result. Fails on design errors. */
  place(options: SchedulerOptions = {}): Result<PlacementResult> {
    const done = this.run(options)
    if (!done.ok) return done
    this.replace(done.value)
    this.announce(done.value.result)
    return ok(done.value.result)
  }

  /**
   * Whether a simulation run with `seed` must place the open design and report it, because
   * the shown placement is not the one the run starts from; so the canvas, the Tenants tab
   * and the tenant views show the placement the run simulates (review s6u #5: Run without "Run
   * placement" simulated a placement no view showed). The run's engine places with
   * `createScheduler(design, { seed })` too (`engine/simulation/placement.ts`), except in
   * CloudSim-compatible mode (first fit or PABFD on the simulated hosts): never then.
   * Take a ticket (`runStarted`) before the run starts and pass it to `publishForRun`.
   */
  runMustPlace(seed: number): boolean {
    if (this.session.design.simulation.cloudsimCompat) return false
    const last = this.last
    return !(last && this.fresh(last) === last && last.asRunPlaces && last.result.seed === seed)
  }

  /**
   * Marks that a run is starting; returns its ticket for `publishForRun`, `runOnShown` or
   * `runWithdrawn`. The views show the placement of the run started last, whichever run's
   * thread reports first (review s8a #1: two starts back to back showed the first run's
   * placement while the second, started last, simulated another); a run that ends without
   * reporting (cancelled before it, failed, refused) gives its ticket back, and the run
   * started before it is the last again (review s9a #2: a run cancelled at 0 % took the views
   * from the run that went on to give the results).
   */
  runStarted(): number {
    const ticket = ++this.tickets
    this.claims.push({ ticket })
    return ticket
  }

  /**
   * The run with `ticket` starts from the published placement (it places nothing): what the
   * views show is its placement, so the reports of runs started before it are not published.
   */
  runOnShown(ticket: number): void {
    const at = this.claims.findIndex((c) => c.ticket === ticket)
    if (at >= 0) this.claims.splice(0, at + 1)
  }

  /**
   * The run with `ticket` ended without reporting its placement, or was refused: it gives its
   * ticket back. A placement reported by the run started before it, kept while this one was
   * pending, is published now.
   */
  runWithdrawn(ticket: number): void {
    const at = this.claims.findIndex((c) => c.ticket === ticket && !c.reported)
    if (at < 0) return
    this.claims.splice(at, 1)
    this.publishNewest()
  }

  /**
   * Publishes (announces, as `place` does) the placement a run of `design` reported it starts
   * from, once no run started after it is pending, unless the open design has changed since
   * (but for its meta), or the published placement has (a `place`, an evacuation, or a later
   * run's placement: the claim is gone then). `ticket`: the run's `runStarted` ticket.
   */
  publishForRun(design: Design, result: PlacementResult, ticket: number): void {
    const claim = this.claims.find((c) => c.ticket === ticket)
    if (!claim) return
    claim.reported = { design, result }
    this.publishNewest()
  }

  /** Publishes the newest claim's placement if its run has reported it (and it is still fresh). */
  private publishNewest(): void {
    const newest = this.claims.at(-1)
    if (!newest?.reported) return
    const { design, result } = newest.reported
    // older claims' runs started earlier: once the newest has spoken, they never will
    this.claims = []
    if (!samePlacementInputs(design, this.session.design)) return
    this.replace({ design: this.session.design, result, asRunPlaces: true })
    this.announce(result)
  }

  /**
   * Publishes a placement of the open design made before this app session (the results saved
   * with an opened file), as `place` would; explained by a worker-held scheduler on demand.
   */
  adoptSaved(result: PlacementResult): void {
    this.replace({ design: this.session.design, result, asRunPlaces: false })
    this.announce(result)
  }

  /**
   * Why `instanceId` is where it is in `run` (tenant-safe words with `tenantId`); `undefined`
   * for an instance not in it. A run placed elsewhere is explained by its worker-held scheduler.
   */
  async explain(
    run: PlacementRun,
    instanceId: string,
    tenantId?: string,
  ): Promise<Explanation | undefined> {
    const options = tenantId !== undefined ? { tenantId } : {}
    if (run.scheduler) return run.scheduler.explain(instanceId, options)
    run.remote ??= RemoteScheduler.start(run.design, run.result.seed)
    if (run.remote) return run.remote.explain(instanceId, tenantId)
    return this.schedulerOf(run).explain(instanceId, options)
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
    const scheduler = this.schedulerOf(now.value)
    const plan = scheduler.evacuate(hostId, { dryRun })
    if (!dryRun) {
      now.value.result = scheduler.result()
      now.value.asRunPlaces = false
      now.value.remote?.dispose()
      delete now.value.remote
      this.replace(now.value)
      this.announce(now.value.result)
    }
    return ok(plan)
  }

  /** Forgets the last placement (another design was opened: it is not this design's). */
  forget(): void {
    this.replace(undefined)
  }

  /** Ends the worker-held schedulers (app shutdown). */
  dispose(): void {
    this.replace(undefined)
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

  /** Makes `run` the published one and drops the private one, ending unused held schedulers. */
  private replace(run: PlacementRun | undefined): void {
    for (const old of [this.last, this.scratch]) if (old && old !== run) old.remote?.dispose()
    this.last = run
    this.scratch = undefined
    // a placement made since a run started is newer than the one that run will report
    this.claims = []
  }

  /**
   * `run`'s scheduler on this thread; a run placed elsewhere is placed again here first (the
   * same design and seed give the same placement). For the provider's evacuation only.
   */
  private schedulerOf(run: PlacementRun): Scheduler {
    if (!run.scheduler) {
      run.scheduler = createScheduler(run.design, { seed: run.result.seed })
      run.scheduler.placeAll()
    }
    return run.scheduler
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
