/**
 * Links coloured and thickened by utilization at the shown time (issue 17). Edges carry
 * `linkLoad` (0..1) for the stylesheet's `mapData` rules and the class `link-failed` while
 * failed. Links created later (hosts on demand) are painted as they are added, so the adapter
 * only hands over each new overlay. Rack bundles (zoomed out) are drawn by the level-of-detail
 * layer, which colours each by its busiest link (`RackLayer.setBundleLoads`).
 */
import type { Core, EdgeSingular, EventObject } from 'cytoscape'
import { EMPTY_LINK_OVERLAY, type LinkOverlay } from '../drawing/link-overlay'

/** Keeps one Cytoscape instance's links painted with the latest overlay. */
export class LinkOverlayPainter {
  private overlay: LinkOverlay = EMPTY_LINK_OVERLAY
  private readonly onAdd = (e: EventObject): void => {
    if (this.overlay.links.size > 0) this.paint(e.target as EdgeSingular)
  }

  constructor(private readonly cy: Core) {
    cy.on('add', 'edge', this.onAdd)
  }

  /** Paints every link with `overlay` (an empty one clears them). */
  set(overlay: LinkOverlay): void {
    const clearing = overlay.links.size === 0
    if (clearing && this.overlay.links.size === 0) return
    this.overlay = overlay
    this.cy.batch(() => {
      this.cy.edges('.link').forEach((e) => this.paint(e))
    })
  }

  private paint(e: EdgeSingular): void {
    const id = e.id()
    const load = this.overlay.links.get(id)?.utilization
    const failed = this.overlay.links.get(id)?.failed === true
    if (load === undefined) {
      if (e.data('linkLoad') !== undefined) e.removeData('linkLoad')
    } else if (e.data('linkLoad') !== load) e.data('linkLoad', load)
    if (e.hasClass('link-failed') !== failed) e.toggleClass('link-failed', failed)
  }
}
