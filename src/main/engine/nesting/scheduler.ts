/**
 * The scheduler of a design with nesting: top-level instances go onto hosts through the
 * ordinary scheduler (on the design without the nested workloads), and each node pool's inner
 * instances go onto the outer instances through the same scheduler run on the pool's virtual
 * design (./pool-design.ts), pools in order of depth. Inner instances move with their outer
 * instance (migration, evacuation) and leave with it (removal, failure): they are never
 * placed into another tenant's VMs, since a pool holds only its own tenant's workloads.
 */
import type {
  EvacuationPlan,
  Explanation,
  PlacedInstance,
  PlacementResult,
  RejectionCount,
  UnplacedInstance,
} from '../../../shared/domain/placement'
import type { Design, Workload } from '../../../shared/design/schema'
import type { Scheduler } from '../scheduler/scheduler'
import type { SchedulerOptions } from '../scheduler/types'
import { nestingDepth } from './rules'
import { poolDesign, type OuterSite } from './pool-design'
import { nestedReason, nestedSummary } from './wording'
import { workloadIdOf } from './stack'

/** Whether any workload of `design` runs inside another. */
export function usesNesting(design: Design): boolean {
  return design.workloads.some((w) => w.nesting !== undefined)
}

type FlatFactory = (design: Design, options?: SchedulerOptions) => Scheduler

interface Pool {
  outer: Workload
  inner: Workload[]
  scheduler: Scheduler
}

