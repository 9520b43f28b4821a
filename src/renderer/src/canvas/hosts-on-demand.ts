/**
 * Creates the hosts of the racks in view (large designs, `lazy-hosts.ts`): once the view
 * stops moving, the racks wide enough on screen to show hosts whose boxes touch the view get their
 * hosts and links, with the overlay (utilization, instances), problem marks and uplink marks
 * the rest of the canvas has; racks long out of view are released past the budget. The racks
 * in view are created nearest the view's centre first, in slices of at most `CREATE_SLICE_MS`
 * each followed by a drawn frame (at fit, a design of a few hundred hosts has every rack in
 * view: created at once, they were a 270 ms task).
 */
import type { Core } from 'cytoscape'
import type { HostOverlay } from '../drawing/host-overlay'
import type { StorageOverlay } from '../drawing/storage-overlay'
import type { LazyHosts } from './lazy-hosts'
import { applyOverlay } from './overlay'
import { applyStorageOverlay } from './storage-overlay'
import { markUplinks } from './viewport'
import { GLYPH_RACK_PX } from './rack-layer'
import { viewGesture } from './view-gesture'

/** The overlays the canvas currently shows, read when hosts are created (`canvas-paint.ts`). */
export interface ShownPaint {
  readonly overlay: ReadonlyMap<string, HostOverlay>
  readonly storage: ReadonlyMap<string, StorageOverlay>
  /** Hosts painted compactly (a large design). */
  readonly compact: boolean
}

/** Quiet time after the last pan or zoom before hosts are created, ms. */
const SETTLE_MS = 80
/**
 * Work one slice of creating the racks in view may take, ms (at least one rack a slice): each
 * rack's members are styled and their labels measured within it.
 */
export const CREATE_SLICE_MS = 20

/** How the racks in view are created: `later` runs the next slice (none: all at once). */
export interface CreateSlicing {
  later?: (fn: () => void) => void
  sliceMs?: number
}

export class HostsOnDemand {
  private timer: ReturnType<typeof setTimeout> | undefined
  /** Bumped by each `inView` and by `destroy`: slices of an older one stop. */
  private generation = 0
  /** Ids with problems (errors, warnings), marked again on hosts as they are created. */
  problems = { errors: new Set<string>(), warnings: new Set<string>() }

  constructor(
    private readonly cy: Core,
    private readonly store: LazyHosts,
    private readonly paint: ShownPaint,
    private readonly lod: { readonly detail: 'racks' | 'hosts' },
    /** Members came onto or left the canvas (migration arrows move to or from their racks). */
    private readonly membersChanged: () => void,
    private readonly slicing: CreateSlicing = {},
  ) {}

  /** Creates the hosts of the racks in view once the view stops moving. */
  schedule(): void {
    if (!this.store.anyPending() || this.timer !== undefined) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      // not in the middle of a wheel or minimap gesture: once it settles
      if (viewGesture(this.cy).moving) this.schedule()
      else this.inView()
    }, SETTLE_MS)
  }

  /**
   * Creates the hosts of the racks in view that are wide enough on screen to show them (a
   * narrower rack shows its glyph instead: `GLYPH_RACK_PX`), nearest the centre first, one
   * slice now and the rest in later slices; then releases racks out of view past the budget.
   * A later call (the view moved) supersedes the slices still to come.
   */
  inView(): void {
    const generation = ++this.generation
    if (!this.store.anyPending()) return
    const wanted = racksInView(this.cy)
    const pending = new Set(this.store.pendingRacks())
    const queue = wanted.filter((id) => pending.has(id))
    const keep = new Set(wanted)
    const { later, sliceMs = CREATE_SLICE_MS } = this.slicing
    let at = 0
    const step = (): void => {
      if (generation !== this.generation || this.cy.destroyed()) return
      // rack by rack, each styled and measured, until the slice's time is spent
      const started = performance.now()
      let added = false
      do added = this.put([queue[at++] as string], true) || added
      while (at < queue.length && (!later || performance.now() - started < sliceMs))
      if (added) this.membersChanged()
      if (at < queue.length && later) later(step)
      else if (this.store.release(keep)) this.membersChanged()
    }
    if (queue.length > 0) step()
    else if (this.store.release(keep)) this.membersChanged()
  }

  /** Puts the members of `rackIds` on the canvas with their overlay, problems and link marks. */
  create(rackIds: ReadonlyArray<string | undefined>): void {
    const ids = rackIds.filter((r): r is string => r !== undefined)
    if (ids.length > 0 && this.put(ids, false)) this.membersChanged()
  }

  /**
   * Adds the members of `rackIds` and their links with their overlay, problems and link marks;
   * `measure`: also styles them and measures their labels now (in this slice, not in the next
   * frame). Returns whether anything was added.
   */
  private put(ids: readonly string[], measure: boolean): boolean {
    const cy = this.cy
    let made: { nodes: string[]; edges: string[] } = { nodes: [], edges: [] }
    cy.batch(() => {
      made = this.store.create(ids)
      const { errors, warnings } = this.problems
      for (const id of [...made.nodes, ...made.edges]) {
        if (errors.has(id)) cy.getElementById(id).addClass('has-error')
        if (warnings.has(id)) cy.getElementById(id).addClass('has-warning')
      }
    })
    if (made.nodes.length === 0 && made.edges.length === 0) return false
    const edges = cy.collection()
    for (const id of made.edges) edges.merge(cy.getElementById(id))
    markUplinks(cy, this.lod.detail === 'racks', edges.filter('.link'))
    const overlay = this.paint.overlay
    if (overlay.size > 0)
      applyOverlay(cy, overlay, {
        force: true,
        only: new Set(made.nodes),
        compact: this.paint.compact,
      })
    const storage = this.paint.storage
    if (storage.size > 0) applyStorageOverlay(cy, storage)
    if (measure) {
      const nodes = cy.collection()
      for (const id of made.nodes) nodes.merge(cy.getElementById(id))
      nodes.union(edges).boundingBox()
    }
    return true
  }

  /** Centres the view on `id`, also a host whose rack is not created yet, and creates it. */
  focus(id: string): void {
    const at = this.store.position(id)
    const cy = this.cy
    if (at) cy.pan({ x: cy.width() / 2 - at.x * cy.zoom(), y: cy.height() / 2 - at.y * cy.zoom() })
    this.create([this.store.rackOf(id)])
    const el = cy.getElementById(id)
    if (el.nonempty()) cy.center(el)
    this.inView()
  }

  destroy(): void {
    clearTimeout(this.timer)
    this.generation++
  }
}

/**
 * Racks wide enough on screen to show their hosts (`GLYPH_RACK_PX`) whose boxes touch the
 * view, nearest the view's centre first (ties in id order).
 */
export function racksInView(cy: Core): string[] {
  const e = cy.extent()
  const zoom = cy.zoom()
  const cx = (e.x1 + e.x2) / 2
  const cy0 = (e.y1 + e.y2) / 2
  const out: Array<{ id: string; d: number }> = []
  cy.nodes('.rack').forEach((r) => {
    const p = r.position()
    const w = Number(r.data('w')) / 2
    const h = Number(r.data('h')) / 2
    if (2 * w * zoom < GLYPH_RACK_PX) return
    if (p.x + w >= e.x1 && p.x - w <= e.x2 && p.y + h >= e.y1 && p.y - h <= e.y2)
      out.push({ id: r.id(), d: (p.x - cx) ** 2 + (p.y - cy0) ** 2 })
  })
  out.sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return out.map((r) => r.id)
}
