/**
 * Tenancy's state and pushes: what tenant views are computed from besides the design (the
 * latest placement and the latest simulation run, told by typed callbacks of the context's
 * placement and runs), and the `tenancy:changed` pushes: provider sessions get a revision
 * number, each tenant session its new view, and only when that view changed.
 */
import type {
  PlacementResult,
  SimulationRunInfo,
  TenancyChanged,
  TenantView,
} from '../../../shared/contract'
import {
  projectTenantView,
  tenantSafeResult,
  type DesignSession,
  type TenancyExplanationInput,
  type TenancyPlacement,
  type TenancySimulation,
} from '../../engine'
import type { EventHub } from '../event-hub'
import type { CurrentPlacement } from '../placement/current-placement'
import type { RunEvent, SimulationRuns } from '../simulation/runs'
import { checkTenantPayload } from './check'

/** Least time between two pushes caused by simulation progress, milliseconds. */
export const PROGRESS_PUSH_MS = 250

/** What tenancy listens to and publishes on. */
export interface TenancySources {
  design: DesignSession
  placement: CurrentPlacement
  runs: SimulationRuns
  hub: EventHub
}

/** Tenant-safe reasons (no counts) why the tenant's unplaced instances fit nowhere. */
function refusals(
  result: PlacementResult | undefined,
  tenantId: string,
): ((instanceId: string) => TenancyExplanationInput | undefined) | undefined {
  if (!result) return undefined
  // only the unplaced instances are read: the placed ones (100,000 at 10,000 hosts) are not
  // made tenant-safe for nothing
  // review s7c #4: without `unplacedReasons` every reason was dropped here
  const own = tenantSafeResult({ ...result, placed: [], hostUsage: [] }, tenantId, false, {
    unplacedReasons: true,
  }).unplaced
  const byId = new Map(own.map((u) => [u.instanceId, u.reasons.map((r) => r.reason)]))
  return (id) => {
    const reasons = byId.get(id)
    return reasons ? { reasons } : undefined
  }
}

/** Only the placement pairs a tenant view reads (never the rest of the scheduler's result). */
function tenancyPlacement(result: PlacementResult): TenancyPlacement {
  return {
    placed: result.placed.map((p) => ({ instanceId: p.instanceId, hostId: p.hostId })),
    unplaced: result.unplaced.map((u) => ({ instanceId: u.instanceId })),
  }
}

const runState = (info: SimulationRunInfo): NonNullable<TenancySimulation['info']> => ({
  status: info.status,
  progress: info.progress,
  virtualTimeS: info.virtualTimeS,
  horizonS: info.horizonS,
})

/**
 * The run a tenant view shows after `event`: a run in progress shows no result; a finished
 * one its own, or (failed, no result) the previous run's result.
 */
export function tenancySimulation(
  event: RunEvent,
  previous: TenancySimulation | undefined,
): TenancySimulation {
  if (event.kind === 'progress') return { info: runState(event.info) }
  const { detail } = event
  const info = runState(detail)
  if (detail.result) return { info, result: detail.result }
  if (detail.status === 'running' || detail.status === 'paused') return { info }
  return previous?.result ? { info, result: previous.result } : { info }
}

/** What tenancy computed from one set of inputs (see `TenancyViews.memo`). */
interface Memo {
  inputs: readonly unknown[]
  views: Map<string, { view?: TenantView; leaked: boolean }>
  ownHosts: Map<string, string[]>
}

/** One per app context: built with it, fed by its design session, placement and runs. */
export class TenancyViews {
  placement?: TenancyPlacement
  simulation?: TenancySimulation
  /** The scheduler's full result, for tenant-safe reasons of unplaced instances. */
  placementResult?: PlacementResult
  private providerRevision = 0
  private readonly lastSent = new Map<string, { revision: number; json: string }>()
  private lastProgressMs = -Infinity
  private trailing: ReturnType<typeof setTimeout> | undefined
  private readonly unsubscribe: Array<() => void>
  private memoized: Memo | undefined

  constructor(private readonly sources: TenancySources) {
    this.unsubscribe = [
      sources.design.onChange(() => this.notify()),
      sources.placement.onPlaced((result) => this.placed(result)),
      sources.runs.onRunEvent((event) => this.runChanged(event)),
    ]
  }

  /** Takes a new placement result (the placement's callback) and pushes the views. */
  placed(result: PlacementResult): void {
    this.placement = tenancyPlacement(result)
    this.placementResult = result
    this.pushNow()
  }

  /** Takes a run's progress or end (the runs' callback) and pushes the views (progress throttled). */
  runChanged(event: RunEvent): void {
    this.simulation = tenancySimulation(event, this.simulation)
    if (event.kind === 'progress') this.pushProgress()
    else this.pushNow()
  }

