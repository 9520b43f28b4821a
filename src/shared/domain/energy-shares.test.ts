import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { energyShares, largestRemainderPercents } from './energy-shares'

describe('energy shares (review s7c #5b)', () => {
  it('the 2,000-host run: 98.46 / 0.07 / 1.47 % read 98 / < 1 / 2 and add to 100', () => {
    // 13,498.6 + 9.1 + 201.8 = 13,709.5 kWh; floors 98 + 0 + 1 = 99, the one left goes to the
    // largest remainder: switches .47 > hosts .46 > storage .07
    const s = energyShares({
      energyKWh: 13_709.5,
      energyBreakdownKWh: { hosts: 13_498.6, storage: 9.1, switches: 201.8 },
    })
    expect(s.map((e) => e.percent)).toEqual([98, 0, 2])
    expect(s.map((e) => e.percentText)).toEqual(['98 %', '< 1 %', '2 %'])
  })

  it('the sample: 22.216 / 7.768 / 32.446 of 62.430 kWh read 36 / 12 / 52 %', () => {
    const s = energyShares({
      energyKWh: 62.43026,
      energyBreakdownKWh: { hosts: 22.216, storage: 7.76816, switches: 32.4461 },
    })
    expect(s.map((e) => e.percentText)).toEqual(['36 %', '12 %', '52 %'])
  })

  it('percents add to 100, each within 1 of its exact share, a non-zero share never "0 %"', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true })), {
          minLength: 1,
          maxLength: 3,
        }),
        (parts) => {
          const p = largestRemainderPercents(parts)
          const sum = parts.reduce((s, x) => s + x, 0)
          if (sum === 0) {
            expect(p.every((x) => x === 0)).toBe(true)
            return
          }
          expect(p.reduce((s, x) => s + x, 0)).toBe(100)
          parts.forEach((x, i) =>
            expect(Math.abs((p[i] as number) - (x / sum) * 100)).toBeLessThan(1),
          )
          const [hosts = 0, storage, switches] = parts
          const shares = energyShares({
            energyKWh: sum,
            energyBreakdownKWh: {
              hosts,
              ...(storage === undefined ? {} : { storage }),
              ...(switches === undefined ? {} : { switches }),
            },
          })
          for (const e of shares) if (e.energyKWh > 0) expect(e.percentText).not.toBe('0 %')
        },
      ),
      { numRuns: 500, seed: 86 },
    )
  })
})
