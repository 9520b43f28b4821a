/**
 * Paints a host overlay without freezing the page (issue 19): the hosts in view at once, the
 * other hosts on the canvas in slices of OVERLAY_SLICE, one slice after each drawn frame
 * (Cytoscape restyles what changed when it draws), so a placement or a simulation frame never
 * restyles a thousand pies in one task. A newer overlay supersedes
 * the slices still queued (each host compares against the overlay it was last painted with,
 * so none is left stale).
 */
import type { Core, NodeCollection } from 'cytoscape'
import type { HostOverlay } from '../drawing/host-overlay'
import { applyOverlay } from './overlay'

/** Hosts painted per task outside the view. */
export const OVERLAY_SLICE = 150

/** Hosts whose centre is inside the view (extent), and the others. */
export function splitByView(cy: Core, nodes: NodeCollection): [NodeCollection, NodeCollection] {
  const e = cy.extent()
  const inView = nodes.filter((n) => {
    const p = n.position()
    return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2
  })
  return [inView, nodes.difference(inView)]
}

/** Runs `fn` in a task after the next frame is drawn (a plain task without frames). */
export function afterNextFrame(fn: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(fn, 0))
  else setTimeout(fn, 0)
}

export class OverlaySlices {
  private generation = 0

  /** `sliced` false (headless canvas: no frames, no view) paints every host at once. */
  constructor(
    private readonly cy: Core,
    private readonly sliced = true,
  ) {}

  /** Paints `overlay` on every host (`force`: also those that seem to show it already). */
  paint(overlay: ReadonlyMap<string, HostOverlay>, force: boolean, compact: boolean): void {
    const generation = ++this.generation
    const hosts = this.cy.nodes('.host')
    if (!this.sliced) return applyOverlay(this.cy, overlay, { force, only: hosts, compact })
    const [now, later] = splitByView(this.cy, hosts)
    applyOverlay(this.cy, overlay, { force, only: now, compact })
    const rest = later.map((n) => n.id())
    let at = 0
    const step = (): void => {
      if (generation !== this.generation || this.cy.destroyed()) return
      // hosts released or removed since are skipped: the ids are looked up again
      const nodes = this.cy.collection()
      for (const id of rest.slice(at, at + OVERLAY_SLICE)) nodes.merge(this.cy.getElementById(id))
      at += OVERLAY_SLICE
      applyOverlay(this.cy, overlay, { force, only: nodes, compact })
      if (at < rest.length) afterNextFrame(step)
    }
    if (rest.length > 0) afterNextFrame(step)
  }

  /** Drops the slices still queued. */
  cancel(): void {
    this.generation++
  }
}
