/**
 * The scheduler facade: `createScheduler(design, options)` returns a stateful object that
 * places instances with the filter + weigher pipeline, removes and evacuates them, and
 * explains every decision on request.
 */
import type {
  EvacuationPlan,
  Explanation,
  PlacementResult,
  UnplacedInstance,
} from '../../../shared/domain/placement'
import type { HostState } from '../../../shared/design/enums'
import type { Design } from '../../../shared/design/schema'
import { createNestedScheduler, usesNesting } from '../nesting/scheduler'
import { drfWalk, stableOrder } from './batch-order'
import { CANDIDATES_SHOWN, evaluateHosts, reasonLines, scored, summarize } from './explain'
import { tenantSafeExplanation } from './tenant-safe'
import { applyPlacement, removePlacement } from './ledger'
import { Placer } from './placer'
import { tieBreakRanks } from './random'
import { buildResult } from './result'
import { buildState, instanceId, instanceIndex, workloadOfInstance } from './state'
import type { SchedulerOptions, Weights } from './types'
import { checkWeights, PRESET_WEIGHTS } from './weighers'

export type PlaceOutcome = { ok: true; hostId: string } | { ok: false; explanation: Explanation }

/** The stateful scheduler of one design. */
export interface Scheduler {
  readonly weights: Weights
  readonly seed: number
  /** Places every instance not placed yet (stable order, or DRF when capacity runs short). */
  placeAll(): PlacementResult
  /** Places one instance (already placed: returns its host). */
  placeInstance(instanceId: string, options?: { excludeHostIds?: readonly string[] }): PlaceOutcome
  /** Takes an instance off its host; false when it was not placed. */
  remove(instanceId: string): boolean
  /**
   * Moves every instance off a host being drained, in instance order, through the same
   * pipeline (the host itself excluded). Applied unless `dryRun`; stranded instances are left
   * unplaced with their explanation. The host's state is not changed.
   */
  evacuate(hostId: string, options?: { dryRun?: boolean }): EvacuationPlan
  /** Changes a host's state; instances already on it stay until removed or evacuated. */
  setHostState(hostId: string, state: HostState): void
  assignments(): ReadonlyMap<string, string>
  /** Why an instance is where it is (or nowhere); with `tenantId`, the tenant-safe form. */
  explain(instanceId: string, options?: { tenantId?: string }): Explanation | undefined
  /** The current placement as a result (no placing). */
  result(): PlacementResult
}

/**
 * Whether a refusal means capacity ran short: some host turned the instance away for lack of
 * room (compute, storage, network) or because other tenants hold it (isolation). Refusals by
 * quota, host state, virtualization or affinity alone are not helped by serving tenants fairly.
 */
function isShortage(e: Explanation): boolean {
  return e.rejections.some(
    (r) =>
      r.filter === 'compute' ||
      r.filter === 'storage' ||
      r.filter === 'network' ||
      r.filter === 'isolation',
  )
}

/**
 * Creates a scheduler for `design` (weights: options, else the design's, else the preset's).
 * A design with nested workloads (issue 18) gets the nested scheduler (`../nesting`), which
 * places top-level instances with this one and inner instances onto their outer instances.
 */
export function createScheduler(design: Design, options: SchedulerOptions = {}): Scheduler {
  return usesNesting(design)
    ? createNestedScheduler(design, options, createFlatScheduler)
    : createFlatScheduler(design, options)
}

