/**
 * The bundles' lines (`bundle-lines.ts`) on a recording canvas: worked by hand on one rack
 * under two switches, a line stops at the rack box and at the switch (grown by half its
 * stroke), lines of one colour and width are one stroke, and a pan draws the same parts moved.
 */
import { describe, expect, it } from 'vitest'
import type { Core } from 'cytoscape'
import { BundleLines } from './bundle-lines'
import type { RackBundle } from './bundles'

const nodes: Record<string, { x: number; y: number; w: number }> = {
  'agg-1': { x: 0, y: 0, w: 20 },
  'agg-2': { x: 200, y: 0, w: 20 },
  'rack-1': { x: 0, y: 300, w: 100 },
}
const cy = {
  getElementById: (id: string) => ({
    empty: () => !nodes[id],
    position: () => ({ x: nodes[id]?.x ?? 0, y: nodes[id]?.y ?? 0 }),
    width: () => nodes[id]?.w ?? 0,
  }),
} as unknown as Core

function recorder() {
  const strokes: Array<{ colour: string; width: number; segments: number[][] }> = []
  let segments: number[][] = []
  let from: number[] = []
  const ctx = {
    strokeStyle: '',
    lineWidth: 1,
    globalAlpha: 1,
    save: () => {},
    restore: () => {},
    beginPath: () => void (segments = []),
    moveTo: (x: number, y: number) => void (from = [x, y]),
    lineTo: (x: number, y: number) => void segments.push([...from, x, y]),
    stroke(): void {
      strokes.push({ colour: this.strokeStyle, width: this.lineWidth, segments })
    },
  }
  return { ctx: ctx as unknown as CanvasRenderingContext2D, strokes }
}

const bundles: RackBundle[] = [
  { source: 'rack-1', target: 'agg-1', links: 1, bandwidthGbps: 400 },
  { source: 'rack-1', target: 'agg-2', links: 1, bandwidthGbps: 400 },
]
// the rack box: 100 wide, 100 high around (0, 300)
const boxes = new Map([['rack-1', { x1: -50, y1: 250, x2: 50, y2: 350 }]])

describe('BundleLines', () => {
  it('stops each line at the rack box and at the switch, in one stroke per colour and width', () => {
    const { ctx, strokes } = recorder()
    const view = { zoom: 1, pan: { x: 100, y: 10 }, width: 1000, height: 1000 }
    const drawn = new BundleLines().draw(ctx, cy, bundles, boxes, view, { colour: 'grey' })
    expect(drawn).toBe(2)
    // bundleWidth(1) = 2 px at zoom 1: boxes grown by 1
    expect(strokes).toHaveLength(1)
    expect(strokes[0]?.width).toBe(2)
    const [up, slant] = strokes[0]?.segments ?? []
    // rack-1 → agg-1 is vertical at x 0: from the rack's top (250 − 1) to agg-1's bottom (10 + 1)
    expect(up?.map((v) => Math.round(v * 1e6) / 1e6)).toEqual([100, 249 + 10, 100, 11 + 10])
    // rack-1 → agg-2: (0, 300) to (200, 0) leaves the grown box (y 249) at t = 51/300 and
    // enters agg-2's grown box (y 11) at t = 289/300
    const at = (t: number): number[] => [200 * t + 100, 300 - 300 * t + 10]
    expect(slant?.map((v) => Math.round(v * 1e6) / 1e6)).toEqual(
      [...at(51 / 300), ...at(289 / 300)].map((v) => Math.round(v * 1e6) / 1e6),
    )
  })

  it('draws the same parts moved after a pan, and splits strokes by load colour', () => {
    const lines = new BundleLines()
    const a = recorder()
    lines.draw(
      a.ctx,
      cy,
      bundles,
      boxes,
      { zoom: 0.5, pan: { x: 0, y: 0 }, width: 800, height: 800 },
      { colour: 'grey' },
    )
    const b = recorder()
    const loads = (x: RackBundle): number | undefined => (x.target === 'agg-2' ? 1 : undefined)
    lines.draw(
      b.ctx,
      cy,
      bundles,
      boxes,
      { zoom: 0.5, pan: { x: 30, y: -5 }, width: 800, height: 800 },
      { colour: 'grey', loadOf: loads },
    )
    expect(b.strokes.map((s) => s.colour)).toEqual(['grey', 'rgb(214, 39, 40)'])
    const before = a.strokes.flatMap((s) => s.segments)
    const after = b.strokes.flatMap((s) => s.segments)
    expect(after).toEqual(before.map(([x1, y1, x2, y2]) => [x1! + 30, y1! - 5, x2! + 30, y2! - 5]))
  })
})
