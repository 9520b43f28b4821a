/** The small parts: event order, power curve, statistics, policy names, the random source. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EventQueue } from './event-queue'
import { parsePolicy } from './policy'
import { intervalEnergyJ, powerAt } from './power'
import { createRandom } from './random'
import { iqr, linearFit, mad, median } from './stats'

describe('event queue', () => {
  it('pops by time, then in insertion order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 200 }), (times) => {
        const q = new EventQueue<number>()
        times.forEach((t, i) => q.push(t, i))
        const out: Array<[number, number]> = []
        for (let e = q.pop(); e; e = q.pop()) out.push([e.timeMs, e.payload])
        const expected = times
          .map((t, i) => [t, i] as [number, number])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1])
        expect(out).toEqual(expected)
      }),
    )
  })
  it('refuses non-integer times', () => {
    expect(() => new EventQueue<number>().push(1.5, 0)).toThrow(/integer/)
  })
})

describe('power', () => {
  const g4 = new Float64Array([86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117])
  it('interpolates the 11-point curve and is never negative', () => {
    expect(powerAt(g4, 0, 0)).toBe(86)
    expect(powerAt(g4, 0, 1)).toBe(117)
    expect(powerAt(g4, 0, 0.55)).toBeCloseTo(104, 10)
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (u) => {
        const p = powerAt(g4, 0, u)
        expect(p).toBeGreaterThanOrEqual(86)
        expect(p).toBeLessThanOrEqual(117)
      }),
    )
    expect(() => powerAt(g4, 0, 1.2)).toThrow(/outside/)
  })
  it('charges nothing for an interval that starts switched off', () => {
    expect(intervalEnergyJ(g4, 0, 0, 0.5, 300)).toBe(0)
    expect(intervalEnergyJ(g4, 0, 1, 1, 10)).toBe(1170)
  })
})

describe('statistics (CloudSim / commons-math3 definitions)', () => {
  it('median, MAD, IQR and the least-squares line', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(mad([1, 2, 3, 4, 100])).toBe(1)
    // ranks round(0.25 x 13) = 3 and round(0.75 x 13) = 10: values 3 and 10
    expect(iqr([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toBe(7)
    const [a, b] = linearFit([2, 4, 6, 8, 10, 12, 14, 16, 18, 20])
    expect(a).toBeCloseTo(0, 12)
    expect(b).toBeCloseTo(2, 12)
  })
})

describe('policy names', () => {
  it('accepts the baselines and DETECTOR-SELECTOR-PARAM', () => {
    expect(parsePolicy('dvfs')).toEqual({ ok: true, policy: { kind: 'dvfs', name: 'dvfs' } })
    const p = parsePolicy('LR-mmt-1.2')
    expect(
      p.ok &&
        p.policy.kind === 'migration' &&
        p.policy.detector === 'lr' &&
        p.policy.parameter === 1.2,
    ).toBe(true)
  })
  it('names what is wrong', () => {
    const bad = (n: string) => {
      const r = parsePolicy(n)
      return r.ok ? '' : r.message
    }
    expect(bad('foo')).toMatch(/unknown policy "foo"/)
    expect(bad('xyz-mmt-1')).toMatch(/over-load detector "xyz"/)
    expect(bad('thr-abc-1')).toMatch(/VM selector "abc"/)
    expect(bad('thr-mmt-x')).toMatch(/parameter "x"/)
  })
})

describe('random source', () => {
  it('is reproducible and its split streams are independent of other consumers', () => {
    const a = createRandom(7)
    const b = createRandom(7)
    expect([a.next(), a.next(), a.int(10)]).toEqual([b.next(), b.next(), b.int(10)])
    const c = createRandom(7)
    c.next()
    expect(c.split('failures').next()).toBe(createRandom(7).split('failures').next())
    expect(createRandom(8).next()).not.toBe(createRandom(7).next())
    for (let i = 0; i < 1000; i++) {
      const x = a.next()
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThan(1)
    }
  })
})
