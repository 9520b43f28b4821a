/**
 * The minimap's dots as pixels: colours packed as an ImageData buffer's words hold, and 3×3
 * blocks clipped at the edges. Expected values are worked out by hand.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { packedColour, paintBoxes, paintDots } from './minimap-dots'

describe('packedColour', () => {
  it('packs #rrggbb and #rgb as the bytes r, g, b, 255 of a little-endian word', () => {
    // #5b8def: r 0x5b, g 0x8d, b 0xef -> word 0xffef8d5b
    expect(packedColour('#5b8def')).toBe(0xffef8d5b)
    expect(packedColour(' #abc ')).toBe(0xffccbbaa)
    const bytes = new Uint8Array(new Uint32Array([packedColour('#5b8def') as number]).buffer)
    // the byte order holds on the little-endian platforms Strata runs on
    expect([...bytes]).toEqual([0x5b, 0x8d, 0xef, 255])
  })
  it('refuses what is not a hex colour (the caller draws with fillRect instead)', () => {
    expect(packedColour('rgb(1, 2, 3)')).toBeUndefined()
    expect(packedColour('#12345')).toBeUndefined()
  })
})

describe('paintDots', () => {
  it('writes a 3×3 block around each point, clipped at the edges', () => {
    const w = 5
    const h = 4
    const pixels = new Uint32Array(w * h)
    paintDots(
      pixels,
      w,
      h,
      [
        { x: 2.7, y: 1.2 },
        { x: 0.1, y: 3.9 },
      ],
      7,
    )
    const rows = [...Array(h).keys()].map((y) => [...pixels.slice(y * w, y * w + w)].join(''))
    expect(rows).toEqual(['07770', '07770', '77770', '77000'])
  })
  it('paints exactly the pixels within one of a point’s floor, for any points', () => {
    const pt = fc.record({
      x: fc.double({ min: -3, max: 12, noNaN: true }),
      y: fc.double({ min: -3, max: 9, noNaN: true }),
    })
    fc.assert(
      fc.property(fc.array(pt, { maxLength: 6 }), (points) => {
        const pixels = new Uint32Array(10 * 7)
        paintDots(pixels, 10, 7, points, 1)
        for (let y = 0; y < 7; y++)
          for (let x = 0; x < 10; x++) {
            const near = points.some(
              (p) => Math.abs(Math.floor(p.x) - x) <= 1 && Math.abs(Math.floor(p.y) - y) <= 1,
            )
            expect(pixels[y * 10 + x]).toBe(near ? 1 : 0)
          }
      }),
    )
  })

  it('fills a box from its rounded top-left edge up to (not including) its rounded far edge', () => {
    const pixels = new Uint32Array(6 * 4)
    // x 0.6..3.4 -> columns 1..2, y -1..1.5 -> rows 0..1; a sliver 0.2 wide keeps 1 px
    paintBoxes(pixels, 6, 4, [{ x1: 0.6, y1: -1, x2: 3.4, y2: 1.5 }], 7)
    paintBoxes(pixels, 6, 4, [{ x1: 5, y1: 3, x2: 5.2, y2: 9 }], 9)
    const rows = [0, 1, 2, 3].map((y) => [...pixels.slice(y * 6, y * 6 + 6)].join(''))
    expect(rows).toEqual(['077000', '077000', '000000', '000009'])
  })
})
