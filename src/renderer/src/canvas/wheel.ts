/**
 * Zoom step of one wheel event. A mouse notch (about 100 px of `deltaY`, or 3 lines) zooms by
 * 1.25×, so ten notches cover ~9×; a trackpad's small continuous deltas (and pinch, which
 * Chromium sends as ctrl+wheel) zoom smoothly in proportion. One event never zooms by more
 * than 2× either way.
 */
import type { Core } from 'cytoscape'

/** Zoom factor per pixel of wheel delta: 100 px -> 1.25×. */
const PER_PX = Math.log(1.25) / 100

/** `deltaMode`: 0 pixels, 1 lines, 2 pages (DOM WheelEvent). */
export function wheelZoomFactor(deltaY: number, deltaMode = 0): number {
  const px = deltaMode === 1 ? deltaY * 33 : deltaMode === 2 ? deltaY * 800 : deltaY
  return Math.min(2, Math.max(0.5, Math.exp(-px * PER_PX)))
}

/**
 * A wheel listener that zooms `cy` by `wheelZoomFactor` about the pointer (our own step:
 * Cytoscape's is ~1 % per notch on a mouse). Bind it in the capture phase, before Cytoscape's.
 */
export function wheelZoomListener(
  cy: Core,
  container: HTMLElement | undefined,
): (event: WheelEvent) => void {
  return (event) => {
    if (!cy.userZoomingEnabled()) return
    event.preventDefault()
    event.stopPropagation()
    const rect = container?.getBoundingClientRect()
    const at = { x: event.clientX - (rect?.left ?? 0), y: event.clientY - (rect?.top ?? 0) }
    cy.zoom({
      level: cy.zoom() * wheelZoomFactor(event.deltaY, event.deltaMode),
      renderedPosition: at,
    })
  }
}
