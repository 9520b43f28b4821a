/**
 * Hosts on demand (issue 19), headless: which racks get their hosts at which zoom (a rack `w`
 * model px wide gets them when `w × zoom ≥ GLYPH_RACK_PX` (160) on screen and its box touches
 * the view), nearest the view's centre first; and the racks in view are created in slices, one
 * rack a slice with a zero budget, a later view superseding the slices still queued. Expected
 * racks follow from the boxes' arithmetic.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import cytoscape, { type Core } from 'cytoscape'
import { syntheticDatacenter } from '../../../main/engine/scheduler/synthetic-datacenter'
import { placeContainerDefinitions } from './containers'
import { designElements } from './elements'
import { HostsOnDemand, racksInView } from './hosts-on-demand'
import { LAZY_HOSTS, LazyHosts } from './lazy-hosts'

type View = { x1: number; y1: number; x2: number; y2: number }

const setView = (cy: Core, zoom: number, view: View): void => {
  cy.zoom(zoom)
  cy.extent = () => ({ ...view, w: view.x2 - view.x1, h: view.y2 - view.y1 })
}

describe('racksInView', () => {
  /** Racks 200 model px wide, 300 apart (r0 at x = 0 … r4 at x = 1200), and a narrow one. */
  function racks(): Core {
    const cy = cytoscape({ headless: true, styleEnabled: false })
    for (let r = 0; r < 5; r++)
      cy.add({
        group: 'nodes',
        data: { id: `r${r}`, w: 200, h: 100 },
        classes: 'rack',
        position: { x: r * 300, y: 0 },
      })
    cy.add({
      group: 'nodes',
      data: { id: 'narrow', w: 100, h: 100 },
      classes: 'rack',
      position: { x: 600, y: 200 },
    })
    return cy
  }

  it('takes the racks wide enough on screen whose boxes touch the view, nearest first', () => {
    const cy = racks()
    // zoom 1: 200 px ≥ 160, the narrow one 100 px < 160; the view x 250–950 (centre 600)
    // touches r1 (200–400), r2 (500–700), r3 (800–1000), not r0 (-100–100) nor r4 (1100–1300);
    // r2 is at the centre, r1 and r3 both 300 away (id order)
    setView(cy, 1, { x1: 250, y1: -100, x2: 950, y2: 300 })
    expect(racksInView(cy)).toEqual(['r2', 'r1', 'r3'])
  })

  it('takes none while racks are narrower on screen than a glyph', () => {
    const cy = racks()
    // zoom 0.75: 200 × 0.75 = 150 px < 160
    setView(cy, 0.75, { x1: -200, y1: -200, x2: 1400, y2: 300 })
    expect(racksInView(cy)).toEqual([])
    // zoom 0.8: 160 px, every wide rack (the view holds them all)
    setView(cy, 0.8, { x1: -200, y1: -200, x2: 1400, y2: 300 })
    expect(racksInView(cy).sort()).toEqual(['r0', 'r1', 'r2', 'r3', 'r4'])
  })
})

describe('HostsOnDemand in slices', () => {
  const design = syntheticDatacenter({
    hosts: LAZY_HOSTS + 500,
    instances: 10,
    tenants: 2,
    seed: 0,
  })

  afterEach(() => {
    vi.restoreAllMocks()
  })

  function setUp(sliceMs = 0): {
    cy: Core
    store: LazyHosts
    onDemand: HostsOnDemand
    queue: Array<() => void>
  } {
    const cy = cytoscape({ headless: true, styleEnabled: false })
    const store = new LazyHosts(cy)
    const elements = store.split(designElements(design), true)
    placeContainerDefinitions(elements, store.ghosts())
    cy.add(elements)
    const queue: Array<() => void> = []
    const paint = { overlay: new Map(), storage: new Map(), compact: true }
    const onDemand = new HostsOnDemand(cy, store, paint, { detail: 'hosts' }, () => {}, {
      later: (fn) => queue.push(fn),
      sliceMs,
    })
    return { cy, store, onDemand, queue }
  }

  /** The racks a view shows hosts in, from their boxes: every one touching it at zoom 1. */
  function touching(cy: Core, v: View): string[] {
    return cy
      .nodes('.rack')
      .filter((r) => {
        const { x, y } = r.position()
        const w = Number(r.data('w')) / 2
        const h = Number(r.data('h')) / 2
        return x + w >= v.x1 && x - w <= v.x2 && y + h >= v.y1 && y - h <= v.y2
      })
      .map((r) => r.id())
      .sort()
  }

  it('creates the racks in view one slice at a time, every member with its rack', () => {
    const { cy, store, onDemand, queue } = setUp()
    const box = cy.nodes('.rack').boundingBox({})
    const view = { x1: box.x1, y1: box.y1, x2: (box.x1 + box.x2) / 2, y2: box.y2 }
    setView(cy, 1, view)
    const expected = touching(cy, view)
    expect(expected.length).toBeGreaterThan(2)
    expect(Number(cy.nodes('.rack').first().data('w'))).toBeGreaterThanOrEqual(160)
    onDemand.inView()
    // a zero budget: one rack now, each other in a slice of its own
    expect(store.createdRacks()).toHaveLength(1)
    let slices = 1
    while (queue.length > 0) {
      queue.shift()?.()
      slices++
    }
    expect(slices).toBe(expected.length)
    expect(store.createdRacks().sort()).toEqual(expected)
    const hosts = design.hosts.filter((h) => expected.includes(h.rackId ?? '')).map((h) => h.id)
    expect(
      cy
        .nodes('.host')
        .map((n) => n.id())
        .sort(),
    ).toEqual(hosts.sort())
  })

  it('spends each slice creating racks until its time is up', () => {
    const { cy, store, onDemand, queue } = setUp(20)
    // a clock that moves only while racks are created, 10 ms each: 2 racks a 20 ms slice
    let clock = 0
    vi.spyOn(performance, 'now').mockImplementation(() => clock)
    const create = store.create.bind(store)
    vi.spyOn(store, 'create').mockImplementation((ids) => {
      clock += 10 * [...ids].length
      return create(ids)
    })
    const box = cy.nodes('.rack').boundingBox({})
    const view = { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 }
    setView(cy, 1, view)
    const expected = touching(cy, view)
    onDemand.inView()
    expect(store.createdRacks()).toHaveLength(2)
    let slices = 1
    while (queue.length > 0) {
      queue.shift()?.()
      slices++
    }
    expect(slices).toBe(Math.ceil(expected.length / 2))
    expect(store.createdRacks().sort()).toEqual(expected)
  })

  it('drops the slices of a view the user has left', () => {
    const { cy, store, onDemand, queue } = setUp()
    const box = cy.nodes('.rack').boundingBox({})
    const mid = (box.x1 + box.x2) / 2
    const left = { x1: box.x1, y1: box.y1, x2: box.x1 + 10, y2: box.y2 }
    const right = { x1: mid, y1: box.y1, x2: box.x2, y2: box.y2 }
    setView(cy, 1, { ...left, x2: mid - 1 })
    onDemand.inView()
    const first = store.createdRacks()
    setView(cy, 1, right)
    onDemand.inView()
    while (queue.length > 0) queue.shift()?.()
    // the first view's first rack, then the second view's racks: none of the first view's rest
    expect(store.createdRacks().sort()).toEqual(
      [...new Set([...first, ...touching(cy, right)])].sort(),
    )
    onDemand.destroy()
  })
})
