import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { paretoFront, type ParetoPoint } from './pareto'

/** The definition, point by point (O(n²)): no other point is <= on both and < on one. */
function bruteForce(points: readonly ParetoPoint[]): number[] {
  return points
    .map((p, i) => i)
    .filter(
      (i) =>
        !points.some(
          (q) =>
            q.x <= points[i]!.x &&
            q.y <= points[i]!.y &&
            (q.x < points[i]!.x || q.y < points[i]!.y),
        ),
    )
}

describe('paretoFront', () => {
  it('marks the points nothing beats on both axes (worked example)', () => {
    // (1,5) (2,3) (3,4) (4,1) (2,3): (3,4) is beaten by (2,3); both (2,3) stay
    const front = paretoFront([
      { x: 1, y: 5 },
      { x: 2, y: 3 },
      { x: 3, y: 4 },
      { x: 4, y: 1 },
      { x: 2, y: 3 },
    ])
    expect(front.sort()).toEqual([0, 1, 3, 4])
  })

  it('agrees with the definition on any points', () => {
    const point = fc.record({
      x: fc.integer({ min: 0, max: 6 }),
      y: fc.integer({ min: 0, max: 6 }),
    })
    fc.assert(
      fc.property(fc.array(point, { maxLength: 30 }), (points) => {
        expect([...paretoFront(points)].sort((a, b) => a - b)).toEqual(bruteForce(points))
      }),
    )
  })
})
