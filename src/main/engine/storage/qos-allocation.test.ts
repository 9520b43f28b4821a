/**
 * QoS sharing of a storage system's capacity: closed-form cases worked by hand, and the
 * invariants as fast-check properties.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allocateCapacity, weightedMaxMin, type CapacityClaim } from './qos-allocation'

const EPS = 1e-6

describe('allocateCapacity, closed form', () => {
  // A system of 10,000 IOPS asked for 20,000 (twice its capacity) by two tenants.
  const a: CapacityClaim = { demand: 12_000, minimum: 6_000 }
  const b: CapacityClaim = { demand: 8_000, minimum: 2_000 }

  it('gives each tenant its minimum, then splits the remaining 2,000 IOPS evenly', () => {
    // 6,000 + 2,000 reserved; 10,000 − 8,000 = 2,000 left, 1,000 each by max-min.
    expect(Array.from(allocateCapacity(10_000, [a, b]))).toEqual([7_000, 3_000])
  })

  it('shares in proportion to demand under the proportional policy', () => {
    // 10,000 / 20,000 = half of each demand.
    expect(Array.from(allocateCapacity(10_000, [a, b], 'proportional'))).toEqual([6_000, 4_000])
  })

  it('is plain max-min without QoS, and weighted by shares', () => {
    const plain = allocateCapacity(10_000, [{ demand: 12_000 }, { demand: 8_000 }])
    expect(Array.from(plain)).toEqual([5_000, 5_000])
    // SIOC high (2,000) vs normal (1,000): 2/3 and 1/3 of 10,000.
    const weighted = allocateCapacity(10_000, [
      { demand: 12_000, weight: 2_000 },
      { demand: 8_000, weight: 1_000 },
    ])
    expect(weighted[0]).toBeCloseTo(20_000 / 3, 9)
    expect(weighted[1]).toBeCloseTo(10_000 / 3, 9)
  })

  it('never serves beyond a limit, and gives what the limit frees to the others', () => {
    const out = allocateCapacity(10_000, [{ ...a, limit: 5_000 }, b])
    expect(Array.from(out)).toEqual([5_000, 5_000])
  })

  it('serves every demand when the system is not full', () => {
    expect(Array.from(allocateCapacity(10_000, [{ demand: 3_000 }, { demand: 4_000 }]))).toEqual([
      3_000, 4_000,
    ])
  })

  it('scales minimums that do not fit in proportion to themselves', () => {
    // Minimums 6,000 + 2,000 on a 4,000 IOPS system: half of each.
    expect(Array.from(allocateCapacity(4_000, [a, b]))).toEqual([3_000, 1_000])
  })

  it('serves nothing from a system with no capacity (failed)', () => {
    expect(Array.from(allocateCapacity(0, [a, b]))).toEqual([0, 0])
  })
})

describe('weightedMaxMin', () => {
  it('gives the small demand all it asks and the rest to the others evenly', () => {
    // 9 units, demands 1, 5, 5: 1 is met, 4 each for the others.
    expect(Array.from(weightedMaxMin(9, [1, 5, 5], [1, 1, 1]))).toEqual([1, 4, 4])
  })
})

const claimArb = fc.record({
  demand: fc.double({ min: 0, max: 1e5, noNaN: true }),
  minimum: fc.option(fc.double({ min: 0, max: 5e4, noNaN: true }), { nil: undefined }),
  limit: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true }), { nil: undefined }),
  weight: fc.option(fc.constantFrom(500, 1_000, 2_000, 200, 4_000), { nil: undefined }),
})

describe('allocateCapacity, properties', () => {
  const input = fc.record({
    capacity: fc.double({ min: 0, max: 2e5, noNaN: true }),
    claims: fc.array(claimArb, { maxLength: 12 }),
    policy: fc.constantFrom('qos' as const, 'proportional' as const),
  })

  it('serves at most the demand, at most the limit (qos) and at most the capacity', () => {
    fc.assert(
      fc.property(input, ({ capacity, claims, policy }) => {
        const out = allocateCapacity(capacity, claims, policy)
        let total = 0
        claims.forEach((c, i) => {
          const x = out[i] as number
          expect(x).toBeGreaterThanOrEqual(0)
          expect(x).toBeLessThanOrEqual(c.demand * (1 + EPS) + EPS)
          if (policy === 'qos' && c.limit !== undefined)
            expect(x).toBeLessThanOrEqual(c.limit * (1 + EPS) + EPS)
          total += x
        })
        expect(total).toBeLessThanOrEqual(capacity * (1 + EPS) + EPS)
      }),
    )
  })

  it('is work-conserving: serves min(capacity, total capped demand)', () => {
    fc.assert(
      fc.property(input, ({ capacity, claims, policy }) => {
        const out = allocateCapacity(capacity, claims, policy)
        const capped = claims.reduce(
          (s, c) => s + Math.min(c.demand, policy === 'qos' ? (c.limit ?? Infinity) : Infinity),
          0,
        )
        const total = out.reduce((s, x) => s + x, 0)
        expect(total).toBeCloseTo(Math.min(capacity, capped), 3)
      }),
    )
  })

  it('gives every claim with a minimum min(demand, minimum) when the minimums fit', () => {
    fc.assert(
      fc.property(input, ({ capacity, claims }) => {
        const wanted = claims.map((c) => Math.min(c.demand, c.limit ?? Infinity, c.minimum ?? 0))
        fc.pre(wanted.reduce((s, x) => s + x, 0) <= capacity)
        const out = allocateCapacity(capacity, claims, 'qos')
        wanted.forEach((w, i) => expect(out[i]).toBeGreaterThanOrEqual(w * (1 - EPS) - EPS))
      }),
    )
  })

  it('leaves no unsatisfied claim below another with the same weight and no minimum (max-min)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { maxLength: 10 }),
        (capacity, demands) => {
          const out = allocateCapacity(
            capacity,
            demands.map((demand) => ({ demand })),
          )
          const unsatisfied = demands
            .map((d, i) => ({ d, x: out[i] as number }))
            .filter((c) => c.x < c.d - EPS * Math.max(1, c.d))
          // Every unsatisfied claim gets the same (the largest) rate.
          const max = Math.max(0, ...Array.from(out))
          for (const u of unsatisfied) expect(u.x).toBeCloseTo(max, 3)
        },
      ),
    )
  })
})
