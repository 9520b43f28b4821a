/**
 * Link bundles (issue 19): zoomed out, the links leaving a rack are hidden (or, on large
 * designs, not on the canvas at all), so each rack draws ONE line per neighbour it has links
 * to (a switch, a storage system or another rack) in their place, as wide as the bundle is
 * large, on the level-of-detail layer (`rack-layer.ts`). Computed from the design.
 */
import type { Core } from 'cytoscape'
import type { Design } from '../../../shared/design/schema'
import { forEachBundledLink } from '../drawing/link-overlay'

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
  const bundles = new Map<string, RackBundle>()
  // each end as its rack when it has one: rack-switch, rack-storage or rack-rack
  forEachBundledLink(design, (l, source, target) => {
    const key = `${source}\u0000${target}`
    const bundle = bundles.get(key) ?? { source, target, links: 0, bandwidthGbps: 0 }
    bundle.links++
    bundle.bandwidthGbps += l.bandwidthGbps
    bundles.set(key, bundle)
  })
  return [...bundles.values()]
}

/** How a bundle is drawn: as wide as `mapData(links, 1, 64, 2, 12)` model px. */
export function bundleWidth(links: number): number {
  const t = Math.max(0, Math.min(1, (links - 1) / 63))
  return 2 + 10 * t
}

/** The bundle's key in a link overlay (`bundle:<rack>:<neighbour>`, see drawing/link-overlay.ts). */
export function bundleKey(b: Pick<RackBundle, 'source' | 'target'>): string {
  return `bundle:${b.source}:${b.target}`
}

/** Green (0) to red (1), as the stylesheet's `mapData(linkLoad, 0, 1, #2ca02c, #d62728)`. */
export function loadColour(load: number): string {
  const t = Math.max(0, Math.min(1, load))
  const mix = (a: number, b: number): number => Math.round(a + (b - a) * t)
  return `rgb(${mix(0x2c, 0xd6)}, ${mix(0xa0, 0x27)}, ${mix(0x2c, 0x28)})`
}

/** Zoomed out: links leaving racks hidden (the layer draws bundles); zoomed in, shown. */
export function showBundles(cy: Core, zoomedOut: boolean): void {
  cy.batch(() => {
    cy.edges('.uplink').toggleClass('bundled', zoomedOut)
  })
}
