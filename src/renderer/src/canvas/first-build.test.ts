/**
 * The sliced first build (issue 19), headless: a large design loaded in slices ends as the
 * same canvas as one loaded at once; its boxes, sized before they are added, are where
 * `fitContainers` (which sizes them from the nodes on the canvas) puts them; a load begun
 * meanwhile supersedes it; and the elements arrive over many slices, not in one.
 */
import { describe, expect, it } from 'vitest'
import cytoscape from 'cytoscape'
import { syntheticDatacenter } from '../../../main/engine/scheduler/synthetic-datacenter'
import type { Design } from '../../../shared/design/schema'
import { LazyHosts } from './lazy-hosts'
import { TopologyCanvas } from './topology-canvas'
import { fitContainers, placeContainerDefinitions } from './containers'
import { CONTAINER_MIN_PX, designElements } from './elements'
import { ADD_CHUNK, LARGE, runInSlices } from './first-build'

// more hosts alone than a design loaded at once may have elements: sliced, and hosts on demand
const large = syntheticDatacenter({ hosts: LARGE + 500, instances: 10, tenants: 2, seed: 0 })
const small = syntheticDatacenter({ hosts: 40, instances: 10, tenants: 2, seed: 1 })

/** Every node's id, kind, position and box size, and every link, sorted. */
function picture(canvas: TopologyCanvas): unknown {
  const f = canvas.probe.facts()
  return {
    nodes: f.nodes
      .map((n) => ({ id: n.id, kind: n.kind, at: n.position, parent: n.parent }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    edges: f.edges.map((e) => e.id).sort(),
    revision: f.revision,
  }
}

/** A pause that counts how often it was awaited. */
function counting(): { pause: () => Promise<void>; count: () => number } {
  let n = 0
  return {
    pause: () => {
      n++
      return Promise.resolve()
    },
    count: () => n,
  }
}

describe('first build in slices', () => {
  it('ends as the same canvas as a load at once, over several slices', async () => {
    expect(LazyHosts.wanted(large.hosts.length)).toBe(true)
    const atOnce = new TopologyCanvas(undefined, {})
    atOnce.load(large, 3)
    const sliced = new TopologyCanvas(undefined, {})
    const { pause, count } = counting()
    const done = sliced.loadInSlices(large, 3, pause)
    expect(sliced.revision).toBe(-1)
    expect(sliced.loading).toBe(true)
    expect(await done).toBe(true)
    expect(sliced.loading).toBe(false)
    expect(picture(sliced)).toEqual(picture(atOnce))
    // layout, definitions, at least one chunk per ADD_CHUNK elements' slice, uplinks
    expect(count()).toBeGreaterThanOrEqual(4)
  })

  it('loads a small design without pausing', async () => {
    const canvas = new TopologyCanvas(undefined, {})
    const { pause, count } = counting()
    expect(await canvas.loadInSlices(small, 1, pause)).toBe(true)
    expect(count()).toBe(0)
    expect(canvas.revision).toBe(1)
  })

  it('stops when a later load begins, leaving the later design', async () => {
    const canvas = new TopologyCanvas(undefined, {})
    let later: Promise<boolean> | undefined
    let pauses = 0
    const first = canvas.loadInSlices(large, 1, () => {
      // the third pause is mid-way through adding elements
      if (++pauses === 3) later = canvas.loadInSlices(small, 2, () => Promise.resolve())
      return Promise.resolve()
    })
    expect(await first).toBe(false)
    expect(await later).toBe(true)
    const reference = new TopologyCanvas(undefined, {})
    reference.load(small, 2)
    expect(picture(canvas)).toEqual(picture(reference))
  })

  it('sizes rack and zone boxes before they are added as fitContainers does after', () => {
    for (const design of [large, small, withZones(small)]) {
      const elements = designElements(design)
      placeContainerDefinitions(elements, [])
      const cy = cytoscape({ headless: true })
      cy.add(elements)
      const before = boxes(cy)
      fitContainers(cy)
      expect(boxes(cy)).toEqual(before)
      // and they were sized around members, not left at the minimum
      expect(Object.values(before).some((b) => b.w > CONTAINER_MIN_PX)).toBe(true)
    }
  })

  it('runs every step when not paused, and stops at once when no longer current', async () => {
    const ran: number[] = []
    function* steps(): Generator<void> {
      for (let i = 0; i < 5; i++) {
        ran.push(i)
        yield
      }
    }
    expect(await runInSlices(steps(), undefined, () => true)).toBe(true)
    expect(ran).toEqual([0, 1, 2, 3, 4])
    ran.length = 0
    let current = true
    const stopped = runInSlices(
      steps(),
      () => {
        if (ran.length === 2) current = false
        return Promise.resolve()
      },
      () => current,
    )
    expect(await stopped).toBe(false)
    expect(ran).toEqual([0, 1])
    expect(ADD_CHUNK).toBeGreaterThan(0)
  })
})

/** Each rack and zone's position and size. */
function boxes(cy: cytoscape.Core): Record<string, { x: number; y: number; w: number; h: number }> {
  const out: Record<string, { x: number; y: number; w: number; h: number }> = {}
  cy.nodes('.rack, .zone').forEach((n) => {
    const p = n.position()
    out[n.id()] = { x: p.x, y: p.y, w: Number(n.data('w')), h: Number(n.data('h')) }
  })
  return out
}

/** `design` with its racks split over two zones (halls). */
function withZones(design: Design): Design {
  const zones = [
    { id: 'hall-a', name: 'Hall A' },
    { id: 'hall-b', name: 'Hall B' },
  ]
  const racks = design.racks.map((r, i) => ({ ...r, zoneId: zones[i % 2]?.id }))
  return { ...design, zones, racks } as unknown as Design
}
