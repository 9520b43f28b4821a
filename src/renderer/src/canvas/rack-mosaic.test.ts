/**
 * Rack mosaics (issue 19): the colours come from the stylesheet's own (`style.ts`) and the
 * utilization scale's end points worked by hand; squares are placed by the model-to-screen
 * arithmetic, one fill per colour.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { LIGHT } from './style'
import { drawMosaic, memberPaint, MEMBER_MODEL_PX, UTILIZATION_STEPS } from './rack-mosaic'

describe('memberPaint', () => {
  it('paints hosts as their nodes are painted', () => {
    expect(memberPaint('host', 'up', undefined, LIGHT)).toEqual({ colour: '#5b8def', alpha: 1 })
    expect(memberPaint('host', 'down', undefined, LIGHT)).toEqual({
      colour: '#5b8def',
      alpha: 0.45,
    })
    expect(memberPaint('host', 'up', { failed: true, utilization: 0.5 }, LIGHT)).toEqual({
      colour: '#d62728',
      alpha: 1,
    })
    expect(memberPaint('host', 'up', { off: true }, LIGHT)).toEqual({
      colour: '#7f7f7f',
      alpha: 0.6,
    })
    expect(memberPaint('switch', 'up', undefined, LIGHT).colour).toBe('#2aa198')
    expect(memberPaint('storage', 'up', undefined, LIGHT).colour).toBe('#b58900')
  })
  it('colours utilization green (0) to red (1), as mapData(utilization, 0, 1, #2ca02c, #d62728)', () => {
    expect(memberPaint('host', 'up', { utilization: 0 }, LIGHT).colour).toBe('#2ca02c')
    expect(memberPaint('host', 'up', { utilization: 1 }, LIGHT).colour).toBe('#d62728')
    // half way: (0x2c+0xd6)/2 = 0x81, (0xa0+0x27)/2 = 99.5 -> 0x64, (0x2c+0x28)/2 = 0x2a
    expect(memberPaint('host', 'up', { utilization: 0.5 }, LIGHT).colour).toBe('#81642a')
    // in steps of 1/32: 0.51 is drawn as 0.5
    expect(memberPaint('host', 'up', { utilization: 0.51 }, LIGHT).colour).toBe('#81642a')
  })
  it('has at most UTILIZATION_STEPS + 1 utilization colours', () => {
    const colours = new Set<string>()
    fc.assert(
      fc.property(fc.double({ min: -1, max: 2, noNaN: true }), (u) => {
        colours.add(memberPaint('host', 'up', { utilization: u }, LIGHT).colour)
        return colours.size <= UTILIZATION_STEPS + 1
      }),
    )
  })
})

/** A 2D context that records rectangles and fills. */
function recorder(): {
  ctx: CanvasRenderingContext2D
  rects: number[][]
  fills: Array<{ colour: string; alpha: number; rects: number }>
} {
  const rects: number[][] = []
  const fills: Array<{ colour: string; alpha: number; rects: number }> = []
  let open = 0
  const ctx = {
    globalAlpha: 1,
    fillStyle: '',
    beginPath: () => (open = 0),
    rect: (x: number, y: number, w: number, h: number) => {
      rects.push([x, y, w, h])
      open++
    },
    fill() {
      fills.push({ colour: String(this.fillStyle), alpha: this.globalAlpha, rects: open })
    },
  }
  return { ctx: ctx as unknown as CanvasRenderingContext2D, rects, fills }
}

describe('drawMosaic', () => {
  it('draws a square per member at its screen position, one fill per colour', () => {
    const { ctx, rects, fills } = recorder()
    const members = [
      { data: { id: 'h1', kind: 'host', state: 'up' }, position: { x: 100, y: 50 } },
      { data: { id: 'h2', kind: 'host', state: 'up' }, position: { x: 140, y: 50 } },
      { data: { id: 'tor', kind: 'switch' }, position: { x: 60, y: 50 } },
      { data: { id: 'nowhere', kind: 'host' } },
    ]
    const drawn = drawMosaic(ctx, members, 0.5, { x: 10, y: 20 }, () => undefined, LIGHT)
    expect(drawn).toBe(3)
    // h1 at 100 * 0.5 + 10 = 60, 50 * 0.5 + 20 = 45; side 34 * 0.5 * 0.9 = 15.3
    const side = MEMBER_MODEL_PX * 0.5 * 0.9
    expect(rects[0]?.[0]).toBeCloseTo(60 - side / 2, 9)
    expect(rects[0]?.[1]).toBeCloseTo(45 - side / 2, 9)
    expect(rects[0]?.[2]).toBeCloseTo(15.3, 9)
    expect(fills).toEqual([
      { colour: '#5b8def', alpha: 1, rects: 2 },
      { colour: '#2aa198', alpha: 1, rects: 1 },
    ])
    expect(ctx.globalAlpha).toBe(1)
  })
  it('never draws a square under 1 px', () => {
    const { ctx, rects } = recorder()
    drawMosaic(
      ctx,
      [{ data: { id: 'a' }, position: { x: 0, y: 0 } }],
      0.001,
      { x: 0, y: 0 },
      () => undefined,
      LIGHT,
    )
    expect(rects[0]?.[2]).toBe(1)
  })
})
