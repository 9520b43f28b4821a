/**
 * The canvas overlay at a simulation frame: the placement's instances with the frame's host
 * states. The oracle is the plain spread it replaces (`{ ...placed, ...frame }` per host, in
 * the order of a copy of the placement map then the frame's new hosts).
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { HostOverlay } from '../drawing/host-overlay'
import { withFrame, withFrameSliced } from './canvas-overlay'

type State = Pick<HostOverlay, 'utilization' | 'failed' | 'off' | 'rackMean'>

function spread(
  placed: ReadonlyMap<string, HostOverlay>,
  frame: ReadonlyMap<string, State>,
): Map<string, HostOverlay> {
  const out = new Map(placed)
  for (const [id, h] of frame)
    out.set(id, {
      ...(out.get(id) ?? {}),
      utilization: h.utilization,
      failed: h.failed,
      off: h.off,
      ...(h.rackMean ? { rackMean: true } : {}),
    })
  return out
}

const id = fc.constantFrom('h1', 'h2', 'h3', 'h4', 'h5', 'h6')
const instances = fc.array(
  fc.record({
    tenantId: fc.constantFrom('t1', 't2'),
    colour: fc.constantFrom('#123456', '#abcdef'),
    count: fc.nat(9),
  }),
  { maxLength: 2 },
)
const state = fc.record({
  utilization: fc.double({ min: 0, max: 1, noNaN: true }),
  failed: fc.boolean(),
  off: fc.boolean(),
  rackMean: fc.boolean(),
})

describe('withFrame', () => {
  it('gives each host its instances and its state at the frame, in the same order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(id, instances)), fc.array(fc.tuple(id, state)), (p, f) => {
        const placed = new Map(p.map(([k, i]) => [k, { instances: i }] as const))
        const frame = new Map(f)
        const got = withFrame(placed, frame)
        const want = spread(placed, frame)
        expect([...got.keys()]).toEqual([...want.keys()])
        expect(got).toEqual(want)
      }),
    )
  })

  it('keeps the instances of a host the frame does not name, and the object itself', () => {
    const o = { instances: [{ tenantId: 't1', colour: '#123456', count: 3 }] }
    const got = withFrame(new Map([['h1', o]]), new Map([['h2', { utilization: 0.25 }]]))
    expect(got.get('h1')).toBe(o)
    expect(got.get('h2')).toEqual({ utilization: 0.25 })
  })
})

describe('withFrameSliced', () => {
  it('builds in any slice size what the plain spread builds, in the same order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(id, instances)),
        fc.array(fc.tuple(id, state)),
        fc.integer({ min: 1, max: 4 }),
        async (p, f, slice) => {
          const placed = new Map(p.map(([k, i]) => [k, { instances: i }] as const))
          const frame = new Map(f)
          const got = await withFrameSliced(placed, frame, () => true, slice)
          const want = spread(placed, frame)
          expect([...(got ?? new Map()).keys()]).toEqual([...want.keys()])
          expect(got).toEqual(want)
        },
      ),
      { numRuns: 50 },
    )
  })

  it('stops when a newer frame supersedes it', async () => {
    const placed = new Map([1, 2, 3, 4].map((k) => [`h${k}`, {}] as const))
    let current = true
    const got = withFrameSliced(placed, new Map(), () => current, 2)
    current = false
    expect(await got).toBeUndefined()
  })
})
