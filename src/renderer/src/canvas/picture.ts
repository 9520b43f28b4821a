/**
 * Pictures of the whole canvas for export: PNG through Cytoscape's own renderer (twice the
 * model size, smaller for huge drawings so the bitmap stays within browser limits), SVG
 * through `canvasToSvg`. Both cover every element, not just what the viewport shows.
 */
import type { TopologyCanvas } from './topology-canvas'
import { canvasToSvg } from './svg-export'

export type PictureFormat = 'png' | 'svg'

/** Longest side of the PNG, in pixels (browsers refuse much larger canvases). */
const MAX_PNG_SIDE_PX = 12_000

/** The page background of the current theme (`--canvas-bg`), white when there is none. */
function background(container: HTMLElement | undefined): string {
  if (!container || typeof getComputedStyle !== 'function') return '#ffffff'
  return getComputedStyle(container).getPropertyValue('--canvas-bg').trim() || '#ffffff'
}

/** A picture of the canvas as a Blob (`image/png` or `image/svg+xml`). */
export function canvasPicture(
  canvas: TopologyCanvas,
  format: PictureFormat,
  container?: HTMLElement,
): Blob {
  const bg = background(container)
  if (format === 'svg') return new Blob([canvasToSvg(canvas.cy, bg)], { type: 'image/svg+xml' })
  const box = canvas.cy.elements().boundingBox({})
  const side = Math.max(1, box.w, box.h)
  const scale = Math.min(2, MAX_PNG_SIDE_PX / side)
  return canvas.cy.png({ full: true, scale, output: 'blob', bg })
}
