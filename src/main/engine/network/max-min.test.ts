import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allocateMaxMin, flowSetOf } from './max-min'

interface Case {
  id: string
  links: Record<string, number>
  flows: { links: string[]; demand: number | null; weight?: number }[]
  expected: number[]
}
const fixture = JSON.parse(readFileSync('test/fixtures/network/max-min-cases.json', 'utf8')) as {
  cases: Case[]
}

describe('max-min fairness: closed forms', () => {
  it('two flows on one 10 Gbps link get 5 Gbps each', () => {
    const a = allocateMaxMin(flowSetOf([[0], [0]], [Infinity, Infinity]), Float64Array.of(10))
    expect([...a.rateGbps]).toEqual([5, 5])
    expect(a.loadGbps[0]).toBe(10)
    expect(a.saturated[0]).toBe(1)
  })

  it('a 6 Gbps flow and an elastic flow on 10 Gbps: 5 and 5 (the migration case)', () => {
    const a = allocateMaxMin(flowSetOf([[0], [0]], [6, Infinity]), Float64Array.of(10))
    expect([...a.rateGbps]).toEqual([5, 5])
  })

  it('demands below the fair share are served in full, the rest goes to the others', () => {
    const a = allocateMaxMin(flowSetOf([[0], [0]], [2, Infinity]), Float64Array.of(10))
    expect([...a.rateGbps]).toEqual([2, 8])
  })

  it('a flow that crosses no link gets its demand; a zero-capacity link gives 0', () => {
    const a = allocateMaxMin(flowSetOf([[], [0]], [3, 4]), Float64Array.of(0))
    expect([...a.rateGbps]).toEqual([3, 0])
  })

  for (const c of fixture.cases)
    it(`NESTED_NETWORK_STORAGE.md §12c ${c.id}: ${c.flows.length} flows get the published shares`, () => {
      const names = Object.keys(c.links)
      const caps = Float64Array.from(names.map((n) => c.links[n] as number))
      const set = flowSetOf(
        c.flows.map((f) => f.links.map((l) => names.indexOf(l))),
        c.flows.map((f) => f.demand ?? Infinity),
        c.flows.some((f) => f.weight !== undefined) ? c.flows.map((f) => f.weight ?? 1) : undefined,
      )
      const a = allocateMaxMin(set, caps)
      c.expected.forEach((x, i) => expect(a.rateGbps[i]).toBeCloseTo(x, 12))
    })

  it('refuses a link index out of range and a non-positive weight', () => {
    expect(() => allocateMaxMin(flowSetOf([[1]], [1]), Float64Array.of(1))).toThrow(/link index 1/)
    expect(() => allocateMaxMin(flowSetOf([[0]], [1], [0]), Float64Array.of(1))).toThrow(/weight/)
  })
})

/** Random flows over random links: each flow crosses 0..4 distinct links. */
const instances = fc.integer({ min: 1, max: 8 }).chain((links) =>
  fc.record({
    caps: fc.array(fc.double({ min: 0, max: 100, noNaN: true }), {
      minLength: links,
      maxLength: links,
    }),
    flows: fc.array(
      fc.record({
        links: fc.uniqueArray(fc.integer({ min: 0, max: links - 1 }), { maxLength: 4 }),
        demand: fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constant(Infinity)),
        weight: fc.double({ min: 0.1, max: 10, noNaN: true }),
      }),
      { maxLength: 30 },
    ),
    weighted: fc.boolean(),
  }),
)

const EPS = 1e-9

describe('max-min fairness: properties', () => {
  it('no link above its capacity; no flow above its demand; the bottleneck property', () => {
    fc.assert(
      fc.property(instances, ({ caps, flows, weighted }) => {
        const set = flowSetOf(
          flows.map((f) => f.links),
          flows.map((f) => f.demand),
          weighted ? flows.map((f) => f.weight) : undefined,
        )
        const capacity = Float64Array.from(caps)
        const a = allocateMaxMin(set, capacity)
        const load = new Float64Array(caps.length)
        flows.forEach((f, i) => {
          const r = a.rateGbps[i] as number
          expect(r).toBeGreaterThanOrEqual(0)
          expect(r).toBeLessThanOrEqual(f.demand + EPS)
          for (const e of f.links) load[e] = (load[e] as number) + r
        })
        caps.forEach((c, e) => expect(load[e] as number).toBeLessThanOrEqual(c * (1 + EPS) + EPS))
        // Every flow is at its demand or crosses a saturated link on which its (weighted)
        // rate is the largest.
        const w = (i: number): number => (weighted ? (flows[i]?.weight as number) : 1)
        flows.forEach((f, i) => {
          const r = a.rateGbps[i] as number
          if (r >= f.demand - EPS) return
          const bottleneck = f.links.some((e) => {
            if ((load[e] as number) < (caps[e] as number) * (1 - 1e-9) - EPS) return false
            return flows.every(
              (g, j) =>
                !g.links.includes(e) ||
                (a.rateGbps[j] as number) / w(j) <= (r / w(i)) * (1 + 1e-9) + EPS,
            )
          })
          expect(bottleneck).toBe(true)
        })
      }),
      { numRuns: 300 },
    )
  })
})
