/**
 * Creates the hosts of the racks in view (large designs, `lazy-hosts.ts`): once the view
 * stops moving, the racks wide enough on screen to show hosts whose boxes touch the view get their
 * hosts and links, with the overlay (utilization, instances), problem marks and uplink marks
 * the rest of the canvas has; racks long out of view are released past the budget.
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

export class HostsOnDemand {
  private timer: ReturnType<typeof setTimeout> | undefined
  /** Ids with problems (errors, warnings), marked again on hosts as they are created. */
  problems = { errors: new Set<string>(), warnings: new Set<string>() }

  constructor(
    private readonly cy: Core,
    private readonly store: LazyHosts,
    private readonly paint: ShownPaint,
    private readonly lod: { readonly detail: 'racks' | 'hosts' },
    /** Members came onto or left the canvas (migration arrows move to or from their racks). */
    private readonly membersChanged: () => void,
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
   * narrower rack shows its glyph instead: `GLYPH_RACK_PX`).
   */
  inView(): void {
    if (!this.store.anyPending()) return
    const e = this.cy.extent()
    const zoom = this.cy.zoom()
    const inView = new Set<string>()
    this.cy.nodes('.rack').forEach((r) => {
      const p = r.position()
      const w = Number(r.data('w')) / 2
      const h = Number(r.data('h')) / 2
      if (2 * w * zoom < GLYPH_RACK_PX) return
      if (p.x + w >= e.x1 && p.x - w <= e.x2 && p.y + h >= e.y1 && p.y - h <= e.y2)
        inView.add(r.id())
    })
    this.create([...inView])
    if (this.store.release(inView)) this.membersChanged()
  }

  /** Puts the members of `rackIds` on the canvas with their overlay, problems and link marks. */
  create(rackIds: ReadonlyArray<string | undefined>): void {
    const ids = rackIds.filter((r): r is string => r !== undefined)
    if (ids.length === 0) return
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
    if (made.nodes.length === 0 && made.edges.length === 0) return
    const added = new Set(made.edges)
    const edges = cy.edges('.link').filter((e) => added.has(e.id()))
    markUplinks(cy, this.lod.detail === 'racks', edges)
    const overlay = this.paint.overlay
    if (overlay.size > 0)
      applyOverlay(cy, overlay, {
        force: true,
        only: new Set(made.nodes),
        compact: this.paint.compact,
      })
    const storage = this.paint.storage
    if (storage.size > 0) applyStorageOverlay(cy, storage)
    this.membersChanged()
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
  }
}
