/**
 * The same weighted max-min fair allocation as `allocateMaxMin` (progressive filling, see
 * `max-min.ts` for the model and its sources), for a flow structure that stays the same over
 * many processing instants while demands and capacities change: the run's case, where routes
 * change only with placement or the fabric.
 *
 * What it saves, per solve, over the plain function:
 * - the structure (link lists, weights) is checked once, at construction;
 * - its buffers are allocated once and reused (no garbage per instant);
 * - flows are kept in the order of their demand levels from the previous solve, so re-sorting
 *   (TimSort, ties by flow index as in the plain function) is near linear when levels move
 *   together from one instant to the next;
 * - a solve with the same demands and capacities as the previous one returns the previous
 *   allocation without recomputing it.
 * The rates are the ones the plain function gives: the same freezing order, the same
 * arithmetic (a property test compares both on random networks).
 */
import { IndexedMinHeap } from './indexed-heap'
import type { Allocation, FlowSet } from './max-min'

/** Flows over links without demands: what stays fixed between solves. */
export type FlowStructure = Omit<FlowSet, 'demandGbps'>

/** Reusable max-min solver for one flow structure over `linkCount` links. */
export class MaxMinSolver {
  private readonly n: number
  private readonly m: number
  private readonly linkStart: Int32Array
  private readonly linkIndex: Int32Array
  private readonly weight: Float64Array
  private readonly rate: Float64Array
  private readonly load: Float64Array
  private readonly saturated: Uint8Array
  private readonly asked: Float64Array
  private readonly constrained: Uint8Array
  private readonly count: Int32Array
  private readonly rising: Float64Array
  private readonly used: Float64Array
  private readonly flowStart: Int32Array
  private readonly fill: Int32Array
  private readonly frozen: Uint8Array
  private readonly stopLevel: Float64Array
  private linkFlows: Int32Array = new Int32Array(0)
  /** All flows, by stop level (then index) as of the previous solve. */
  private readonly byLevel: number[]
  private readonly heap: IndexedMinHeap
  private lastDemand?: Float64Array
  private lastCapacity?: Float64Array

  /** Throws when a link index is out of range or a weight is not positive. */
  constructor(flows: FlowStructure, linkCount: number) {
    const n = (this.n = flows.flowCount)
    const m = (this.m = linkCount)
    this.linkStart = flows.linkStart
    this.linkIndex = flows.linkIndex
    this.weight = flows.weight ?? new Float64Array(n).fill(1)
    for (let f = 0; f < n; f++) {
      const w = this.weight[f] as number
      if (!(w > 0)) throw new RangeError(`flow ${f} has weight ${w}; weights must be positive`)
      for (let i = this.linkStart[f] as number; i < (this.linkStart[f + 1] as number); i++) {
        const e = this.linkIndex[i] as number
        if (!(e >= 0 && e < m))
          throw new RangeError(`flow link index ${e} is not a link (0..${m - 1})`)
      }
    }
    this.rate = new Float64Array(n)
    this.load = new Float64Array(m)
    this.saturated = new Uint8Array(m)
    this.asked = new Float64Array(m)
    this.constrained = new Uint8Array(m)
    this.count = new Int32Array(m)
    this.rising = new Float64Array(m)
    this.used = new Float64Array(m)
    this.flowStart = new Int32Array(m + 1)
    this.fill = new Int32Array(m)
    this.frozen = new Uint8Array(n)
    this.stopLevel = new Float64Array(n)
    this.byLevel = Array.from({ length: n }, (_, f) => f)
    this.heap = new IndexedMinHeap(m)
  }

  /**
   * The max-min fair rates for `demandGbps` (one per flow, ≥ 0 or `Infinity`) over links of
   * `capacityGbps`. The returned arrays belong to the solver and change at its next solve.
   */
  solve(demandGbps: Float64Array, capacityGbps: Float64Array): Allocation {
    const out = { rateGbps: this.rate, loadGbps: this.load, saturated: this.saturated }
    if (
      this.lastDemand &&
      this.lastCapacity &&
      sameValues(this.lastDemand, demandGbps) &&
      sameValues(this.lastCapacity, capacityGbps)
    )
      return out
    this.fillUp(demandGbps, capacityGbps)
    this.lastDemand = Float64Array.from(demandGbps)
    this.lastCapacity = Float64Array.from(capacityGbps)
    return out
  }

