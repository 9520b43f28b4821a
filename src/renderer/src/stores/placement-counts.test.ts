/**
 * Sliced placement counting (issue 19). Oracles: a round-robin placement worked by hand, and
 * for random digests plain counting of one (host, tenant) key per placed instance, which
 * shares no code with the sliced walk; each host's counts must sum to its placements.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { PlacementDigest } from '../../../shared/domain/placement-digest'
import { countPlacement } from './placement-counts'

const digest = (
  hostIds: string[],
  groups: Array<{ workloadId: string; tenantId: string; hosts: number[] }>,
): PlacementDigest => ({
  preset: 'spread',
  weights: {},
  seed: 0,
  order: 'stable',
  instanceCount: groups.reduce((n, g) => n + g.hosts.length, 0),
  placedCount: groups.reduce((n, g) => n + g.hosts.filter((h) => h >= 0).length, 0),
  hostIds,
  groups,
  unplacedCount: 0,
  unplacedGroups: [],
  unplacedListed: [],
})

const plain = (c: {
  byHost: ReadonlyMap<string, ReadonlyArray<{ tenantId: string; count: number }>>
}) =>
  Object.fromEntries(
    [...c.byHost].map(([h, list]) => [h, list.map((x) => `${x.tenantId}:${x.count}`)]),
  )

describe('countPlacement', () => {
  it('counts a round-robin placement per host and tenant (worked by hand)', async () => {
    // w-b (tenant B, 4 instances) then w-a (tenant A, 5 instances) dealt round robin over
    // h1, h2, h3: instance k of the 9 goes to host k mod 3; w-c (A) has one unplaced, one on h2
    const d = digest(
      ['h1', 'h2', 'h3'],
      [
        { workloadId: 'w-b', tenantId: 'B', hosts: [0, 1, 2, 0] },
        { workloadId: 'w-a', tenantId: 'A', hosts: [1, 2, 0, 1, 2] },
        { workloadId: 'w-c', tenantId: 'A', hosts: [-1, 1] },
      ],
    )
    // B: h1 2, h2 1, h3 1; A: h2 1+1+1 (w-a#0, w-a#3, w-c#1), h3 2, h1 1; listed A before B
    for (const slice of [1, 2, 3, 100]) {
      const c = await countPlacement(d, undefined, slice)
      expect(plain(c!)).toEqual({ h1: ['A:1', 'B:2'], h2: ['A:3', 'B:1'], h3: ['A:2', 'B:1'] })
      expect(Object.fromEntries(c!.placedByTenant)).toEqual({ A: 6, B: 4 })
    }
  })

  it('equals plain counting for any digest and slice; each host sums to its placements', async () => {
    const arb = fc
      .record({ hosts: fc.integer({ min: 1, max: 12 }), tenants: fc.integer({ min: 1, max: 5 }) })
      .chain(({ hosts, tenants }) =>
        fc.record({
          hostCount: fc.constant(hosts),
          groups: fc.array(
            fc.record({
              tenant: fc.integer({ min: 0, max: tenants - 1 }),
              hosts: fc.array(fc.integer({ min: -1, max: hosts - 1 }), { maxLength: 30 }),
            }),
            { maxLength: 8 },
          ),
          slice: fc.integer({ min: 1, max: 40 }),
        }),
      )
    await fc.assert(
      fc.asyncProperty(arb, async ({ hostCount, groups, slice }) => {
        const hostIds = Array.from({ length: hostCount }, (_, h) => `host-${h}`)
        const d = digest(
          hostIds,
          groups.map((g, i) => ({ workloadId: `w${i}`, tenantId: `t${g.tenant}`, hosts: g.hosts })),
        )
        // oracle: one "host|tenant" key per placed instance
        const want = new Map<string, number>()
        const perTenant = new Map<string, number>()
        const perHost = new Map<string, number>()
        for (const g of d.groups)
          for (const h of g.hosts)
            if (h >= 0) {
              const key = `${hostIds[h]}|${g.tenantId}`
              want.set(key, (want.get(key) ?? 0) + 1)
              perTenant.set(g.tenantId, (perTenant.get(g.tenantId) ?? 0) + 1)
              perHost.set(hostIds[h]!, (perHost.get(hostIds[h]!) ?? 0) + 1)
            }
        const c = (await countPlacement(d, undefined, slice))!
        const got = new Map<string, number>()
        for (const [h, list] of c.byHost) {
          const tenants = list.map((x) => x.tenantId)
          expect(tenants).toEqual([...tenants].sort())
          expect(list.reduce((n, x) => n + x.count, 0)).toBe(perHost.get(h))
          for (const x of list) got.set(`${h}|${x.tenantId}`, x.count)
        }
        expect(got).toEqual(want)
        expect(c.placedByTenant).toEqual(perTenant)
      }),
      { numRuns: 200 },
    )
  })

  it('gives the page back between slices and stops once superseded', async () => {
    const d = digest(['a', 'b'], [{ workloadId: 'w', tenantId: 't', hosts: [0, 1, 0, 1, 0] }])
    let live = true
    let yields = 0
    const tick = setInterval(() => yields++, 0)
    const done = countPlacement(d, () => live, 2)
    live = false
    expect(await done).toBeUndefined()
    live = true
    expect(plain((await countPlacement(d, () => live, 2))!)).toEqual({ a: ['t:3'], b: ['t:2'] })
    clearInterval(tick)
    expect(yields).toBeGreaterThan(0)
  })
})