/** The scheduler of instances that run directly on hosts. */
export function createFlatScheduler(design: Design, options: SchedulerOptions = {}): Scheduler {
  const placement = design.simulation.placement
  const preset = options.preset ?? placement.preset
  const weights = options.weights
    ? checkWeights(options.weights, 'the scheduler options')
    : !options.preset && placement.weights
      ? checkWeights(placement.weights, 'simulation.placement.weights')
      : { ...PRESET_WEIGHTS[preset] }
  const presetName = options.weights || (!options.preset && placement.weights) ? 'custom' : preset
  const seed = options.seed ?? design.simulation.seed
  const st = buildState(design, tieBreakRanks(design.hosts.length, seed))
  const trackGroups = (weights.locality ?? 0) !== 0
  st.workloads.forEach((w, i) => {
    if (trackGroups || w.affinity.policy !== 'none')
      st.groups[i] = { placed: 0, hosts: new Map(), racks: new Map() }
  })
  const placer = new Placer(st, weights)
  const refusals = new Map<number, UnplacedInstance>()
  let placements = 0
  let assignmentCache: Map<string, string> | undefined

  const tryPlace = (k: number, w: number): boolean => {
    if (placer.quota(w) !== undefined) return false
    const h = placer.best(w)
    if (h < 0) return false
    placer.place(k, w, h)
    placements++
    assignmentCache = undefined
    refusals.delete(k)
    return true
  }

  const explainIndex = (k: number): Explanation => {
    const w = workloadOfInstance(st, k)
    const wl = st.workloads[w]
    const h = st.instHost[k] ?? -1
    const s = st.instStorage[k] ?? -1
    if (h >= 0) removePlacement(st, k, w)
    const { rejections, feasible, candidates } = evaluateHosts(placer, w)
    let hostId: string | undefined
    if (h >= 0) {
      // Scored as if it were being placed now, while it is off its host.
      hostId = st.hosts[h]?.id
      const own = scored(placer, w, h)
      const others = candidates.filter((c) => c.hostId !== hostId).slice(0, CANDIDATES_SHOWN - 1)
      candidates.length = 0
      candidates.push(own, ...others)
      applyPlacement(st, k, w, h, s)
      placer.touch(h)
    }
    const e: Explanation = {
      instanceId: instanceId(st, k),
      workloadId: wl?.id ?? '?',
      tenantId: wl?.tenantId ?? '?',
      placed: h >= 0,
      hostCount: st.hosts.length,
      feasibleCount: feasible,
      rejections,
      reasons: reasonLines(rejections),
      summary: summarize(
        feasible,
        st.hosts.length,
        rejections,
        h >= 0 ? st.hosts[h]?.name || hostId : undefined,
      ),
      candidates,
    }
    if (hostId !== undefined) e.hostId = hostId
    return e
  }

  /** Records why `k` was refused (reusing the last refusal of its workload while nothing changed). */
  const refuse = (
    k: number,
    w: number,
    memo: Map<number, { at: number; e: Explanation }>,
  ): Explanation => {
    let hit = memo.get(w)
    if (!hit || hit.at !== placements) {
      hit = { at: placements, e: explainIndex(k) }
      memo.set(w, hit)
    }
    const e = hit.e
    refusals.set(k, {
      instanceId: instanceId(st, k),
      workloadId: e.workloadId,
      tenantId: e.tenantId,
      reasons: e.rejections,
      summary: e.summary,
    })
    return e
  }

  const result = (order: 'stable' | 'drf'): PlacementResult =>
    buildResult(st, { preset: presetName, weights, seed, order }, refusals)

  const scheduler: Scheduler = {
    weights,
    seed,
    placeAll() {
      const order = stableOrder(st)
      const done: number[] = []
      const memo = new Map<number, { at: number; e: Explanation }>()
      const stableRefusals: number[] = []
      let short = false
      for (const k of order) {
        const w = workloadOfInstance(st, k)
        if (tryPlace(k, w)) {
          done.push(k)
          continue
        }
        stableRefusals.push(k)
        if (isShortage(refuse(k, w, memo))) {
          short = true
          break
        }
      }
      if (!short) return result('stable')
      for (let i = done.length - 1; i >= 0; i--) {
        const k = done[i] as number
        removePlacement(st, k, workloadOfInstance(st, k))
      }
      for (const k of stableRefusals) refusals.delete(k)
      placer.invalidate()
      memo.clear()
      drfWalk(
        st,
        order,
        (k) => workloadOfInstance(st, k),
        (k) => {
          const w = workloadOfInstance(st, k)
          if (!tryPlace(k, w)) refuse(k, w, memo)
        },
      )
      return result('drf')
    },
    placeInstance(id, opts = {}) {
      const k = instanceIndex(st, id)
      if (k < 0) throw new Error(`unknown instance "${id}" (expected WORKLOAD_ID#INDEX)`)
      const current = st.instHost[k] ?? -1
      if (current >= 0) return { ok: true, hostId: st.hosts[current]?.id ?? '?' }
      const excluded = (opts.excludeHostIds ?? [])
        .map((hid) => st.hostIndex.get(hid) ?? -1)
        .filter((h) => h >= 0)
      for (const h of excluded) {
        st.excluded[h] = 1
        placer.touch(h)
      }
      try {
        const w = workloadOfInstance(st, k)
        if (tryPlace(k, w)) return { ok: true, hostId: st.hosts[st.instHost[k] ?? 0]?.id ?? '?' }
        const explanation = explainIndex(k)
        refusals.set(k, {
          instanceId: id,
          workloadId: explanation.workloadId,
          tenantId: explanation.tenantId,
          reasons: explanation.rejections,
          summary: explanation.summary,
        })
        return { ok: false, explanation }
      } finally {
        for (const h of excluded) {
          st.excluded[h] = 0
          placer.touch(h)
        }
      }
    },
    remove(id) {
      const k = instanceIndex(st, id)
      if (k < 0 || (st.instHost[k] ?? -1) < 0) return false
      const h = st.instHost[k] ?? -1
      const s = st.instStorage[k] ?? -1
      removePlacement(st, k, workloadOfInstance(st, k))
      placer.released(h, [s])
      assignmentCache = undefined
      return true
    },
    evacuate(hostId, opts = {}) {
      const h = st.hostIndex.get(hostId)
      if (h === undefined) throw new Error(`unknown host "${hostId}"`)
      const ks = [...(st.hostInstances[h] ?? [])].sort((a, b) => a - b)
      const storageOf = ks.map((k) => st.instStorage[k] ?? -1)
      for (const k of ks) removePlacement(st, k, workloadOfInstance(st, k))
      placer.released(h, storageOf)
      assignmentCache = undefined
      const plan: EvacuationPlan = { hostId, moves: [], stranded: [] }
      for (const k of ks) {
        const id = instanceId(st, k)
        const out = scheduler.placeInstance(id, { excludeHostIds: [hostId] })
        if (out.ok) plan.moves.push({ instanceId: id, fromHostId: hostId, toHostId: out.hostId })
        else plan.stranded.push({ instanceId: id, explanation: out.explanation })
      }
      if (opts.dryRun) {
        for (const k of ks) removePlacement(st, k, workloadOfInstance(st, k))
        ks.forEach((k, i) => {
          applyPlacement(st, k, workloadOfInstance(st, k), h, storageOf[i] ?? -1)
          refusals.delete(k)
        })
        placer.invalidate()
      }
      return plan
    },
    setHostState(hostId, state) {
      const h = st.hostIndex.get(hostId)
      if (h === undefined) throw new Error(`unknown host "${hostId}"`)
      st.hostState[h] = state
      placer.invalidate(true)
    },
    assignments() {
      if (!assignmentCache) {
        assignmentCache = new Map()
        for (let k = 0; k < st.instanceCount; k++) {
          const h = st.instHost[k] ?? -1
          if (h >= 0) assignmentCache.set(instanceId(st, k), st.hosts[h]?.id ?? '?')
        }
      }
      return assignmentCache
    },
    explain(id, opts = {}) {
      const k = instanceIndex(st, id)
      if (k < 0) return undefined
      const e = explainIndex(k)
      if (opts.tenantId === undefined) return e
      const t = st.tenants[st.tenantIndex.get(opts.tenantId) ?? -1]
      const mine = new Set<string>()
      st.workloads.forEach((wl, w) => {
        if (wl.tenantId !== opts.tenantId) return
        for (let k = st.instOffset[w] ?? 0; k < (st.instOffset[w + 1] ?? 0); k++) {
          const h = st.instHost[k] ?? -1
          if (h >= 0) mine.add(st.hosts[h]?.id ?? '?')
        }
      })
      return tenantSafeExplanation(e, opts.tenantId, t?.showHostNames ?? false, mine)
    },
    result: () => result('stable'),
  }
  return scheduler
}