  /**
   * The tenant's view now, checked for leaks; no `view` when there is no such tenant. Kept
   * until the design, placement or run changes: a push, the tenant's own `tenancy:view` and
   * its stack view then share one projection and one check.
   */
  view(tenantId: string): { view?: TenantView; leaked: boolean } {
    const memo = this.memo()
    let out = memo.views.get(tenantId)
    if (!out) memo.views.set(tenantId, (out = this.project(tenantId)))
    return out
  }

  private project(tenantId: string): { view?: TenantView; leaked: boolean } {
    const design = this.sources.design.design
    const projected = projectTenantView(design, tenantId, {
      placement: this.placement,
      simulation: this.simulation,
      explain: refusals(this.placementResult, tenantId),
    })
    if (!projected.ok) return { leaked: false }
    const leaks = checkTenantPayload(design, tenantId, projected.view, this.ownHosts(tenantId))
    if (leaks.length > 0) {
      // Main's own log (provider side): which paths would have leaked.
      console.error(`tenancy: view withheld, ${leaks.length} leak(s) at ${leaks[0]?.path}`)
      return { leaked: true }
    }
    return { view: projected.view, leaked: false }
  }

  /**
   * Hosts the tenant's own instances use (placement, else the latest run). Kept like `view`:
   * the boundary asks for them on every answer and event to the tenant.
   */
  ownHosts(tenantId: string): string[] {
    const memo = this.memo()
    let out = memo.ownHosts.get(tenantId)
    if (!out) memo.ownHosts.set(tenantId, (out = this.findOwnHosts(tenantId)))
    return out
  }

  /**
   * Views and own hosts of the current design, placement and run: dropped as soon as any of
   * them is replaced (each is immutable; a change replaces the object).
   */
  private memo(): Memo {
    const inputs: Memo['inputs'] = [
      this.sources.design.design,
      this.placement,
      this.simulation,
      this.placementResult,
    ]
    if (!this.memoized || inputs.some((x, i) => x !== this.memoized?.inputs[i]))
      this.memoized = { inputs, views: new Map(), ownHosts: new Map() }
    return this.memoized
  }

  private findOwnHosts(tenantId: string): string[] {
    const own = new Set(
      this.sources.design.design.workloads.filter((w) => w.tenantId === tenantId).map((w) => w.id),
    )
    const isOwn = (id: string): boolean => own.has(id.slice(0, id.lastIndexOf('#')))
    const hosts = new Set<string>()
    if (this.placement) {
      for (const p of this.placement.placed) if (isOwn(p.instanceId)) hosts.add(p.hostId)
    } else {
      for (const r of this.simulation?.result?.instances ?? []) {
        const hostId = r.finalHostId ?? r.initialHostId
        if (hostId !== undefined && isOwn(r.instanceId)) hosts.add(hostId)
      }
    }
    return [...hosts]
  }

  /** Pushes `tenancy:changed` (tenant sessions only when their own view changed). */
  notify(): void {
    this.providerRevision++
    this.sources.hub.publish('tenancy:changed', { revision: this.providerRevision }, (tenantId) => {
      const { view } = this.view(tenantId)
      if (!view) return undefined
      const json = JSON.stringify(view)
      const last = this.lastSent.get(tenantId)
      if (last?.json === json) return undefined
      const revision = (last?.revision ?? 0) + 1
      this.lastSent.set(tenantId, { revision, json })
      const payload: TenancyChanged = { revision, view }
      return payload
    })
  }

  /**
   * Forgets the placement, the run and what each tenant was last sent (another design was
   * opened): until the new design is placed or run, its views say "not placed, no run".
   */
  reset(): void {
    this.placement = undefined
    this.placementResult = undefined
    this.simulation = undefined
    this.lastSent.clear()
    if (this.trailing) clearTimeout(this.trailing)
    this.trailing = undefined
  }

  /** Stops listening and drops a pending push (app shutdown). */
  dispose(): void {
    for (const u of this.unsubscribe.splice(0)) u()
    if (this.trailing) clearTimeout(this.trailing)
    this.trailing = undefined
  }

  private pushNow(): void {
    if (this.trailing) clearTimeout(this.trailing)
    this.trailing = undefined
    this.notify()
  }

  /**
   * Progress can arrive many times a second: push views at most every PROGRESS_PUSH_MS, with
   * a trailing push so the latest progress is always shown; other changes push at once.
   */
  private pushProgress(): void {
    const now = Date.now()
    if (now - this.lastProgressMs >= PROGRESS_PUSH_MS) {
      this.lastProgressMs = now
      this.pushNow()
    } else
      this.trailing ??= setTimeout(() => {
        this.lastProgressMs = Date.now()
        this.pushNow()
      }, PROGRESS_PUSH_MS)
  }
}
