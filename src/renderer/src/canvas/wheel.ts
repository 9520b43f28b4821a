/**
 * Zoom step of one wheel event. A mouse notch (about 100 px of `deltaY`, or 3 lines) zooms by
 * 1.2×, so six notches cover ~3× and ten ~6.2×, and one event never zooms by more than a
 * notch, whatever a device's delta per notch (some send 240 px or more; a review found six
 * notches going from a whole 5,000-host design to four hosts filling the screen). A
 * trackpad's small continuous deltas zoom smoothly in proportion (4 px: 1.2^0.04). A pinch,
 * which Chromium sends as ctrl+wheel, follows the fingers in proportion too, up to 2× per
 * event.
 */
import type { Core } from 'cytoscape'
import { viewGesture } from './view-gesture'

/** Zoom factor of one mouse notch. */
export const NOTCH_ZOOM = 1.2
/** Pixels of wheel delta in one mouse notch (Chromium on Windows and Linux: 100). */
const NOTCH_PX = 100
/** Zoom factor per pixel of wheel delta, as a logarithm: 100 px -> 1.2×. */
const LOG_PER_PX = Math.log(NOTCH_ZOOM) / NOTCH_PX

/**
 * The zoom factor of one wheel event: `deltaY` in `deltaMode` units (0 pixels, 1 lines,
 * 2 pages: DOM WheelEvent); `pinch` for a trackpad pinch (ctrl+wheel).
 */
export function wheelZoomFactor(deltaY: number, deltaMode = 0, pinch = false): number {
  const px = deltaMode === 1 ? deltaY * 33 : deltaMode === 2 ? deltaY * 800 : deltaY
  const most = pinch ? 2 : NOTCH_ZOOM
  return Math.min(most, Math.max(1 / most, Math.exp(-px * LOG_PER_PX)))
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
    viewGesture(cy).nudge()
    cy.zoom({
      level: cy.zoom() * wheelZoomFactor(event.deltaY, event.deltaMode, event.ctrlKey),
      renderedPosition: at,
    })
  }
}
