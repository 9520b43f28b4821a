/**
 * The canvas's level of detail (issue 19): 'racks' below `RACK_LABEL_ZOOM` (links leaving
 * racks hidden, one bundle per rack and neighbour drawn by the layer instead: `bundles.ts`),
 * else 'hosts'; and what the level-of-detail layer is told about the design (halls, rows,
 * rack names, bundles, per-rack totals).
 */
import type { Core } from 'cytoscape'
import type { DesignChanges } from '../../../shared/contract'
import type { Design } from '../../../shared/design/schema'
import { rackSlots } from '../drawing/tiered-layout'
import { rackBundles, showBundles } from './bundles'
import type { CanvasPaint } from './canvas-paint'
import { CY_LABEL, RACK_LABEL_ZOOM, type RackLayer } from './rack-layer'
import { markUplinks } from './viewport'

export type Detail = 'racks' | 'hosts'

export class LevelOfDetail {
  private lod: Detail = 'hosts'
  /** Whether racks and halls carry `CY_LABEL` (Cytoscape draws their labels). */
  private labelled = false

  constructor(
    private readonly cy: Core,
    private readonly layer: RackLayer | undefined,
    private readonly paint: CanvasPaint,
    private readonly onDetail: (detail: Detail) => void,
  ) {}

  /** 'racks' when zoomed out so far that racks show totals, else 'hosts'. */
  get detail(): Detail {
    return this.lod
  }

  /** Switches links between tiers to per-rack bundles when zoomed out (and back). */
  update(): void {
    const lod = this.cy.zoom() < RACK_LABEL_ZOOM ? 'racks' : 'hosts'
    if (lod === this.lod) return
    this.lod = lod
    showBundles(this.cy, lod === 'racks')
    this.label()
    this.onDetail(lod)
  }

  /**
   * Racks' and halls' labels from Cytoscape zoomed in, from the layer zoomed out, never both
   * (`CY_LABEL`); `all`: also on racks and halls added since.
   */
  private label(all = false): void {
    const on = this.lod === 'hosts'
    if (on === this.labelled && !all) return
    this.labelled = on
    this.cy.batch(() => this.cy.nodes('.rack, .zone').toggleClass(CY_LABEL, on))
  }

  /** Marks links that leave a rack and redraws the per-rack bundles shown when zoomed out. */
  markUplinks(design: Design | undefined): void {
    markUplinks(this.cy, this.lod === 'racks')
    if (design) this.layer?.setBundles(rackBundles(design))
  }

  /**
   * After a change set: links, or a member moved to another rack, change the uplink marks and
   * bundles; racks, zones and hosts change the layer's structure and totals.
   */
  changed(changes: DesignChanges, design: Design): void {
    const kinds = new Set(changes.upserted.map((u) => u.kind))
    const removed = changes.removed.length > 0
    if (removed || kinds.has('link') || kinds.has('host') || kinds.has('switch'))
      this.markUplinks(design)
    if (removed || kinds.has('rack') || kinds.has('zone') || kinds.has('host'))
      this.updateStructure(design)
  }

  /** Tells the layer the halls, rows and names of the racks, and the racks' totals. */
  updateStructure(design: Design | undefined): void {
    if (this.lod === 'hosts') this.label(true)
    if (!this.layer || !design) return
    this.layer.setStructure(
      rackSlots(design),
      new Map(design.zones.map((z) => [z.id, z.name || z.id])),
      new Map(design.racks.map((r) => [r.id, r.name || r.id])),
    )
    this.paint.updateAggregates(design)
  }
}
