/**
 * What tenant views are computed from besides the design: the latest placement
 * (`scheduler:placed`) and the latest simulation run (`simulation:progress` / `:finished`),
 * observed on the event hub; and the `tenancy:changed` pushes: provider sessions get a
 * revision number, each tenant session its new view, and only when that view changed.
 * One tracker per app context.
 */
import type { PlacementResult, TenancyChanged, TenantView } from '../../../shared/contract'
import {
  projectTenantView,
  tenantSafeResult,
  type TenancyExplanationInput,
  type TenancyPlacement,
  type TenancySimulation,
} from '../../engine'
import type { AppContext } from '../context'
import { checkTenantPayload } from './tenancy-check'
import { placementFromEvent, simulationFromEvent } from './tenancy-inputs'

export interface TenancyTracker {
  placement?: TenancyPlacement
  simulation?: TenancySimulation
  /** The scheduler's full result, for tenant-safe reasons of unplaced instances. */
  placementResult?: PlacementResult
  /** The tenant's view now, checked for leaks; `undefined` when there is no such tenant. */
  view(tenantId: string): { view?: TenantView; leaked: boolean }
  /** Hosts the tenant's own instances use (placement, else the latest run). */
  ownHosts(tenantId: string): string[]
  /** Pushes `tenancy:changed` (tenant sessions only when their own view changed). */
  notify(): void
}

/** Tenant-safe reasons (no counts) why the tenant's unplaced instances fit nowhere. */
function refusals(
  result: PlacementResult | undefined,
  tenantId: string,
): ((instanceId: string) => TenancyExplanationInput | undefined) | undefined {
  if (!result) return undefined
  const own = tenantSafeResult(result, tenantId, false).unplaced
  const byId = new Map(own.map((u) => [u.instanceId, u.reasons.map((r) => r.reason)]))
  return (id) => {
    const reasons = byId.get(id)
    return reasons ? { reasons } : undefined
  }
}

/** Least time between two pushes caused by simulation progress, milliseconds. */
export const PROGRESS_PUSH_MS = 250

const trackers = new WeakMap<AppContext, TenancyTracker>()

/** The context's tracker; created (and wired to the design and the hub) on first use. */
export function tenancyTracker(ctx: AppContext): TenancyTracker {
  const existing = trackers.get(ctx)
  if (existing) return existing
  let providerRevision = 0
  const lastSent = new Map<string, { revision: number; json: string }>()
  const tracker: TenancyTracker = {
    view(tenantId) {
      const design = ctx.design.design
      const projected = projectTenantView(design, tenantId, {
        placement: tracker.placement,
        simulation: tracker.simulation,
        explain: refusals(tracker.placementResult, tenantId),
      })
      if (!projected.ok) return { leaked: false }
      const leaks = checkTenantPayload(design, tenantId, projected.view, tracker.ownHosts(tenantId))
      if (leaks.length > 0) {
        // Main's own log (provider side): which paths would have leaked.
        console.error(`tenancy: view withheld, ${leaks.length} leak(s) at ${leaks[0]?.path}`)
        return { leaked: true }
      }
      return { view: projected.view, leaked: false }
    },
    ownHosts(tenantId) {
      const own = new Set(
        ctx.design.design.workloads.filter((w) => w.tenantId === tenantId).map((w) => w.id),
      )
      const isOwn = (id: string): boolean => own.has(id.slice(0, id.lastIndexOf('#')))
      const hosts = new Set<string>()
      if (tracker.placement) {
        for (const p of tracker.placement.placed) if (isOwn(p.instanceId)) hosts.add(p.hostId)
      } else {
        for (const r of tracker.simulation?.result?.instances ?? []) {
          const hostId = r.finalHostId ?? r.initialHostId
          if (hostId !== undefined && isOwn(r.instanceId)) hosts.add(hostId)
        }
      }
      return [...hosts]
    },
    notify() {
      providerRevision++
      ctx.hub.publish('tenancy:changed', { revision: providerRevision }, (tenantId) => {
        const { view } = tracker.view(tenantId)
        if (!view) return undefined
        const json = JSON.stringify(view)
        const last = lastSent.get(tenantId)
        if (last?.json === json) return undefined
        const revision = (last?.revision ?? 0) + 1
        lastSent.set(tenantId, { revision, json })
        const payload: TenancyChanged = { revision, view }
        return payload
      })
    },
  }
  trackers.set(ctx, tracker)
  ctx.disposers.push(ctx.design.onChange(() => tracker.notify()))
  // Progress can arrive many times a second: push views at most every PROGRESS_PUSH_MS, with
  // a trailing push so the latest progress is always shown; other changes push at once.
  let lastProgressMs = -Infinity
  let trailing: ReturnType<typeof setTimeout> | undefined
  const pushNow = (): void => {
    if (trailing) clearTimeout(trailing)
    trailing = undefined
    tracker.notify()
  }
  const pushProgress = (): void => {
    const now = Date.now()
    if (now - lastProgressMs >= PROGRESS_PUSH_MS) {
      lastProgressMs = now
      pushNow()
    } else
      trailing ??= setTimeout(() => {
        lastProgressMs = Date.now()
        pushNow()
      }, PROGRESS_PUSH_MS)
  }
  ctx.disposers.push(() => {
    if (trailing) clearTimeout(trailing)
  })
  ctx.disposers.push(
    ctx.hub.subscribe({ role: 'provider' }, (event, payload) => {
      const name: string = event
      if (name === 'scheduler:placed') {
        const placement = placementFromEvent(payload)
        if (!placement) return
        tracker.placement = placement
        tracker.placementResult = Array.isArray((payload as { hostUsage?: unknown }).hostUsage)
          ? (payload as PlacementResult)
          : undefined
      } else if (name === 'simulation:progress' || name === 'simulation:finished') {
        const simulation = simulationFromEvent(payload, tracker.simulation)
        if (!simulation) return
        tracker.simulation = simulation
        if (name === 'simulation:progress') return pushProgress()
      } else return
      pushNow()
    }),
  )
  return tracker
}