  private fillUp(demandGbps: Float64Array, capacityGbps: Float64Array): void {
    const { n, m, linkStart, linkIndex, weight, rate, load, saturated, asked, constrained } = this
    const { count, rising, used, flowStart, fill, frozen, stopLevel, heap } = this
    rate.fill(0)
    load.fill(0)
    saturated.fill(0)
    asked.fill(0)
    count.fill(0)
    rising.fill(0)
    used.fill(0)
    heap.clear()
    for (let f = 0; f < n; f++) {
      const d = Math.max(0, demandGbps[f] as number)
      stopLevel[f] = d / (weight[f] as number)
      for (let i = linkStart[f] as number; i < (linkStart[f + 1] as number); i++) {
        const e = linkIndex[i] as number
        asked[e] = (asked[e] as number) + d
      }
    }
    for (let e = 0; e < m; e++)
      constrained[e] = (asked[e] as number) > (capacityGbps[e] as number) ? 1 : 0
    let incidences = 0
    for (let f = 0; f < n; f++) {
      let any = false
      for (let i = linkStart[f] as number; i < (linkStart[f + 1] as number); i++) {
        const e = linkIndex[i] as number
        if (constrained[e] === 0) continue
        any = true
        count[e] = (count[e] as number) + 1
        rising[e] = (rising[e] as number) + (weight[f] as number)
        incidences++
      }
      if (any) frozen[f] = 0
      else {
        frozen[f] = 1
        rate[f] = Math.max(0, demandGbps[f] as number)
      }
    }
    flowStart[0] = 0
    for (let e = 0; e < m; e++) flowStart[e + 1] = (flowStart[e] as number) + (count[e] as number)
    fill.set(flowStart.subarray(0, m))
    if (this.linkFlows.length < incidences) this.linkFlows = new Int32Array(incidences)
    const linkFlows = this.linkFlows
    for (let f = 0; f < n; f++) {
      if (frozen[f] === 1) continue
      for (let i = linkStart[f] as number; i < (linkStart[f + 1] as number); i++) {
        const e = linkIndex[i] as number
        if (constrained[e] === 0) continue
        linkFlows[fill[e] as number] = f
        fill[e] = (fill[e] as number) + 1
      }
    }
    for (let e = 0; e < m; e++)
      if ((count[e] as number) > 0)
        heap.set(e, Math.max(0, capacityGbps[e] as number) / (rising[e] as number))
    // Every flow in order of the level at which its demand stops it (nearly sorted already).
    const order = this.byLevel
    order.sort((a, b) => (stopLevel[a] as number) - (stopLevel[b] as number) || a - b)
    let level = 0
    let next = 0

    const freeze = (f: number, r: number): void => {
      frozen[f] = 1
      rate[f] = r
      const w = weight[f] as number
      for (let i = linkStart[f] as number; i < (linkStart[f + 1] as number); i++) {
        const e = linkIndex[i] as number
        if (constrained[e] === 0) continue
        used[e] = (used[e] as number) + r
        count[e] = (count[e] as number) - 1
        rising[e] = (rising[e] as number) - w
        if (!heap.has(e)) continue
        if ((count[e] as number) === 0) heap.delete(e)
        else {
          const left = (capacityGbps[e] as number) - (used[e] as number)
          heap.set(e, Math.max(level, left / (rising[e] as number)))
        }
      }
    }

    for (;;) {
      while (next < n && frozen[order[next] as number] === 1) next++
      if (next >= n) break
      const byDemand = stopLevel[order[next] as number] as number
      const e = heap.peek()
      const byLink = e >= 0 ? heap.keyOf(e) : Infinity
      if (byDemand <= byLink) {
        const f = order[next] as number
        level = Math.max(level, byDemand)
        freeze(f, Math.max(0, demandGbps[f] as number))
        continue
      }
      level = Math.max(level, byLink)
      heap.delete(e)
      saturated[e] = 1
      for (let i = flowStart[e] as number; i < (flowStart[e + 1] as number); i++) {
        const f = linkFlows[i] as number
        if (frozen[f] === 0) freeze(f, level * (weight[f] as number))
      }
    }
    for (let f = 0; f < n; f++) {
      const r = rate[f] as number
      for (let i = linkStart[f] as number; i < (linkStart[f + 1] as number); i++) {
        const e = linkIndex[i] as number
        load[e] = (load[e] as number) + r
      }
    }
  }
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++)
    if (a[i] !== b[i] && !(a[i] !== a[i] && b[i] !== b[i])) return false
  return true
}
