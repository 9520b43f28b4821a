/**
 * Max-min fair sharing of link capacities among flows, by progressive filling
 * (water-filling): every unfrozen flow's rate rises with one common level (times its
 * weight); a flow freezes when it reaches its demand, and every flow crossing a link
 * freezes when that link saturates. The result is the unique weighted max-min fair
 * allocation with demand caps: no flow's rate can rise without lowering the rate of a
 * flow whose (weighted) rate is already equal or smaller; equivalently every flow is at
 * its demand or crosses a saturated link on which its weighted rate is the largest.
 *
 * Sources: D. Bertsekas, R. Gallager, *Data Networks*, 2nd ed., 1992 (max-min flow
 * control); S. Keshav, *An Engineering Approach to Computer Networking*, 1997,
 * pp. 215–217 (demands and weights); B. Radunović, J.-Y. Le Boudec, IEEE/ACM ToN 2007
 * (water-filling is exact under link-capacity constraints). Reference figures:
 * NESTED_NETWORK_STORAGE.md §12c (test fixture `test/fixtures/network/max-min-cases.json`).
 *
 * Cost: O(I + I_c log L) for I (flow, link) incidences, I_c of them on links whose flows ask
 * for more than the link's capacity (only those can limit anyone) and L links: each flow
 * freezes once and each freeze updates the levels of its constrained links in an indexed heap.
 */
import { IndexedMinHeap } from './indexed-heap'

/** Flows over links, in compressed rows: flow f crosses links `linkIndex[linkStart[f] .. linkStart[f+1])`. */
export interface FlowSet {
  flowCount: number
  /** Length `flowCount + 1`, non-decreasing, `linkStart[0] = 0`. */
  linkStart: Int32Array
  /** Link indices (0 .. capacityGbps.length-1); a flow must not list a link twice. */
  linkIndex: Int32Array
  /** What each flow would send if nothing limited it, Gbps (≥ 0; `Infinity` = elastic). */
  demandGbps: Float64Array
  /** Optional weights (> 0, default 1): flows rise in proportion to them. */
  weight?: Float64Array
}

/** The max-min fair allocation. */
export interface Allocation {
  /** Rate of each flow, Gbps (≤ its demand). */
  rateGbps: Float64Array
  /** Sum of the rates crossing each link, Gbps (≤ its capacity, up to rounding). */
  loadGbps: Float64Array
  /** 1 for each link that froze its flows by saturating. */
  saturated: Uint8Array
}

/**
 * Computes the (weighted) max-min fair rates of `flows` over links of `capacityGbps`.
 * A flow that crosses no link gets its demand. Throws when a link index is out of range
 * or a weight is not positive.
 */
export function allocateMaxMin(flows: FlowSet, capacityGbps: Float64Array): Allocation {
  const n = flows.flowCount
  const m = capacityGbps.length
  const { linkStart, linkIndex, demandGbps } = flows
  const weight = flows.weight
  const rate = new Float64Array(n)
  const load = new Float64Array(m)
  const saturated = new Uint8Array(m)
  // A link whose flows together ask for no more than its capacity never limits any of them:
  // only the others (constrained) take part in the filling.
  const asked = new Float64Array(m)
  for (let f = 0; f < n; f++) {
    const w = weight ? (weight[f] as number) : 1
    if (!(w > 0)) throw new RangeError(`flow ${f} has weight ${w}; weights must be positive`)
    const d = Math.max(0, demandGbps[f] as number)
    for (let i = linkStart[f] as number; i < (linkStart[f + 1] as number); i++) {
      const e = linkIndex[i] as number
      if (!(e >= 0 && e < m))
        throw new RangeError(`flow link index ${e} is not a link (0..${m - 1})`)
      asked[e] = (asked[e] as number) + d
    }
  }
  const constrained = new Uint8Array(m)
  for (let e = 0; e < m; e++)
    if ((asked[e] as number) > (capacityGbps[e] as number)) constrained[e] = 1
  // Transpose over constrained links: their flows, and per link the weight and count still rising.
  const count = new Int32Array(m)
  const rising = new Float64Array(m)
  const frozen = new Uint8Array(n)
  const order: number[] = []
  for (let f = 0; f < n; f++) {
    let any = false
    for (let i = linkStart[f] as number; i < (linkStart[f + 1] as number); i++) {
      const e = linkIndex[i] as number
      if (constrained[e] === 0) continue
      any = true
      count[e] = (count[e] as number) + 1
      rising[e] = (rising[e] as number) + (weight ? (weight[f] as number) : 1)
    }
    if (any) order.push(f)
    else {
      frozen[f] = 1
      rate[f] = Math.max(0, demandGbps[f] as number)
    }
  }
  const flowStart = new Int32Array(m + 1)
  for (let e = 0; e < m; e++) flowStart[e + 1] = (flowStart[e] as number) + (count[e] as number)
  const fill = flowStart.slice(0, m)
  const linkFlows = new Int32Array(flowStart[m] as number)
  for (const f of order)
    for (let i = linkStart[f] as number; i < (linkStart[f + 1] as number); i++) {
      const e = linkIndex[i] as number
      if (constrained[e] === 0) continue
      linkFlows[fill[e] as number] = f
      fill[e] = (fill[e] as number) + 1
    }
  const used = new Float64Array(m)
  const heap = new IndexedMinHeap(m)
  for (let e = 0; e < m; e++)
    if ((count[e] as number) > 0)
      heap.set(e, Math.max(0, capacityGbps[e] as number) / (rising[e] as number))
  // Flows in order of the level at which their demand stops them.
  const stopLevel = new Float64Array(n)
  for (const f of order)
    stopLevel[f] = Math.max(0, demandGbps[f] as number) / (weight ? (weight[f] as number) : 1)
  order.sort((a, b) => (stopLevel[a] as number) - (stopLevel[b] as number) || a - b)
  let level = 0
  let next = 0

  const freeze = (f: number, r: number): void => {
    frozen[f] = 1
    rate[f] = r
    const w = weight ? (weight[f] as number) : 1
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

  const total = order.length
  for (;;) {
    while (next < total && frozen[order[next] as number] === 1) next++
    if (next >= total) break
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
      if (frozen[f] === 0) freeze(f, level * (weight ? (weight[f] as number) : 1))
    }
  }
  for (let f = 0; f < n; f++)
    for (let i = linkStart[f] as number; i < (linkStart[f + 1] as number); i++) {
      const e = linkIndex[i] as number
      load[e] = (load[e] as number) + (rate[f] as number)
    }
  return { rateGbps: rate, loadGbps: load, saturated }
}

/** Builds a `FlowSet` from per-flow link lists (convenient for tests and small cases). */
export function flowSetOf(
  paths: readonly (readonly number[])[],
  demandGbps: readonly number[],
  weight?: readonly number[],
): FlowSet {
  const linkStart = new Int32Array(paths.length + 1)
  for (let f = 0; f < paths.length; f++)
    linkStart[f + 1] = (linkStart[f] as number) + (paths[f] as readonly number[]).length
  return {
    flowCount: paths.length,
    linkStart,
    linkIndex: Int32Array.from(paths.flat()),
    demandGbps: Float64Array.from(demandGbps),
    weight: weight ? Float64Array.from(weight) : undefined,
  }
}
