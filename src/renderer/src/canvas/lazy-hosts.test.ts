/**
 * Hosts on demand (issue 19), headless: a design above LAZY_HOSTS puts no host on the canvas
 * until a rack is zoomed into; every host and link of the design is always either on the
 * canvas or kept for its rack (never both, never neither), through creation, release and
 * edits. Expected sets come from the design itself.
 */
import { describe, expect, it } from 'vitest'
import cytoscape from 'cytoscape'
import { DesignSession } from '../../../main/engine'
import { syntheticDatacenter } from '../../../main/engine/scheduler/synthetic-datacenter'
import { patchDesign } from '../stores/design'
import { designElements } from './elements'
import { LAZY_HOSTS, LazyHosts } from './lazy-hosts'
import { TopologyCanvas } from './topology-canvas'

const HOSTS = LAZY_HOSTS + 500
const design = syntheticDatacenter({ hosts: HOSTS, instances: 10, tenants: 2, seed: 0 })

/** Ids on the canvas plus ids kept, each exactly once, equal the design's. */
function accounted(cy: cytoscape.Core, lazy: LazyHosts, ids: readonly string[]): void {
  const onCanvas = new Set(cy.elements().map((e) => e.id()))
  for (const id of ids) expect(onCanvas.has(id) !== lazy.isPending(id), id).toBe(true)
}

describe('LazyHosts', () => {
  const ids = [
    ...[
      ...design.zones,
      ...design.racks,
      ...design.hosts,
      ...design.switches,
      ...design.storage,
    ].map((e) => e.id),
    ...design.links.map((l) => l.id),
  ]

  it('keeps every racked host, switch and storage and their links off the canvas until its rack is created', () => {
    const cy = cytoscape({ headless: true })
    const lazy = new LazyHosts(cy)
    cy.add(lazy.split(designElements(design), LazyHosts.wanted(design.hosts.length)))
    expect(cy.nodes('.host').length).toBe(0)
    const racked = [...design.hosts, ...design.switches, ...design.storage].filter((m) => m.rackId)
    expect(racked.some((m) => design.switches.includes(m as never))).toBe(true)
    expect(lazy.ghosts().length).toBe(racked.length)
    accounted(cy, lazy, ids)

    const racks = design.racks.slice(0, 3).map((r) => r.id)
    const made = lazy.create(racks)
    const members = [...design.hosts, ...design.switches, ...design.storage]
      .filter((h) => racks.includes(h.rackId ?? ''))
      .map((h) => h.id)
    expect(made.nodes.sort()).toEqual(members.sort())
    // each created host has every link of the design it is an end of
    const want = design.links.filter(
      (l) => members.includes(l.sourceId) || members.includes(l.targetId),
    )
    expect(made.edges.sort()).toEqual(want.map((l) => l.id).sort())
    accounted(cy, lazy, ids)

    lazy.release(new Set([racks[0] as string]), 0)
    expect(lazy.createdRacks()).toEqual([racks[0]])
    accounted(cy, lazy, ids)
  })

  it('keeps nothing back below the threshold', () => {
    expect(LazyHosts.wanted(LAZY_HOSTS)).toBe(false)
    expect(LazyHosts.wanted(LAZY_HOSTS + 1)).toBe(true)
  })
})

describe('TopologyCanvas at scale', () => {
  it('creates the rack of a host it is asked to show, and follows edits of kept hosts', () => {
    const session = new DesignSession()
    const loaded = session.load(design)
    if (!loaded.ok) throw new Error(loaded.error.message)
    const canvas = new TopologyCanvas(undefined, {})
    canvas.load(session.design, session.state.revision)
    // zones, racks and what is outside racks (the switch tiers above the racks)
    const unracked = [...design.switches, ...design.storage].filter((m) => !m.rackId)
    expect(canvas.probe.nodeCount()).toBe(
      design.zones.length + design.racks.length + unracked.length,
    )

    const host = design.hosts[Math.floor(HOSTS / 2)]
    if (!host?.rackId) throw new Error('the synthetic design racks its hosts')
    expect(canvas.probe.node(host.id)).toBeUndefined()
    canvas.view(1, host.id)
    expect(canvas.probe.node(host.id)?.parent).toBe(host.rackId)

    // a kept host moved into the created rack appears there; one moved out is kept again
    const kept = design.hosts.find((h) => h.rackId && h.rackId !== host.rackId)
    if (!kept) throw new Error('the synthetic design has several racks')
    let mirror = session.design
    const off = session.onChange((change) => {
      mirror = patchDesign(mirror, change.changes)
      canvas.applyChanges(change.changes, mirror, change.state.revision)
    })
    const move = (rackId: string, position: { x: number; y: number }): void => {
      const r = session.apply({ type: 'move', moves: [{ id: kept.id, position, rackId }] })
      if (!r.ok) throw new Error(JSON.stringify(r.error))
    }
    const into = canvas.probe.node(host.id)?.position ?? { x: 0, y: 0 }
    move(host.rackId, { x: into.x + 5, y: into.y + 5 })
    expect(canvas.probe.node(kept.id)?.parent).toBe(host.rackId)
    move(kept.rackId as string, { x: 0, y: 0 })
    expect(canvas.probe.node(kept.id)).toBeUndefined()
    off()
    canvas.destroy()
  })
})
