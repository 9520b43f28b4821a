/**
 * Link bundles (issue 19): zoomed out, the links leaving a rack are hidden (or, on large
 * designs, not on the canvas at all), so each rack draws ONE edge per neighbour it has links
 * to (a switch, a storage system or another rack) in their place, as wide as the bundle is
 * large. Pure: computed from the design.
 */
import type { Core, ElementDefinition } from 'cytoscape'
import type { Design } from '../../../shared/design/schema'

/** One bundle: the links between a rack and one neighbour. */
export interface RackBundle {
  /** Rack id (the smaller id first when both ends are racks). */
  source: string
  target: string
  links: number
  bandwidthGbps: number
}

/** The bundles of a design: every link with an end in a rack and the other end elsewhere. */
export function rackBundles(design: Design): RackBundle[] {
  const rackOf = new Map<string, string>()
  for (const list of [design.hosts, design.switches, design.storage])
    for (const e of list as ReadonlyArray<{ id: string; rackId?: string }>)
      if (e.rackId) rackOf.set(e.id, e.rackId)
  const bundles = new Map<string, RackBundle>()
  for (const l of design.links) {
    const a = rackOf.get(l.sourceId)
    const b = rackOf.get(l.targetId)
    if (a === b) continue
    // each end as its rack when it has one: rack-switch, rack-storage or rack-rack
    const x = a ?? l.sourceId
    const y = b ?? l.targetId
    const [source, target] = a !== undefined && (b === undefined || a < b) ? [x, y] : [y, x]
    const key = `${source}\u0000${target}`
    const bundle = bundles.get(key) ?? { source, target, links: 0, bandwidthGbps: 0 }
    bundle.links++
    bundle.bandwidthGbps += l.bandwidthGbps
    bundles.set(key, bundle)
  }
  return [...bundles.values()]
}

/** The bundles as Cytoscape edges (class `bundle`; shown zoomed out, with class `shown`). */
export function bundleElements(design: Design, shown: boolean): ElementDefinition[] {
  const ids = new Set([
    ...design.racks.map((r) => r.id),
    ...design.switches.map((s) => s.id),
    ...design.storage.map((s) => s.id),
  ])
  return rackBundles(design)
    .filter((b) => ids.has(b.source) && ids.has(b.target))
    .map((b) => ({
      group: 'edges',
      data: {
        id: `bundle:${b.source}:${b.target}`,
        kind: 'bundle',
        source: b.source,
        target: b.target,
        links: b.links,
        bandwidthGbps: b.bandwidthGbps,
      },
      classes: shown ? 'bundle shown' : 'bundle',
      selectable: false,
    }))
}

/** Replaces the bundles on the canvas by the design's. */
export function drawBundles(cy: Core, design: Design, zoomedOut: boolean): void {
  const bundles = bundleElements(design, zoomedOut)
  cy.batch(() => {
    cy.edges('.bundle').remove()
    cy.add(bundles)
  })
}

/** Zoomed out: links leaving racks hidden, bundles shown; zoomed in the other way round. */
export function showBundles(cy: Core, zoomedOut: boolean): void {
  cy.batch(() => {
    cy.edges('.uplink').toggleClass('bundled', zoomedOut)
    cy.edges('.bundle').toggleClass('shown', zoomedOut)
  })
}
