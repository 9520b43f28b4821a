import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { placeInWindow } from './keep-in-window'

describe('placeInWindow', () => {
  it('opens at the point when it fits, flips up near the bottom and left near the right', () => {
    const view = { width: 1600, height: 1000 }
    const size = { width: 180, height: 200 }
    expect(placeInWindow({ x: 100, y: 100 }, size, view)).toEqual({ x: 100, y: 100 })
    expect(placeInWindow({ x: 100, y: 950 }, size, view)).toEqual({ x: 100, y: 750 })
    expect(placeInWindow({ x: 1550, y: 100 }, size, view)).toEqual({ x: 1370, y: 100 })
  })

  it('keeps any popup that fits inside the window, wherever it opens', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1600 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 1, max: 800 }),
        fc.integer({ min: 1, max: 900 }),
        (x, y, width, height) => {
          const p = placeInWindow({ x, y }, { width, height }, { width: 1600, height: 1000 })
          expect(p.x).toBeGreaterThanOrEqual(0)
          expect(p.y).toBeGreaterThanOrEqual(0)
          expect(p.x + width).toBeLessThanOrEqual(1600)
          expect(p.y + height).toBeLessThanOrEqual(1000)
        },
      ),
    )
  })
})
