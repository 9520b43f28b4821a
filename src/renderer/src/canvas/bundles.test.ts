/**
 * Link bundles (issue 19): every link with an end in a rack and the other end elsewhere is in
 * exactly one bundle, between its ends' racks (or the end itself when it has no rack); links
 * inside a rack are in none. Counted independently from the design's links (property test).
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { syntheticDatacenter } from '../../../main/engine/scheduler/synthetic-datacenter'
import { rackBundles } from './bundles'

describe('rackBundles', () => {
  it('bundles a synthetic datacenter: each rack to the switches its top-of-rack links reach', () => {
    const design = syntheticDatacenter({ hosts: 400, instances: 10, tenants: 2, seed: 0 })
    const bundles = rackBundles(design)
    const rackOf = new Map(
      [...design.hosts, ...design.switches].map((e) => [e.id, (e as { rackId?: string }).rackId]),
    )
    const crossing = design.links.filter((l) => rackOf.get(l.sourceId) !== rackOf.get(l.targetId))
    expect(bundles.reduce((n, b) => n + b.links, 0)).toBe(crossing.length)
    const gbps = crossing.reduce((n, l) => n + l.bandwidthGbps, 0)
    expect(bundles.reduce((n, b) => n + b.bandwidthGbps, 0)).toBeCloseTo(gbps, 6)
    const racks = new Set(design.racks.map((r) => r.id))
    for (const b of bundles) expect(racks.has(b.source) || racks.has(b.target)).toBe(true)
  })

  it('counts each crossing link once, whatever the racks and links (property)', () => {
    const arb = fc.record({
      racks: fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), {
        minLength: 2,
        maxLength: 8,
      }),
      links: fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 20 }),
    })
    fc.assert(
      fc.property(arb, ({ racks, links }) => {
        const hosts = racks.map((r, i) => ({
          id: `h${i}`,
          rackId: r === undefined ? undefined : `r${r}`,
        }))
        const ls = links
          .filter(([a, b]) => a < hosts.length && b < hosts.length && a !== b)
          .map(([a, b], i) => ({
            id: `l${i}`,
            sourceId: `h${a}`,
            targetId: `h${b}`,
            bandwidthGbps: 1,
          }))
        const design = { hosts, switches: [], storage: [], links: ls } as never
        const crossing = ls.filter(
          (l) =>
            hosts[Number(l.sourceId.slice(1))]?.rackId !==
            hosts[Number(l.targetId.slice(1))]?.rackId,
        )
        const bundles = rackBundles(design)
        expect(bundles.reduce((n, b) => n + b.links, 0)).toBe(crossing.length)
        expect(new Set(bundles.map((b) => `${b.source}|${b.target}`)).size).toBe(bundles.length)
      }),
    )
  })
})
