import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { forEachSliced } from './yielding'

describe('forEachSliced', () => {
  it('visits every item once, in order, whatever the slice size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer()), fc.integer({ min: 1, max: 7 }), async (xs, n) => {
        const seen: number[] = []
        expect(await forEachSliced(xs, (x) => seen.push(x), undefined, n)).toBe(true)
        expect(seen).toEqual(xs)
      }),
    )
  })

  it('gives the page back between slices and stops once superseded', async () => {
    let live = true
    const seen: number[] = []
    const done = forEachSliced(
      [1, 2, 3, 4, 5],
      (x) => seen.push(x),
      () => live,
      2,
    )
    // the first slice runs at once; the rest only after a yield
    expect(seen).toEqual([1, 2])
    live = false
    expect(await done).toBe(false)
    expect(seen).toEqual([1, 2])
  })
})
