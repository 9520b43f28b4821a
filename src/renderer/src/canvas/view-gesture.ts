/**
 * View moves the canvas makes itself (issue 19). Our wheel step (`wheel.ts`) stops Cytoscape's
 * wheel handler and a drag through the minimap pans with `cy.pan`, so Cytoscape sees neither
 * as a gesture: it redrew its whole element layer (and the level-of-detail layer) for every
 * wheel event and every minimap move. While one of these lasts, `cy-frame.ts` moves the last
 * drawing by a CSS transform, as during a pan, and the view is drawn afresh once, when the
 * gesture settles (`SETTLE_MS` after the last wheel event) or ends (the minimap released).
 * The level of detail (`level-of-detail.ts`) and hosts on demand (`hosts-on-demand.ts`) wait
 * for it too, so no restyle or host creation runs in the middle of a gesture.
 */
import type { Core } from 'cytoscape'

/** Quiet time after the last wheel event before the view is drawn afresh, ms. */
export const SETTLE_MS = 150

/** The view moves of one canvas that Cytoscape does not see as gestures. */
export class ViewGesture {
  private timer: ReturnType<typeof setTimeout> | undefined
  /** A gesture with an end (a drag through the minimap) is under way. */
  private held = false
  private readonly listeners = new Set<() => void>()

  /** Whether the view is being moved by a wheel or through the minimap. */
  get moving(): boolean {
    return this.held || this.timer !== undefined
  }

  /** The view moved (a wheel event); the gesture settles `SETTLE_MS` after the last one. */
  nudge(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.settle()
    }, SETTLE_MS)
  }

  /** A gesture with an end begins (a pointer pressed on the minimap). */
  begin(): void {
    this.held = true
  }

  /** That gesture ends (the pointer released): settles now, unless wheel events go on. */
  end(): void {
    if (!this.held) return
    this.held = false
    this.settle()
  }

  /** Calls `listener` each time the view settles; returns the function that stops it. */
  onSettled(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private settle(): void {
    if (this.moving) return
    for (const listener of [...this.listeners]) listener()
  }

  /** Stops the settle timer (the canvas is destroyed). */
  destroy(): void {
    clearTimeout(this.timer)
    this.timer = undefined
    this.held = false
    this.listeners.clear()
  }
}

const gestures = new WeakMap<Core, ViewGesture>()

/** The view gesture of `cy` (one per canvas, made on first use). */
export function viewGesture(cy: Core): ViewGesture {
  let g = gestures.get(cy)
  if (!g) gestures.set(cy, (g = new ViewGesture()))
  return g
}
