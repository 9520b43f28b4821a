/**
 * What the view shows, for the notes under the canvas (issue 19): whether racks in view show
 * their totals (a glyph) instead of their hosts, and how many hosts are drawn in view and
 * coloured by their own utilization rather than their rack's mean. Hosts of created racks too
 * narrow on screen to show them are on the canvas but not drawn as hosts to a reader, so they
 * do not count. Reported once the view settles and after the overlay or the hosts on the
 * canvas change.
 */
import type { Core } from 'cytoscape'
import type { HostOverlay } from '../drawing/host-overlay'
import { GLYPH_RACK_PX, RACK_LABEL_ZOOM } from './rack-layer'

/** What the view shows (counts of what is inside it). */
export interface ViewFacts {
  /** Racks in view too narrow on screen for their hosts, shown as totals (zoomed out). */
  glyphRacks: number
  /** Hosts drawn in view, in racks not shown as totals (and outside any rack). */
  hosts: number
  /** Of those, hosts coloured by their own utilization (not their rack's mean). */
  ownUtilization: number
}

/** Quiet time after the last pan or zoom before the facts are reported, ms. */
const SETTLE_MS = 150

/** Counts what the view shows (`ViewFacts`) on `cy` with `overlay` painted. */
export function viewFacts(cy: Core, overlay: ReadonlyMap<string, HostOverlay>): ViewFacts {
  const e = cy.extent()
  const zoom = cy.zoom()
  const open = new Set<string>()
  let glyphRacks = 0
  cy.nodes('.rack').forEach((r) => {
    const p = r.position()
    const w = Number(r.data('w')) / 2
    const h = Number(r.data('h')) / 2
    if (p.x + w < e.x1 || p.x - w > e.x2 || p.y + h < e.y1 || p.y - h > e.y2) return
    // as the layer draws it: a glyph only zoomed out and on a rack too narrow for its hosts
    if (zoom < RACK_LABEL_ZOOM && 2 * w * zoom < GLYPH_RACK_PX) glyphRacks++
    else open.add(r.id())
  })
  let hosts = 0
  let ownUtilization = 0
  cy.nodes('.host').forEach((n) => {
    const rack = n.data('container') as string | undefined
    if (rack !== undefined && !open.has(rack)) return
    const p = n.position()
    if (p.x < e.x1 || p.x > e.x2 || p.y < e.y1 || p.y > e.y2) return
    hosts++
    const o = overlay.get(n.id())
    if (o?.utilization !== undefined && !o.rackMean) ownUtilization++
  })
  return { glyphRacks, hosts, ownUtilization }
}

/** Reports `viewFacts` when the view settles and when asked (`schedule`). */
export class ViewFactsReporter {
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly onViewport = (): void => this.schedule()

  constructor(
    private readonly cy: Core,
    private readonly overlay: () => ReadonlyMap<string, HostOverlay>,
    private readonly report: (facts: ViewFacts) => void,
  ) {
    cy.on('viewport', this.onViewport)
  }

  /** Reports the facts once the view has been still for `SETTLE_MS`. */
  schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      if (!this.cy.destroyed()) this.report(viewFacts(this.cy, this.overlay()))
    }, SETTLE_MS)
  }

  destroy(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.cy.off('viewport', this.onViewport)
  }
}
