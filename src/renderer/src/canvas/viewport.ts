/**
 * Viewport helpers of the canvas adapter: the zoom and pan that fit the whole drawing with
 * margins (computed from the members' positions: Cytoscape's own fit measures every element
 * with its label, seconds at thousands of nodes), and the marking of links that leave a rack.
 */
import type { Core, Position } from 'cytoscape'
import { isContainer } from './elements'

/** Space kept free around a fitted drawing, px (e.g. the minimap's corner). */
export interface FitInsets {
  top: number
  right: number
  bottom: number
  left: number
}

/** Room for row labels left of the racks and hall labels above them, px on screen. */
const ROW_LABEL_PX = 50
const HALL_LABEL_PX = 20

/**
 * The viewport that shows every node and its label inside the canvas, `padding` px plus
 * `insets` from its edges (none of it under the minimap); undefined when there is nothing to
 * fit or the canvas has no size.
 */
export function fitViewport(
  cy: Core,
  insets: FitInsets,
  padding: number,
  ghosts: ReadonlyArray<{ position: { x: number; y: number } }> = [],
): { zoom: number; pan: { x: number; y: number } } | undefined {
  const points: Array<{ x: number; y: number }> = []
  cy.nodes().forEach((n) => {
    if (!isContainer(n)) points.push(n.position())
  })
  for (const g of ghosts) points.push(g.position)
  return fitPoints(cy, insets, padding, points)
}

/**
 * The viewport that fits nodes (not boxes) at `points`, model px, with their labels (as
 * `fitViewport`): for a first build, before the nodes are on the canvas.
 */
export function fitPoints(
  cy: Core,
  insets: FitInsets,
  padding: number,
  points: Iterable<{ x: number; y: number }>,
): { zoom: number; pan: { x: number; y: number } } | undefined {
  let x1 = Infinity
  let y1 = Infinity
  let x2 = -Infinity
  let y2 = -Infinity
  for (const p of points) {
    x1 = Math.min(x1, p.x)
    y1 = Math.min(y1, p.y)
    x2 = Math.max(x2, p.x)
    y2 = Math.max(y2, p.y)
  }
  if (!Number.isFinite(x1)) return undefined
  // half a node and a rack's padding either side; two label lines below, a rack label above
  x1 -= 40
  x2 += 40
  y1 -= 70
  y2 += 55
  const w = cy.width()
  const h = cy.height()
  if (w <= 0 || h <= 0) return undefined
  const left = padding + insets.left + ROW_LABEL_PX
  const top = padding + insets.top + HALL_LABEL_PX
  const freeW = w - left - padding - insets.right
  const freeH = h - top - padding - insets.bottom
  const zoom = Math.min(
    cy.maxZoom(),
    Math.max(cy.minZoom(), Math.min(freeW / Math.max(1, x2 - x1), freeH / Math.max(1, y2 - y1))),
  )
  return {
    zoom,
    pan: {
      x: left + freeW / 2 - ((x1 + x2) / 2) * zoom,
      y: top + freeH / 2 - ((y1 + y2) / 2) * zoom,
    },
  }
}

/**
 * Marks links between nodes in different boxes (`uplink`: drawn under the rack boxes) and,
 * while zoomed out (`bundled`), hides them: the racks' glyphs stand for them.
 */
export function markUplinks(cy: Core, bundled: boolean, edges = cy.edges('.link')): void {
  cy.batch(() => {
    edges.forEach((e) => {
      const a = e.source().data('container') as string | undefined
      const b = e.target().data('container') as string | undefined
      const up = a !== b && (a !== undefined || b !== undefined)
      e.toggleClass('uplink', up)
      e.toggleClass('bundled', up && bundled)
    })
  })
}

/** Zooms `cy` by `factor` about the view's centre. */
export function zoomAboutCentre(cy: Core, factor: number): void {
  const at = { x: cy.width() / 2, y: cy.height() / 2 }
  cy.zoom({ level: cy.zoom() * factor, renderedPosition: at })
}

/** The model position (rounded to whole px) under page point (`clientX`, `clientY`). */
export function modelPosition(
  cy: Core,
  container: HTMLElement | undefined,
  clientX: number,
  clientY: number,
): Position {
  const rect = container?.getBoundingClientRect()
  const pan = cy.pan()
  const zoom = cy.zoom()
  return {
    x: Math.round((clientX - (rect?.left ?? 0) - pan.x) / zoom),
    y: Math.round((clientY - (rect?.top ?? 0) - pan.y) / zoom),
  }
}
