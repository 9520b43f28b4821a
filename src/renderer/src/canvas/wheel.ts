/**
 * Zoom step of one wheel event. A mouse notch (about 100 px of `deltaY`, or 3 lines) zooms by
 * 1.25×, so ten notches cover ~9×; a trackpad's small continuous deltas (and pinch, which
 * Chromium sends as ctrl+wheel) zoom smoothly in proportion. One event never zooms by more
 * than 2× either way.
 */

/** Zoom factor per pixel of wheel delta: 100 px -> 1.25×. */
const PER_PX = Math.log(1.25) / 100

/** `deltaMode`: 0 pixels, 1 lines, 2 pages (DOM WheelEvent). */
export function wheelZoomFactor(deltaY: number, deltaMode = 0): number {
  const px = deltaMode === 1 ? deltaY * 33 : deltaMode === 2 ? deltaY * 800 : deltaY
  return Math.min(2, Math.max(0.5, Math.exp(-px * PER_PX)))
}
