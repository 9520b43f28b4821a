import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FRACTION_RESOLUTION, percentOfFraction } from './percent-text'

/** Reads `1.23 %` or `9.51 × 10⁻⁸ %` back as a percentage. */
function parsePercent(text: string): number {
  const digits: Record<string, string> = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3' }
  for (let d = 4; d <= 9; d++) digits['⁴⁵⁶⁷⁸⁹'[d - 4] as string] = String(d)
  const m = /^(-?[\d.]+)(?: × 10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+))? %$/.exec(text)
  if (!m) throw new Error(`not a percentage: ${text}`)
  const power = m[2] ? Number([...m[2]].map((c) => digits[c]).join('')) : 0
  return Number(m[1]) * 10 ** power
}

describe('percentOfFraction', () => {
  it('prints the review s6u #3 SLAV (SLATAH 0.00976 % × PDM 0.00097 %) as 9.47 × 10⁻⁸ %, not zero', () => {
    // 9.76e-5 × 9.7e-6 = 9.4672e-10 as a fraction = 9.4672e-8 %
    expect(percentOfFraction(9.76e-5 * 9.7e-6)).toBe('9.47 × 10⁻⁸ %')
    expect(percentOfFraction(6.01e-10)).toBe('6.01 × 10⁻⁸ %')
    expect(percentOfFraction(0.0123)).toBe('1.23 %')
    expect(percentOfFraction(0.1543, 4)).toBe('15.43 %')
    expect(percentOfFraction(0.0001)).toBe('0.01 %')
    expect(percentOfFraction(7.9e-6, 4)).toBe('7.9 × 10⁻⁴ %')
    expect(percentOfFraction(0)).toBe('0 %')
    expect(percentOfFraction(Number.NaN)).toBe('–')
  })

  it('shows floating-point noise below the resolution as 0 % (review s9u C5), and the resolution itself', () => {
    // 4.312 × 10⁻¹⁵ % is 4.312e-17 as a fraction: a difference of sums near 1 (2⁻⁵² ≈ 2.2e-16)
    expect(percentOfFraction(4.312e-17, 4)).toBe('0 %')
    expect(percentOfFraction(-3e-16)).toBe('0 %')
    expect(percentOfFraction(0.1 + 0.2 - 0.3)).toBe('0 %')
    expect(percentOfFraction(1e-14)).toBe('1 × 10⁻¹² %')
    expect(FRACTION_RESOLUTION).toBe(1e-14)
  })

  it('never prints a fraction at or above the resolution as zero, and reads back within its significant digits', () => {
    fc.assert(
      fc.property(
        fc.double({ min: FRACTION_RESOLUTION, max: 1, noNaN: true }),
        fc.integer({ min: 2, max: 6 }),
        (fraction, significant) => {
          const text = percentOfFraction(fraction, significant)
          const back = parsePercent(text)
          expect(back).toBeGreaterThan(0)
          // rounding to `significant` digits: relative error at most half a unit in the last
          expect(Math.abs(back - fraction * 100)).toBeLessThanOrEqual(
            fraction * 100 * 0.5 * 10 ** (1 - significant) * (1 + 1e-9),
          )
        },
      ),
    )
  })
})
