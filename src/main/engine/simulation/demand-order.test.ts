/**
 * `DemandOrder` hands instances out in exactly the order of a stable sort by key, decreasing
 * (the oracle: `Array.prototype.sort`, stable since ES2019), however many are drawn, with
 * ties and repeated keys, and NaN keys fall back to the sort itself.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DemandOrder } from './demand-order'

const stableOrder = (keys: number[]): number[] =>
  keys.map((_, i) => i).sort((a, b) => (keys[b] as number) - (keys[a] as number))

describe('DemandOrder', () => {
  it('draws the stable decreasing sort order, lazily, across reuses', () => {
    const order = new DemandOrder()
    const key = fc.oneof(
      fc.constantFrom(0, 1, 2.5, 100),
      fc.double({ min: 0, max: 1e4, noNaN: true }),
    )
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ keys: fc.array(key, { maxLength: 150 }), nan: fc.boolean(), draw: fc.nat() }),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (rounds) => {
          for (const r of rounds) {
            const keys =
              r.nan && r.keys.length > 2
                ? r.keys.map((k, i) => (i % 3 === 1 ? Number.NaN : k))
                : r.keys
            order.start(keys.length)
            keys.forEach((k, i) => order.set(i, 1000 + i, k))
            const want = stableOrder(keys).map((i) => 1000 + i)
            const draws = keys.length === 0 ? 0 : r.draw % (keys.length + 1)
            const got = Array.from({ length: draws }, () => order.next())
            expect(got).toEqual(want.slice(0, draws))
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('breaks ties by the original order', () => {
    const order = new DemandOrder()
    order.start(4)
    ;[5, 7, 5, 7].forEach((k, i) => order.set(i, i, k))
    expect([order.next(), order.next(), order.next(), order.next()]).toEqual([1, 3, 0, 2])
  })
})
