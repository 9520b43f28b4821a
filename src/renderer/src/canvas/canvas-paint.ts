/**
 * What the canvas paints over the design, and the state it needs to paint it again: the host
 * overlay (instances, utilization, failed/off), storage load, the per-rack totals the
 * level-of-detail layer draws, and migrations in flight. Owned by the adapter
 * (`topology-canvas.ts`); hosts created on demand read the current overlay from here.
 */
import type { Core } from 'cytoscape'
import type { Design } from '../../../shared/design/schema'
import type { HostOverlay } from '../drawing/host-overlay'
import type { StorageOverlay } from '../drawing/storage-overlay'
import { applyOverlay } from './overlay'
import { OverlaySlices } from './overlay-slices'
import { applyStorageOverlay } from './storage-overlay'
import { rackAggregates, RackSums, type RackAggregate, type RackMember } from './rack-aggregates'
import { nextTask } from './first-build'
import type { RackLayer } from './rack-layer'
import { drawMigrations, type MigrationMark } from './marks'
import { LinkOverlayPainter } from './link-overlay'
import type { LinkOverlay } from '../drawing/link-overlay'

/** Hosts summed per task into the racks' totals (a few ms on an idle machine). */
export const AGGREGATE_SLICE_HOSTS = 2500

/** Quiet time after the last pan or zoom before the hosts in view are named, ms. */
const HOSTS_IN_VIEW_SETTLE_MS = 150

export class CanvasPaint {
  overlay: ReadonlyMap<string, HostOverlay> = new Map()
  storage: ReadonlyMap<string, StorageOverlay> = new Map()
  private large = false
  /** Set when nodes were rebuilt, so the next overlay is applied to every host. */
  stale = false
  /** What each rack's glyph shows. */
  totals: ReadonlyMap<string, RackAggregate> = new Map()
  private members: { hosts: Design['hosts']; list: RackMember[] } | undefined
  private readonly slices: OverlaySlices
  private migrations: readonly MigrationMark[] = []
  private links: LinkOverlayPainter | undefined
  private inViewTimer: ReturnType<typeof setTimeout> | undefined
  /** Hosts of the overlay that show their rack's mean (counted once per overlay, not per pan). */
  private rackMeans = 0
  /** Counts the racks' totals begun, so a newer overlay's supersedes a sliced one. */
  private aggregating = 0

  /**
   * `standIn(id)`: the node on the canvas that stands for a member not on it (its rack),
   * for migration arrows.
   */
  constructor(
    private readonly cy: Core,
    private readonly layer: RackLayer | undefined,
    private readonly sliced: boolean,
    private readonly standIn: (id: string) => string | undefined = () => undefined,
    private readonly onHostsInView?: (hostIds: string[]) => void,
  ) {
    this.slices = new OverlaySlices(cy, sliced)
    if (onHostsInView) cy.on('viewport', () => this.scheduleHostsInView())
  }

  /**
   * Large designs: the level-of-detail layer paints the host overlay over the nodes in view
   * (`overlay-layer.ts`: the fill by utilization, a tenant-coloured ring, the instance count),
   * so a placement or a simulation frame restyles no node; else Cytoscape's styles show it
   * (instance pies).
   */
  get compact(): boolean {
    return this.large
  }

  set compact(on: boolean) {
    this.large = on
    if (on) this.slices.cancel()
    this.layer?.paintHosts(on ? (id) => this.overlay.get(id) : undefined)
  }

  /**
   * Names the hosts on the canvas inside the view (once the view stops moving) while some host
   * shows its rack's mean, so their own series can be fetched (`onHostsInView`).
   */
  private scheduleHostsInView(): void {
    if (!this.onHostsInView || this.inViewTimer !== undefined) return
    if (this.rackMeans === 0) return
    this.inViewTimer = setTimeout(() => {
      this.inViewTimer = undefined
      const e = this.cy.extent()
      const ids: string[] = []
      this.cy.nodes('.host').forEach((n) => {
        if (!this.overlay.get(n.id())?.rackMean) return
        const p = n.position()
        if (p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2) ids.push(n.id())
      })
      if (ids.length > 0) this.onHostsInView?.(ids)
    }, HOSTS_IN_VIEW_SETTLE_MS)
  }

