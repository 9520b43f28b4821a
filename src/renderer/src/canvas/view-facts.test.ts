/**
 * What the notes under the canvas are told (issue 19, s5 review #11): racks in view shown as
 * totals, hosts drawn in view and those coloured by their own utilization. A headless canvas
 * with a view set by hand; every expected count follows from the boxes' arithmetic: a rack
 * `w` model px wide shows its hosts when `w × zoom ≥ GLYPH_RACK_PX` (160) on screen.
 */
import { describe, expect, it } from 'vitest'
import cytoscape, { type Core } from 'cytoscape'
import type { HostOverlay } from '../drawing/host-overlay'
import { viewFacts } from './view-facts'

/** Racks `rackW` model px wide, 300 apart, with two hosts each; a host in no rack at (0, 500). */
function canvas(
  view: { x1: number; y1: number; x2: number; y2: number },
  zoom: number,
  rackW = 200,
): Core {
  const cy = cytoscape({ headless: true, styleEnabled: false })
  for (let r = 0; r < 4; r++) {
    const x = r * 300
    cy.add({
      group: 'nodes',
      data: { id: `r${r}`, w: rackW, h: 100 },
      classes: 'rack',
      position: { x, y: 0 },
    })
    for (const dx of [-50, 50])
      cy.add({
        group: 'nodes',
        data: { id: `h${r}${dx}`, container: `r${r}` },
        classes: 'host',
        position: { x: x + dx, y: 0 },
      })
  }
  cy.add({ group: 'nodes', data: { id: 'loose' }, classes: 'host', position: { x: 0, y: 500 } })
  cy.zoom(zoom)
  cy.extent = () => ({ ...view, w: view.x2 - view.x1, h: view.y2 - view.y1 })
  return cy
}

const own: HostOverlay = { utilization: 0.4 }
const mean: HostOverlay = { utilization: 0.5, rackMean: true }

describe('viewFacts', () => {
  it('counts racks as totals at fit, where no host is drawn', () => {
    // zoom 0.5: 200 × 0.5 = 100 px < 160, every rack a glyph; the view holds racks 0–2 only
    const cy = canvas({ x1: -150, y1: -100, x2: 700, y2: 100 }, 0.5)
    const overlay = new Map([
      ['h0-50', own],
      ['h050', mean],
    ])
    expect(viewFacts(cy, overlay)).toEqual({ glyphRacks: 3, hosts: 0, ownUtilization: 0 })
  })

  it('counts hosts drawn in racks wide enough, and those showing their own utilization', () => {
    // zoomed out (0.6 < 8 / 12) but racks 280 wide: 168 px on screen, wide enough for their
    // hosts (s5 review #11); the view holds racks 0 and 1 (r1's box is 160–440) and the
    // centres of h0-50, h050 and h1-50 (x = 250), not h150 (x = 350)
    const cy = canvas({ x1: -100, y1: -100, x2: 300, y2: 100 }, 0.6, 280)
    const overlay = new Map<string, HostOverlay>([
      ['h0-50', own],
      ['h050', mean],
      ['h1-50', own],
      ['h150', own],
    ])
    expect(viewFacts(cy, overlay)).toEqual({ glyphRacks: 0, hosts: 3, ownUtilization: 2 })
  })

  it('shows no totals zoomed in past the level of rack labels, however narrow the racks', () => {
    // zoom 0.7 ≥ RACK_LABEL_ZOOM (8 / 12): racks 140 px wide draw no glyph, and the hosts kept
    // on them are drawn: racks 0–2 are in view (rack 3's box starts at 800), with six hosts,
    // and the host in no rack; only that one has an overlay
    const cy = canvas({ x1: -150, y1: -100, x2: 700, y2: 600 }, 0.7)
    expect(viewFacts(cy, new Map([['loose', own]]))).toEqual({
      glyphRacks: 0,
      hosts: 7,
      ownUtilization: 1,
    })
  })
})
