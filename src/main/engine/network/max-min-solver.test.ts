import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allocateMaxMin, flowSetOf } from './max-min'
import { MaxMinSolver } from './max-min-solver'

/**
 * A random network (links, flows over up to 4 of them, weights) and a sequence of instants,
 * each with its own demands and capacities, some repeating the previous instant's (the
 * solver's skip) and some scaling every demand together (its nearly sorted case).
 */
const network = fc.integer({ min: 1, max: 10 }).chain((links) =>
  fc.integer({ min: 0, max: 40 }).chain((flowCount) =>
    fc.record({
      links: fc.constant(links),
      paths: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: links - 1 }), { maxLength: 4 }), {
        minLength: flowCount,
        maxLength: flowCount,
      }),
      weights: fc.option(
        fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), {
          minLength: flowCount,
          maxLength: flowCount,
        }),
      ),
      instants: fc.array(
        fc.record({
          demands: fc.array(
            fc.oneof(
              fc.double({ min: 0, max: 50, noNaN: true }),
              fc.constant(Infinity),
              fc.constantFrom(1, 2, 5),
            ),
            { minLength: flowCount, maxLength: flowCount },
          ),
          caps: fc.array(fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(10)), {
            minLength: links,
            maxLength: links,
          }),
          reuse: fc.constantFrom('new', 'same', 'scaled'),
          scale: fc.double({ min: 0.1, max: 2, noNaN: true }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    }),
  ),
)

describe('max-min solver (reused over instants) = plain progressive filling', () => {
  it('gives exactly the plain rates, loads and saturated links at every instant', () => {
    fc.assert(
      fc.property(network, ({ links, paths, weights, instants }) => {
        const structure = flowSetOf(
          paths,
          Array<number>(paths.length).fill(0),
          weights ?? undefined,
        )
        const solver = new MaxMinSolver(structure, links)
        let demand = new Float64Array(paths.length)
        let caps = new Float64Array(links)
        for (const step of instants) {
          if (step.reuse === 'new') {
            demand = Float64Array.from(step.demands)
            caps = Float64Array.from(step.caps)
          } else if (step.reuse === 'scaled') demand = demand.map((d) => d * step.scale)
          const plain = allocateMaxMin({ ...structure, demandGbps: demand }, caps)
          const fast = solver.solve(demand, caps)
          expect([...fast.rateGbps]).toEqual([...plain.rateGbps])
          expect([...fast.loadGbps]).toEqual([...plain.loadGbps])
          expect([...fast.saturated]).toEqual([...plain.saturated])
        }
      }),
      { numRuns: 300 },
    )
  })

  it('refuses a link index out of range and a non-positive weight, as the plain function does', () => {
    expect(() => new MaxMinSolver(flowSetOf([[2]], [1]), 2)).toThrow(/not a link/)
    expect(() => new MaxMinSolver(flowSetOf([[0]], [1], [0]), 1)).toThrow(
      /weights must be positive/,
    )
  })
})