  /**
   * Paints `overlay` on the hosts (the stale ones all, the others where it changed) and
   * updates the racks' totals; returns how many hosts show their rack's mean.
   */
  setOverlay(overlay: ReadonlyMap<string, HostOverlay>, design: Design | undefined): number {
    if (!this.large) this.slices.paint(overlay, this.stale, false)
    this.overlay = overlay
    this.stale = false
    if (this.large) this.layer?.schedule()
    this.updateAggregates(design)
    let rackMeans = 0
    for (const o of overlay.values()) if (o.rackMean) rackMeans++
    this.rackMeans = rackMeans
    if (rackMeans > 0) this.scheduleHostsInView()
    return rackMeans
  }

  /** Paints the current overlay again on `hosts` (their labels were rewritten by an update). */
  repaint(hosts: ReadonlySet<string>): void {
    if (hosts.size > 0 && this.overlay.size > 0 && !this.large)
      applyOverlay(this.cy, this.overlay, { force: true, only: hosts, compact: this.compact })
  }

  /** Colours storage systems by load (`storage-overlay.ts`). */
  setStorage(overlay: ReadonlyMap<string, StorageOverlay>): void {
    this.storage = overlay
    applyStorageOverlay(this.cy, overlay)
  }

  /** Colours storage again (storage systems were updated or created). */
  repaintStorage(): void {
    if (this.storage.size > 0) applyStorageOverlay(this.cy, this.storage)
  }

  /** Links and rack bundles coloured by utilization at the shown time (`link-overlay.ts`). */
  setLinks(overlay: LinkOverlay): void {
    ;(this.links ??= new LinkOverlayPainter(this.cy)).set(overlay)
    this.layer?.setBundleLoads(overlay.bundles)
  }

  /** Draws migrations in flight as arrows, between racks where hosts are not on the canvas. */
  setMigrations(migrations: readonly MigrationMark[]): void {
    this.migrations = migrations
    drawMigrations(this.cy, migrations, this.standIn)
  }

  /** Draws the migrations again after hosts came onto or left the canvas. */
  membersChanged(): void {
    if (this.migrations.length > 0) drawMigrations(this.cy, this.migrations, this.standIn)
    this.scheduleHostsInView()
  }

  /**
   * Writes the overlay into every host node's style (a large design's picture export draws from
   * the styles; the layer paints them otherwise).
   */
  styleForPicture(): void {
    if (this.large)
      applyOverlay(this.cy, this.overlay, { force: true, compact: true, styled: true })
  }

  /** Sums the overlay per rack for the level-of-detail layer's glyphs. */
  updateAggregates(design: Design | undefined): void {
    if (!this.layer || !design) return
    // the racked hosts change with the design's hosts only, not with every overlay
    if (this.members?.hosts !== design.hosts)
      this.members = {
        hosts: design.hosts,
        list: design.hosts
          .filter((h) => h.rackId)
          .map((h) => ({ id: h.id, rackId: h.rackId as string, down: h.state !== 'up' })),
      }
    const list = this.members.list
    if (!this.sliced || list.length <= AGGREGATE_SLICE_HOSTS) {
      this.aggregating++
      this.totals = rackAggregates(list, this.overlay)
      this.layer.setAggregates(this.totals)
      return
    }
    void this.aggregateInSlices(list, this.overlay, this.layer)
  }

  /**
   * Sums `overlay` per rack `AGGREGATE_SLICE_HOSTS` hosts per task (issue 19: 10,000 hosts at
   * every placement and simulation frame, one task of 10–100 ms on a loaded machine); a newer
   * overlay supersedes it. The racks' previous totals show meanwhile.
   */
  private async aggregateInSlices(
    list: readonly RackMember[],
    overlay: ReadonlyMap<string, HostOverlay>,
    layer: RackLayer,
  ): Promise<void> {
    const run = ++this.aggregating
    const sums = new RackSums(overlay)
    for (let from = 0; from < list.length; from += AGGREGATE_SLICE_HOSTS) {
      if (from > 0) await nextTask()
      if (run !== this.aggregating) return
      sums.add(list, from, Math.min(list.length, from + AGGREGATE_SLICE_HOSTS))
    }
    this.totals = sums.result()
    layer.setAggregates(this.totals)
  }

  destroy(): void {
    this.slices.cancel()
    if (this.inViewTimer !== undefined) clearTimeout(this.inViewTimer)
  }
}
