/**
 * Segment clipping (`segment-clip.ts`) against an independent oracle: points sampled along
 * the segment, each kept when it is inside the view and outside every (grown) box.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { crossing, visibleParts, type Box, type Point } from './segment-clip'

const inside = (p: Point, b: Box, pad = 0): boolean =>
  p.x > b.x1 - pad && p.x < b.x2 + pad && p.y > b.y1 - pad && p.y < b.y2 + pad

describe('visibleParts', () => {
  it('cuts a line through two boxes into the three parts between them (worked by hand)', () => {
    const view = { x1: 0, y1: 0, x2: 100, y2: 100 }
    const boxes = [
      { x1: 10, y1: 40, x2: 20, y2: 60 },
      { x1: 60, y1: 40, x2: 80, y2: 60 },
    ]
    // y = 50 from x = 0 to 100: boxes cover x 10..20 and 60..80
    expect(visibleParts({ x: 0, y: 50 }, { x: 100, y: 50 }, view, boxes)).toEqual([
      [0, 0.1],
      [0.2, 0.6],
      [0.8, 1],
    ])
    // grown by 2 px: 8..22 and 58..82
    expect(visibleParts({ x: 0, y: 50 }, { x: 100, y: 50 }, view, boxes, 2)).toEqual([
      [0, 0.08],
      [0.22, 0.58],
      [0.82, 1],
    ])
    // the view cuts it: x from −50 to 150 keeps 0..100, i.e. t 0.25..0.75, minus the boxes
    expect(visibleParts({ x: -50, y: 50 }, { x: 150, y: 50 }, view, [])).toEqual([[0.25, 0.75]])
    // a line along a box's edge does not cross it
    expect(crossing({ x: 0, y: 40 }, { x: 100, y: 40 }, boxes[0] as Box)).toBeUndefined()
  })

  it('keeps exactly the sampled points inside the view and outside every box (property)', () => {
    const coord = fc.integer({ min: -50, max: 250 })
    const box = fc
      .tuple(coord, coord, fc.integer({ min: 1, max: 80 }), fc.integer({ min: 1, max: 80 }))
      .map(([x, y, w, h]) => ({ x1: x, y1: y, x2: x + w, y2: y + h }))
    fc.assert(
      fc.property(
        fc.record({ x: coord, y: coord }),
        fc.record({ x: coord, y: coord }),
        fc.array(box, { maxLength: 12 }),
        fc.integer({ min: 0, max: 4 }),
        (a, z, boxes, pad) => {
          const view = { x1: 0, y1: 0, x2: 200, y2: 150 }
          const parts = visibleParts(a, z, view, boxes, pad)
          for (let i = 0; i < parts.length; i++) {
            const [s, e] = parts[i] as [number, number]
            expect(s).toBeLessThan(e)
            if (i > 0) expect(s).toBeGreaterThanOrEqual((parts[i - 1] as [number, number])[1])
          }
          for (let k = 1; k < 400; k++) {
            const t = k / 400
            const p = { x: a.x + (z.x - a.x) * t, y: a.y + (z.y - a.y) * t }
            const shown = inside(p, view) && !boxes.some((b) => inside(p, b, pad))
            const kept = parts.some(([s, e]) => t > s && t < e)
            // points on an edge (to rounding) may go either way
            const onEdge = [view, ...boxes].some((b) => {
              const g = b === view ? 0 : pad
              const near = (u: number, v: number): boolean => Math.abs(u - v) < 1e-9
              return (
                near(p.x, b.x1 - g) ||
                near(p.x, b.x2 + g) ||
                near(p.y, b.y1 - g) ||
                near(p.y, b.y2 + g)
              )
            })
            if (!onEdge) expect(kept, `t ${t}`).toBe(shown)
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})
