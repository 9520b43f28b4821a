/**
 * Members not on the canvas (issue 19, racks zoomed out on a large design): migration arrows
 * between them are drawn between their racks, and dragging a rack moves them with it. The
 * expected racks and offsets come from the design and the drag itself.
 */
import { describe, expect, it } from 'vitest'
import cytoscape, { type NodeSingular } from 'cytoscape'
import { syntheticDatacenter } from '../../../main/engine/scheduler/synthetic-datacenter'
import { designElements } from './elements'
import { LAZY_HOSTS, LazyHosts } from './lazy-hosts'
import { drawMigrations } from './marks'
import { ContainerCarrier, fitContainers } from './containers'
import { bindGestures, type CanvasMove } from './gestures'
import { RackDropTracker } from './rack-drop'

const design = syntheticDatacenter({ hosts: LAZY_HOSTS + 200, instances: 10, tenants: 2, seed: 0 })
const rackOf = new Map(design.hosts.map((h) => [h.id, h.rackId as string]))

function lazyCanvas(): { cy: cytoscape.Core; lazy: LazyHosts } {
  const cy = cytoscape({ headless: true })
  const lazy = new LazyHosts(cy)
  cy.add(lazy.split(designElements(design), true))
  fitContainers(cy, lazy.ghosts())
  return { cy, lazy }
}

describe('held members', () => {
  it('draws migrations between racks not zoomed into, one arrow per rack pair with its count', () => {
    const { cy, lazy } = lazyCanvas()
    const [a, b, c] = design.racks.map((r) => r.id)
    const inRack = (rack: string | undefined): string[] =>
      design.hosts.filter((h) => h.rackId === rack).map((h) => h.id)
    const [a1, a2] = inRack(a)
    const [b1, b2] = inRack(b)
    const [c1] = inRack(c)
    // rack c's hosts on the canvas: its arrow ends at the host itself
    lazy.create([c as string])
    const migrations = [
      { id: 'm1', from: a1, to: b1 },
      { id: 'm2', from: a2, to: b2 },
      { id: 'm3', from: b1, to: c1 },
      { id: 'm4', from: a1, to: a2 },
    ].map((m) => ({ id: m.id, from: m.from as string, to: m.to as string }))
    drawMigrations(cy, migrations, (id) => lazy.rackOf(id))
    const arrows = cy
      .edges('.migration')
      .map((e) => [e.source().id(), e.target().id(), e.data('count') as number])
      .sort()
    // expected from the design's racks: a->b twice, b->(host c1) once, a->a draws nothing
    expect(arrows).toEqual(
      [
        [rackOf.get(a1 as string), rackOf.get(b1 as string), 2],
        [rackOf.get(b1 as string), c1, 1],
      ].sort(),
    )
  })

  it('moves the hosts of a dragged zoomed-out rack with it and reports their moves', async () => {
    const { cy, lazy } = lazyCanvas()
    const moves: CanvasMove[] = []
    bindGestures(cy, {
      container: undefined,
      callbacks: { onMove: (m) => moves.push(...m) },
      drops: new RackDropTracker(cy),
      carrier: new ContainerCarrier(cy, lazy),
      ghosts: () => lazy.ghosts(),
    })
    const rackId = design.racks[3]?.id as string
    const held = lazy.held([rackId])
    expect(held.length).toBeGreaterThan(0)
    const rack = cy.getElementById(rackId) as NodeSingular
    const from = { ...rack.position() }
    rack.emit('grab')
    rack.position({ x: from.x + 120, y: from.y - 40 })
    rack.emit('drag')
    rack.emit('dragfree')
    await new Promise((resolve) => setTimeout(resolve, 5))
    const moved = new Map(moves.map((m) => [m.id, m.position]))
    for (const h of held) {
      const want = { x: Math.round(h.position.x + 120), y: Math.round(h.position.y - 40) }
      expect(moved.get(h.id), h.id).toEqual(want)
      expect(lazy.held([rackId]).find((x) => x.id === h.id)?.position).toEqual(want)
    }
    // the rack's box is fitted around its members' new places: centred where it was dropped
    expect(Math.round(rack.position().x)).toBe(Math.round(from.x + 120))
  })
})
