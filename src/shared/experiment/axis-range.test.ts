import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { boundedAxis } from './axis-range'

const percent = { min: 0, max: 100 }

describe('boundedAxis', () => {
  it('stops an availability axis at 100 % (the review saw 140 %)', () => {
    // spread 40 -> step 10; 60 - 4 -> 50, 100 + 4 -> 110, clamped to 100
    expect(boundedAxis([60, 85, 100], percent)).toEqual({ min: 50, max: 100 })
  })

  it("rounds out to the spread's order of magnitude", () => {
    // spread 0.1 -> step 0.1; 85.9 - 0.01 -> 85.8, 86 + 0.01 -> 86.1
    expect(boundedAxis([85.9, 86], percent)).toEqual({ min: 85.8, max: 86.1 })
    // one value: spread 86/10 = 8.6 -> step 1; 86 -/+ 0.86 -> 85, 87
    expect(boundedAxis([86], percent)).toEqual({ min: 85, max: 87 })
    // counts from 0: spread 14 -> step 10; -1.4 -> -10, clamped to 0; 15.4 -> 20
    expect(boundedAxis([0, 14], { min: 0, max: null })).toEqual({ min: 0, max: 20 })
    expect(boundedAxis([Number.NaN], percent)).toBeUndefined()
  })

  it('holds every value and stays within the bounds (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (values) => {
          const a = boundedAxis(values, percent)
          expect(a).toBeDefined()
          if (!a) return
          expect(a.min).toBeGreaterThanOrEqual(0)
          expect(a.max).toBeLessThanOrEqual(100)
          for (const v of values) {
            expect(a.min).toBeLessThanOrEqual(v)
            expect(a.max).toBeGreaterThanOrEqual(v)
          }
        },
      ),
    )
  })
})
