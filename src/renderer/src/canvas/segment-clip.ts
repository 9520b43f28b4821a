/**
 * The parts of a line segment inside a rectangle and outside a set of boxes, worked out on
 * the segment itself (Liang–Barsky: Liang and Barsky, "A new concept and method for line
 * clipping", ACM TOG 3(1), 1984). The link bundles (`bundles.ts`) used to be drawn through a
 * canvas clip of the view minus every rack box (an even-odd path of 250 rectangles at
 * 10,000 hosts): the software rasterizer then spent about as long on that clip as on all the
 * rest of a redraw (issue 19: 8 of 17 ms CPU per redraw after a pan, measured in the Commit
 * of a Chromium trace). Strokes of the parts need no clip.
 */

/** An axis-aligned box in screen px. */
export interface Box {
  x1: number
  y1: number
  x2: number
  y2: number
}

/** A point in screen px. */
export interface Point {
  x: number
  y: number
}

/**
 * Where segment a→z is inside `box` grown by `pad` px on every side, as the parameter
 * interval [t0, t1] of a + t·(z − a) within [0, 1]; undefined when it does not cross the box
 * (touching an edge is not crossing).
 */
export function crossing(a: Point, z: Point, box: Box, pad = 0): [number, number] | undefined {
  const range = { t0: 0, t1: 1 }
  const dx = z.x - a.x
  const dy = z.y - a.y
  // each edge keeps p·t ≤ q (no array per call: this runs for every bundle and box, per frame)
  const ok =
    clipEdge(range, -dx, a.x - box.x1 + pad) &&
    clipEdge(range, dx, box.x2 + pad - a.x) &&
    clipEdge(range, -dy, a.y - box.y1 + pad) &&
    clipEdge(range, dy, box.y2 + pad - a.y)
  return ok ? [range.t0, range.t1] : undefined
}

/** Narrows `range` to where p·t ≤ q; false when nothing is left. */
function clipEdge(range: { t0: number; t1: number }, p: number, q: number): boolean {
  if (p === 0) return q > 0
  const t = q / p
  if (p < 0) range.t0 = Math.max(range.t0, t)
  else range.t1 = Math.min(range.t1, t)
  return range.t0 < range.t1
}

/**
 * The parts of segment a→z inside `view` and outside every box of `boxes` grown by `pad` px
 * (half a stroke's width: the stroke stays off the boxes), as parameter intervals [t0, t1]
 * (t0 < t1) of a + t·(z − a), in order and not overlapping.
 */
export function visibleParts(
  a: Point,
  z: Point,
  view: Box,
  boxes: readonly Box[],
  pad = 0,
): Array<[number, number]> {
  const inView = crossing(a, z, view)
  if (!inView) return []
  let parts: Array<[number, number]> = [inView]
  const bx1 = Math.min(a.x, z.x)
  const bx2 = Math.max(a.x, z.x)
  const by1 = Math.min(a.y, z.y)
  const by2 = Math.max(a.y, z.y)
  for (const box of boxes) {
    // most boxes are nowhere near the segment
    if (box.x2 + pad <= bx1 || box.x1 - pad >= bx2 || box.y2 + pad <= by1 || box.y1 - pad >= by2)
      continue
    const cut = crossing(a, z, box, pad)
    if (!cut) continue
    const next: Array<[number, number]> = []
    for (const [s, e] of parts) {
      if (cut[1] <= s || cut[0] >= e) {
        next.push([s, e])
        continue
      }
      if (cut[0] > s) next.push([s, cut[0]])
      if (cut[1] < e) next.push([cut[1], e])
    }
    parts = next
    if (parts.length === 0) break
  }
  return parts
}
