/**
 * The Pareto front of points to minimise on both axes (e.g. energy and SLA violation): the
 * points no other point beats on one axis without losing on the other.
 */

export interface ParetoPoint {
  x: number
  y: number
}

/**
 * Indices of the non-dominated points, ordered by x then y. A point is dominated when
 * another is no worse on both axes and better on at least one; equal points are all kept.
 */
export function paretoFront(points: readonly ParetoPoint[]): number[] {
  const order = points
    .map((p, i) => i)
    .filter((i) => Number.isFinite(points[i]!.x) && Number.isFinite(points[i]!.y))
    .sort((a, b) => points[a]!.x - points[b]!.x || points[a]!.y - points[b]!.y)
  const front: number[] = []
  let bestY = Infinity
  let last: ParetoPoint | undefined
  for (const i of order) {
    const p = points[i]!
    if (p.y < bestY || (last && p.x === last.x && p.y === last.y)) {
      front.push(i)
      bestY = Math.min(bestY, p.y)
      last = p
    }
  }
  return front
}