/** Creates the nested scheduler; `flat` is the ordinary scheduler's factory. */
export function createNestedScheduler(
  design: Design,
  options: SchedulerOptions,
  flat: FlatFactory,
): Scheduler {
  const byId = new Map(design.workloads.map((w) => [w.id, w]))
  const nested = design.workloads.filter((w) => w.nesting)
  const physical = flat(
    { ...design, workloads: design.workloads.filter((w) => !w.nesting) },
    options,
  )
  /** Inner workloads refused before any placement (another tenant's or a missing outer workload). */
  const refused = new Map<string, string>()
  const poolInner = new Map<string, Workload[]>()
  for (const w of nested) {
    const outer = byId.get(w.nesting?.runsIn ?? '')
    if (!outer || outer.kind !== 'vm')
      refused.set(w.id, 'its outer workload is not a VM group of this design')
    else if (outer.tenantId !== w.tenantId)
      refused.set(w.id, 'the outer VMs belong to another tenant')
    else poolInner.set(outer.id, [...(poolInner.get(outer.id) ?? []), w])
  }
  const poolOrder = [...poolInner.keys()].sort((a, b) => {
    const da = nestingDepth(byId.get(a) as Workload, byId)
    const db = nestingDepth(byId.get(b) as Workload, byId)
    return da - db || (a < b ? -1 : a > b ? 1 : 0)
  })
  const pools = new Map<string, Pool>()
  const poolOfInner = new Map<string, string>()
  for (const [outer, inner] of poolInner) for (const w of inner) poolOfInner.set(w.id, outer)

  /** Outer instance of a nested instance (undefined when not placed or not nested). */
  const outerOf = (id: string): string | undefined => {
    const pool = pools.get(poolOfInner.get(workloadIdOf(id)) ?? '')
    return pool?.scheduler.assignments().get(id)
  }
  const siteOf = (id: string): OuterSite => {
    let cur = id
    for (let guard = 0; guard < 8; guard++) {
      const host = physical.assignments().get(cur)
      if (host !== undefined) return { physicalHostId: host, direct: cur === id }
      const up = outerOf(cur)
      if (up === undefined) return { direct: false }
      cur = up
    }
    return { direct: false }
  }

  /**
   * (Re)builds every pool from where the outer instances are now, keeping each inner instance
   * in its outer instance while that one is placed (the rest are left unplaced).
   */
  const rebuild = (): void => {
    const keep = new Map<string, string>()
    for (const [, p] of pools) for (const [k, v] of p.scheduler.assignments()) keep.set(k, v)
    pools.clear()
    for (const outerId of poolOrder) {
      const outer = byId.get(outerId) as Workload
      const inner = poolInner.get(outerId) ?? []
      const virtual = poolDesign(design, outer, inner, siteOf)
      const scheduler = flat(virtual, options)
      pools.set(outerId, { outer, inner, scheduler })
      const up = new Set(virtual.hosts.filter((h) => h.state === 'up').map((h) => h.id))
      const all = virtual.hosts.map((h) => h.id)
      for (const w of inner)
        for (let i = 0; i < w.count; i++) {
          const id = `${w.id}#${i}`
          const target = keep.get(id)
          if (target === undefined || !up.has(target)) continue
          scheduler.placeInstance(id, { excludeHostIds: all.filter((h) => h !== target) })
        }
    }
  }

  /** Every nested instance inside `outerId` (any depth). */
  const insideOf = (outerId: string): string[] => {
    const out: string[] = []
    const pool = pools.get(workloadIdOf(outerId))
    if (!pool) return out
    for (const [k, v] of pool.scheduler.assignments())
      if (v === outerId) out.push(k, ...insideOf(k))
    return out
  }

  const wordExplanation = (e: Explanation, pool: Pool | undefined): Explanation => {
    const outerId = e.hostId
    const site = outerId === undefined ? undefined : siteOf(outerId)
    const rejections = e.rejections.map((r) => ({ ...r, reason: nestedReason(r.reason) }))
    const out: Explanation = {
      ...e,
      rejections,
      reasons: rejections.map((r) => `${r.count} ${r.count === 1 ? 'VM' : 'VMs'}: ${r.reason}`),
      summary: nestedSummary(e, rejections, pool?.outer.id ?? '?', outerId, site?.physicalHostId),
    }
    delete out.hostId
    if (site?.physicalHostId !== undefined) out.hostId = site.physicalHostId
    if (outerId !== undefined) out.outerInstanceId = outerId
    return out
  }

  const refusedExplanation = (id: string, reason: string): Explanation => {
    const w = byId.get(workloadIdOf(id))
    return {
      instanceId: id,
      workloadId: w?.id ?? '?',
      tenantId: w?.tenantId ?? '?',
      placed: false,
      rejections: [],
      reasons: [reason],
      summary: `not placed: ${reason}`,
      candidates: [],
    }
  }

  const result = (): PlacementResult => {
    const base = physical.result()
    const placed: PlacedInstance[] = [...base.placed]
    const unplaced: UnplacedInstance[] = [...base.unplaced]
    for (const w of nested) {
      const pool = pools.get(poolOfInner.get(w.id) ?? '')
      const why = refused.get(w.id)
      const inner = pool?.scheduler.result()
      for (let i = 0; i < w.count; i++) {
        const id = `${w.id}#${i}`
        const outer = pool?.scheduler.assignments().get(id)
        const host = outer === undefined ? undefined : siteOf(outer).physicalHostId
        if (outer !== undefined && host !== undefined) {
          placed.push({
            instanceId: id,
            workloadId: w.id,
            tenantId: w.tenantId,
            hostId: host,
            outerInstanceId: outer,
          })
          continue
        }
        const u = inner?.unplaced.find((x) => x.instanceId === id)
        const reasons: RejectionCount[] = (u?.reasons ?? []).map((r) => ({
          ...r,
          reason: nestedReason(r.reason),
        }))
        unplaced.push({
          instanceId: id,
          workloadId: w.id,
          tenantId: w.tenantId,
          ...(pool ? { outerWorkloadId: pool.outer.id } : {}),
          reasons,
          summary: why
            ? `not placed: ${why}`
            : u
              ? nestedSummary(
                  { feasibleCount: 0, hostCount: pool?.outer.count ?? 0 },
                  reasons,
                  pool?.outer.id ?? '?',
                )
              : 'not placed yet',
        })
      }
    }
    return {
      ...base,
      instanceCount: base.instanceCount + nested.reduce((s, w) => s + w.count, 0),
      placed,
      unplaced,
    }
  }

  let assignmentCache: Map<string, string> | undefined
  const changed = (): void => {
    assignmentCache = undefined
  }

  const scheduler: Scheduler = {
    weights: physical.weights,
    seed: physical.seed,
    placeAll() {
      physical.placeAll()
      rebuild()
      for (const id of poolOrder) {
        rebuild()
        pools.get(id)?.scheduler.placeAll()
      }
      changed()
      return result()
    },
    placeInstance(id, opts = {}) {
      const wid = workloadIdOf(id)
      if (refused.has(wid))
        return { ok: false, explanation: refusedExplanation(id, refused.get(wid) as string) }
      const poolId = poolOfInner.get(wid)
      changed()
      if (poolId === undefined) {
        const out = physical.placeInstance(id, opts)
        if (out.ok && pools.size > 0) rebuild()
        return out
      }
      const pool = pools.get(poolId)
      if (!pool) throw new Error(`unknown instance "${id}" (expected WORKLOAD_ID#INDEX)`)
      const excluded = new Set(opts.excludeHostIds ?? [])
      const excludeOuter = [...Array(pool.outer.count).keys()]
        .map((i) => `${pool.outer.id}#${i}`)
        .filter((o) => {
          const h = siteOf(o).physicalHostId
          return h !== undefined && excluded.has(h)
        })
      const out = pool.scheduler.placeInstance(id, { excludeHostIds: excludeOuter })
      if (!out.ok) return { ok: false, explanation: wordExplanation(out.explanation, pool) }
      const host = siteOf(out.hostId).physicalHostId
      return host === undefined
        ? { ok: false, explanation: refusedExplanation(id, 'its VM is not placed') }
        : { ok: true, hostId: host }
    },
    remove(id) {
      const wid = workloadIdOf(id)
      const poolId = poolOfInner.get(wid)
      changed()
      const inside = insideOf(id)
      for (const k of inside.reverse())
        pools.get(poolOfInner.get(workloadIdOf(k)) ?? '')?.scheduler.remove(k)
      const done =
        poolId === undefined
          ? physical.remove(id)
          : (pools.get(poolId)?.scheduler.remove(id) ?? false)
      if (done && pools.size > 0) rebuild()
      return done
    },
    evacuate(hostId, opts = {}) {
      const before = new Map<string, string[]>()
      for (const [k, h] of physical.assignments()) if (h === hostId) before.set(k, insideOf(k))
      const plan = physical.evacuate(hostId, opts)
      changed()
      const out: EvacuationPlan = { hostId, moves: [...plan.moves], stranded: [...plan.stranded] }
      for (const m of plan.moves)
        for (const k of before.get(m.instanceId) ?? [])
          out.moves.push({ instanceId: k, fromHostId: hostId, toHostId: m.toHostId })
      for (const s of plan.stranded)
        for (const k of before.get(s.instanceId) ?? []) {
          if (!opts.dryRun) pools.get(poolOfInner.get(workloadIdOf(k)) ?? '')?.scheduler.remove(k)
          out.stranded.push({
            instanceId: k,
            explanation: refusedExplanation(
              k,
              `its VM ${s.instanceId} has nowhere to go: ${s.explanation.summary}`,
            ),
          })
        }
      if (!opts.dryRun) rebuild()
      return out
    },
    setHostState(hostId, state) {
      physical.setHostState(hostId, state)
    },
    assignments() {
      if (!assignmentCache) {
        assignmentCache = new Map(physical.assignments())
        for (const [, p] of pools)
          for (const [k, outer] of p.scheduler.assignments()) {
            const h = siteOf(outer).physicalHostId
            if (h !== undefined) assignmentCache.set(k, h)
          }
      }
      return assignmentCache
    },
    explain(id, opts = {}) {
      const wid = workloadIdOf(id)
      const w = byId.get(wid)
      if (!w) return undefined
      if (opts.tenantId !== undefined && w.tenantId !== opts.tenantId) return undefined
      const why = refused.get(wid)
      if (why) return refusedExplanation(id, why)
      const poolId = poolOfInner.get(wid)
      if (poolId === undefined) return physical.explain(id, opts)
      const pool = pools.get(poolId)
      const e = pool?.scheduler.explain(id)
      if (!e || !pool) return refusedExplanation(id, 'its VMs are not placed yet')
      const worded = wordExplanation(e, pool)
      if (opts.tenantId === undefined) return worded
      // A tenant sees its own VMs by id; the physical host only when it may see host names.
      const showHosts = design.tenants.find((t) => t.id === opts.tenantId)?.showHostNames ?? false
      const safe: Explanation = {
        ...worded,
        rejections: [],
        reasons: worded.rejections.map((r) => r.reason),
      }
      delete safe.hostCount
      delete safe.feasibleCount
      if (!showHosts) delete safe.hostId
      safe.summary = worded.outerInstanceId
        ? `placed in ${worded.outerInstanceId}${showHosts && worded.hostId ? ` on ${worded.hostId}` : ''}`
        : safe.reasons.length > 0
          ? `not placed: ${safe.reasons.join('; ')}`
          : 'not placed'
      return safe
    },
    result,
  }
  return scheduler
}
