/**
 * The fabric's packed route cache (review s6u: a 2,000-host run held 1,468,912 routes as
 * 2,908,574 typed arrays, about 1 GB of its heap): a cached route is the route computed afresh
 * (a new fabric computes every route once), over every endpoint pair of a tree, across the
 * pool's growth, and a link going down drops the cache so routes avoid it.
 */
import { describe, expect, it } from 'vitest'
import { Fabric, OUTSIDE } from './fabric'
import { treeDesign } from './tree-design.test-util'

const plain = (route: readonly Int32Array[] | undefined): number[][] | undefined =>
  route?.map((p) => [...p])

describe('the packed route cache', () => {
  const design = treeDesign({ racks: 6, hostsPerRack: 5, aggregations: 3, cores: 2 })
  const ids = design.hosts.map((h) => h.id)

  it('answers every endpoint pair as a fresh computation, before and after the pool grows', () => {
    const cached = new Fabric(design)
    const endpoints = [...ids.map((id) => cached.endpoint(id) as number), OUTSIDE]
    const first = new Map<string, number[][] | undefined>()
    // first pass fills the cache (and grows its pool from 1,024 ints several times)
    for (const a of endpoints)
      for (const b of endpoints) first.set(`${a} ${b}`, plain(cached.route(a, b)))
    expect(cached.cachedRoutes).toBe(endpoints.length * (endpoints.length - 1))
    for (const a of endpoints)
      for (const b of endpoints) {
        const fresh = plain(new Fabric(design).route(a, b))
        expect(plain(cached.route(a, b)), `${a} → ${b}`).toEqual(fresh)
        expect(first.get(`${a} ${b}`)).toEqual(fresh)
      }
  })

  it('drops the cache when a link goes down, and routes avoid the link', () => {
    const f = new Fabric(design)
    const a = f.endpoint('h0-0') as number
    const b = f.endpoint('h1-0') as number
    expect(f.route(a, b)).toHaveLength(3) // one path per aggregation switch
    f.setDown('l-tor0-agg0', true)
    expect(f.cachedRoutes).toBe(0)
    const around = f.route(a, b) ?? []
    expect(around).toHaveLength(2)
    const down = f.elementIds.indexOf('l-tor0-agg0')
    for (const p of around) for (const r of p) expect(f.resourceElement[r]).not.toBe(down)
    expect(plain(f.route(a, b))).toEqual(plain(around))
  })
})
