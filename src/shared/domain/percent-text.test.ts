import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { percentOfFraction } from './percent-text'

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

  it('never prints a non-zero fraction as zero, and reads back within its significant digits', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-15, max: 1, noNaN: true }),
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
