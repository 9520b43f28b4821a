import { describe, expect, it } from 'vitest'
import { Fabric, OUTSIDE } from './fabric'
import { treeDesign } from './tree-design.test-util'

/** The element ids a path crosses, with its direction (`>` source to target, `<` back). */
function names(f: Fabric, path: Int32Array): string[] {
  return [...path].map((r) => `${f.elementIds[f.resourceElement[r] as number]}${r % 2 ? '<' : '>'}`)
}

describe('fabric routes', () => {
  const design = treeDesign({ racks: 2, hostsPerRack: 2, aggregations: 2, cores: 2 })
  const ep = (f: Fabric, id: string): number => f.endpoint(id) as number

  it('two hosts under one ToR: one path through the ToR only', () => {
    const f = new Fabric(design)
    const route = f.route(ep(f, 'h0-0'), ep(f, 'h0-1')) ?? []
    expect(route.map((p) => names(f, p))).toEqual([['l-h0-0>', 'l-h0-1<']])
  })

  it('across racks: one path per aggregation switch (equal cost), in link order', () => {
    const f = new Fabric(design)
    const route = f.route(ep(f, 'h0-0'), ep(f, 'h1-0')) ?? []
    expect(route.map((p) => names(f, p))).toEqual([
      ['l-h0-0>', 'l-tor0-agg0>', 'l-tor1-agg0<', 'l-h1-0<'],
      ['l-h0-0>', 'l-tor0-agg1>', 'l-tor1-agg1<', 'l-h1-0<'],
    ])
  })

  it('to the outside: up through every aggregation and core switch, out through the uplink', () => {
    const f = new Fabric(design)
    const route = f.route(ep(f, 'h0-0'), OUTSIDE) ?? []
    expect(route).toHaveLength(4)
    for (const p of route) {
      const n = names(f, p)
      expect(n[0]).toBe('l-h0-0>')
      expect(n.at(-1)).toBe('up>')
      expect(n).toHaveLength(4)
    }
    const back = f.route(OUTSIDE, ep(f, 'h0-0')) ?? []
    expect(names(f, back[0] as Int32Array).at(0)).toBe('up<')
  })

  it('a failed switch or link is routed around; with no way left the pair is unreachable', () => {
    const f = new Fabric(design)
    f.setDown('agg0', true)
    expect((f.route(ep(f, 'h0-0'), ep(f, 'h1-0')) ?? []).map((p) => names(f, p))).toEqual([
      ['l-h0-0>', 'l-tor0-agg1>', 'l-tor1-agg1<', 'l-h1-0<'],
    ])
    f.setDown('l-tor1-agg1', true)
    expect(f.route(ep(f, 'h0-0'), ep(f, 'h1-0'))).toBeUndefined()
    f.setDown('agg0', false)
    expect(f.route(ep(f, 'h0-0'), ep(f, 'h1-0'))).toHaveLength(1)
    f.setDown('l-h0-0', true)
    expect(f.route(ep(f, 'h0-0'), ep(f, 'h0-1'))).toBeUndefined()
    expect(f.route(ep(f, 'h0-0'), ep(f, 'h0-0'))).toEqual([new Int32Array(0)])
  })

  it('links are full duplex: each direction is its own resource of the link capacity', () => {
    const f = new Fabric(design)
    expect(f.capacityGbps.length).toBe(2 * design.links.length + 2)
    expect(f.capacityGbps[0]).toBe(design.links[0]?.bandwidthGbps)
    expect(f.capacityGbps[1]).toBe(design.links[0]?.bandwidthGbps)
    expect(f.capacityGbps.at(-1)).toBe(100)
  })
})
