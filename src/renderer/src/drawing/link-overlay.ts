/**
 * What the canvas paints over the fabric's links at the shown time (issue 17): each link's
 * utilization (coloured green to red and thickened by the canvas) and, zoomed out, each rack
 * bundle's, which is the highest utilization among its links (the busiest link is what a
 * reader must not miss). Pure; the canvas-overlay store computes it, the canvas draws it.
 */
import type { Design } from '../../../shared/design/schema'

/** A link's paint at the shown time. */
export interface LinkPaint {
  /** 0..1. */
  utilization: number
  failed: boolean
}

export interface LinkOverlay {
  /** By link id. */
  links: ReadonlyMap<string, LinkPaint>
  /** By bundle edge id (`bundle:<rack>:<neighbour>`): the max utilization of its links. */
  bundles: ReadonlyMap<string, number>
}

export const EMPTY_LINK_OVERLAY: LinkOverlay = { links: new Map(), bundles: new Map() }

/**
 * The bundle edge each link is drawn in when zoomed out, by link id: a link with an end in a
 * rack and the other elsewhere (another rack, a switch or storage outside it). The same
 * grouping as the canvas's `rackBundles` (tested against its edge ids).
 */
export function bundleOfLink(design: Design): Map<string, string> {
  const out = new Map<string, string>()
  forEachBundledLink(design, (link, source, target) =>
    out.set(link.id, `bundle:${source}:${target}`),
  )
  return out
}

/**
 * Calls `visit` for every link drawn in a rack bundle while zoomed out (an end in a rack, the
 * other elsewhere), with the bundle's ends: each end as its rack when it has one, a rack first
 * (the smaller id first when both are racks). The one grouping of the canvas's bundles and
 * their overlay.
 */
export function forEachBundledLink(
  design: Design,
  visit: (link: Design['links'][number], source: string, target: string) => void,
): void {
  const rackOf = new Map<string, string>()
  for (const list of [design.hosts, design.switches, design.storage])
    for (const e of list as ReadonlyArray<{ id: string; rackId?: string }>)
      if (e.rackId) rackOf.set(e.id, e.rackId)
  for (const l of design.links) {
    const a = rackOf.get(l.sourceId)
    const b = rackOf.get(l.targetId)
    if (a === b) continue
    const x = a ?? l.sourceId
    const y = b ?? l.targetId
    const [source, target] = a !== undefined && (b === undefined || a < b) ? [x, y] : [y, x]
    visit(l, source, target)
  }
}

/** The overlay of `links` (by link id) over `design`'s links and bundles. */
export function linkOverlayOf(
  design: Design,
  links: ReadonlyMap<string, LinkPaint>,
  bundles: Map<string, string> = bundleOfLink(design),
): LinkOverlay {
  const max = new Map<string, number>()
  for (const [linkId, bundleId] of bundles) {
    const u = links.get(linkId)?.utilization
    if (u === undefined) continue
    max.set(bundleId, Math.max(max.get(bundleId) ?? 0, u))
  }
  return { links, bundles: max }
}
