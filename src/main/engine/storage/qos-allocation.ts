/**
 * How one storage system's capacity (IOPS, or MB/s) is shared among the claims on it (one
 * claim per tenant with volumes on the system).
 *
 * Two policies:
 *
 * - `proportional`: no QoS. Under overload every claim is served the same fraction of its
 *   demand, capacity / total demand (what one FIFO queue does to open arrivals); minimums,
 *   limits and weights are ignored.
 * - `qos`: reservation, limit and weight per claim, the three knobs of Ceph's mClock/dmClock
 *   (reservation / weight / limit per client class) and of SolidFire (`minIOPS` / `maxIOPS`),
 *   VMware SIOC (reservation / shares / limit) and Cinder's front-end `total_iops_sec` limits
 *   (NESTED_NETWORK_STORAGE.md §13d, [S60]–[S63]; suggested defaults §15c):
 *   1. each claim's demand is first capped at its limit (a limit is never exceeded);
 *   2. minimums first: each claim gets min(demand, minimum). If those do not all fit, they are
 *      scaled down in proportion to themselves (SolidFire: a minimum holds "unless every volume
 *      is already held to its minimum"; the proportional split is a judgement);
 *   3. the rest of the capacity is shared by weighted max-min fairness (progressive filling,
 *      the same rule the network uses, §15b): every unsatisfied claim rises at a rate
 *      proportional to its weight until its demand is met or the capacity runs out.
 *      SIOC's share presets are 500 / 1,000 / 2,000 (low / normal / high); the default weight
 *      is 1,000.
 *   With no minimums, limits or weights set this is plain max-min fairness.
 *
 * Invariants (property-tested): 0 ≤ served ≤ demand; served ≤ limit under `qos`; Σ served ≤
 * capacity; work-conserving (Σ served = min(capacity, Σ capped demand)); when the minimums fit,
 * every claim gets at least min(demand, minimum).
 */

/** One claim on a shared capacity; every figure in the capacity's unit (IOPS or MB/s). */
export interface CapacityClaim {
  /** What the claim asks for now (≥ 0). */
  demand: number
  /** Reservation: served first (default 0). */
  minimum?: number
  /** Cap: never served beyond it (default unlimited). */
  limit?: number
  /** Share of the remainder under contention, relative to other claims (default 1,000). */
  weight?: number
}

export const STORAGE_SHARING_POLICIES = ['qos', 'proportional'] as const
export type StorageSharingPolicy = (typeof STORAGE_SHARING_POLICIES)[number]

/** SIOC's `normal` share (§13d), the weight of a claim that sets none. */
export const DEFAULT_SHARE_WEIGHT = 1000

/**
 * Shares `capacity` among `claims` under `policy`; returns what each claim is served, in the
 * same order and unit. `capacity` must be ≥ 0 and finite; demands ≥ 0.
 */
export function allocateCapacity(
  capacity: number,
  claims: readonly CapacityClaim[],
  policy: StorageSharingPolicy = 'qos',
): Float64Array {
  const n = claims.length
  const served = new Float64Array(n)
  if (n === 0 || !(capacity > 0)) return served
  if (policy === 'proportional') {
    let total = 0
    for (const c of claims) total += Math.max(0, c.demand)
    const f = total > capacity ? capacity / total : 1
    for (let i = 0; i < n; i++) served[i] = Math.max(0, (claims[i] as CapacityClaim).demand) * f
    return served
  }
  const capped = new Float64Array(n)
  let reserved = 0
  for (let i = 0; i < n; i++) {
    const c = claims[i] as CapacityClaim
    capped[i] = Math.min(Math.max(0, c.demand), c.limit ?? Number.POSITIVE_INFINITY)
    served[i] = Math.min(capped[i] as number, Math.max(0, c.minimum ?? 0))
    reserved += served[i] as number
  }
  if (reserved >= capacity) {
    const f = capacity / reserved
    for (let i = 0; i < n; i++) served[i] = (served[i] as number) * f
    return served
  }
  const residual = new Float64Array(n)
  for (let i = 0; i < n; i++) residual[i] = (capped[i] as number) - (served[i] as number)
  const extra = weightedMaxMin(
    capacity - reserved,
    residual,
    claims.map((c) => c.weight ?? DEFAULT_SHARE_WEIGHT),
  )
  for (let i = 0; i < n; i++) served[i] = (served[i] as number) + (extra[i] as number)
  return served
}

/**
 * Weighted max-min fair shares of `capacity` for `demands` with `weights` (> 0), by
 * progressive filling: claims in increasing order of demand / weight are satisfied while the
 * fair level allows, the rest get level × weight. O(n log n).
 */
export function weightedMaxMin(
  capacity: number,
  demands: ArrayLike<number>,
  weights: ArrayLike<number>,
): Float64Array {
  const n = demands.length
  const out = new Float64Array(n)
  const order: number[] = []
  for (let i = 0; i < n; i++) if ((demands[i] as number) > 0) order.push(i)
  const w = (i: number): number => Math.max(Number.MIN_VALUE, weights[i] as number)
  order.sort((a, b) => (demands[a] as number) / w(a) - (demands[b] as number) / w(b) || a - b)
  let left = Math.max(0, capacity)
  let weightLeft = 0
  for (const i of order) weightLeft += w(i)
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number
    const level = left / weightLeft
    const d = demands[i] as number
    if (d <= level * w(i)) {
      out[i] = d
      left -= d
      weightLeft -= w(i)
      continue
    }
    // Every claim from here on is bottlenecked: each gets the fair level times its weight.
    for (let j = k; j < order.length; j++) {
      const m = order[j] as number
      out[m] = Math.min(demands[m] as number, level * w(m))
    }
    break
  }
  return out
}
