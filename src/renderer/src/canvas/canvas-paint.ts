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
import { rackAggregates, type RackAggregate, type RackMember } from './rack-aggregates'
import type { RackLayer } from './rack-layer'
import { drawMigrations, type MigrationMark } from './marks'
import { LinkOverlayPainter } from './link-overlay'
import type { LinkOverlay } from '../drawing/link-overlay'

export class CanvasPaint {
  overlay: ReadonlyMap<string, HostOverlay> = new Map()
  storage: ReadonlyMap<string, StorageOverlay> = new Map()
  /** Large designs show instances as a count and a tenant-coloured border, not pies. */
  compact = false
  /** Set when nodes were rebuilt, so the next overlay is applied to every host. */
  stale = false
  /** What each rack's glyph shows. */
  totals: ReadonlyMap<string, RackAggregate> = new Map()
  private members: { hosts: Design['hosts']; list: RackMember[] } | undefined
  private readonly slices: OverlaySlices
  private migrations: readonly MigrationMark[] = []
  private links: LinkOverlayPainter | undefined

  /**
   * `standIn(id)`: the node on the canvas that stands for a member not on it (its rack),
   * for migration arrows.
   */
  constructor(
    private readonly cy: Core,
    private readonly layer: RackLayer | undefined,
    sliced: boolean,
    private readonly standIn: (id: string) => string | undefined = () => undefined,
  ) {
    this.slices = new OverlaySlices(cy, sliced)
  }

  /**
   * Paints `overlay` on the hosts (the stale ones all, the others where it changed) and
   * updates the racks' totals; returns how many hosts show their rack's mean.
   */
  setOverlay(overlay: ReadonlyMap<string, HostOverlay>, design: Design | undefined): number {
    this.slices.paint(overlay, this.stale, this.compact)
    this.overlay = overlay
    this.stale = false
    this.updateAggregates(design)
    let rackMeans = 0
    for (const o of overlay.values()) if (o.rackMean) rackMeans++
    return rackMeans
  }

  /** Paints the current overlay again on `hosts` (their labels were rewritten by an update). */
  repaint(hosts: ReadonlySet<string>): void {
    if (hosts.size > 0 && this.overlay.size > 0)
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
    this.totals = rackAggregates(this.members.list, this.overlay)
    this.layer.setAggregates(this.totals)
  }

  destroy(): void {
    this.slices.cancel()
  }
}
