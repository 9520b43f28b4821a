/**
 * The canvas adapter: owns the (non-reactive) Cytoscape instance, builds it from a design,
 * patches it from `design:changed` diffs, and reports user gestures (select, move, connect,
 * context menu) as callbacks. Components talk to this class, never to `cy`.
 */
import cytoscape, { type Core, type NodeSingular, type Position } from 'cytoscape'
import type { EdgeHandlesInstance } from 'cytoscape-edgehandles'
import type { DesignChanges, Problem } from '../../../shared/contract'
import type { Design } from '../../../shared/design/schema'
import type { HostOverlay } from '../drawing/host-overlay'
import type { StorageOverlay } from '../drawing/storage-overlay'
import { rackSlots } from '../drawing/tiered-layout'
import { autoPositions } from './elements'
import { applyDesignChanges } from './apply-changes'
import { LazyHosts } from './lazy-hosts'
import { rackBundles, showBundles } from './bundles'
import { HostsOnDemand } from './hosts-on-demand'
import { CanvasPaint } from './canvas-paint'
import type { LinkOverlay } from '../drawing/link-overlay'
import { canvasStyle, coloursFromCss } from './style'
import { cacheLabelWidths } from './label-measure'
import { ViewFactsReporter } from './view-facts'
import { CanvasProbe } from './facts'
import { markProblems, type MigrationMark } from './marks'
import { RackDropTracker, rackAtPosition } from './rack-drop'
import { RackLayer, RACK_LABEL_ZOOM } from './rack-layer'
import { ContainerCarrier } from './containers'
import * as firstBuild from './first-build'
import {
  bindGestures,
  edgeHandles,
  registerExtensions,
  roundPos,
  type CanvasCallbacks,
} from './gestures'
import { wheelZoomListener } from './wheel'
import { Minimap } from './minimap'
import { drawCanvasSvg, type PictureOptions, type SvgPicture } from './svg-export'
import { fitViewport, markUplinks, type FitInsets } from './viewport'

export type { CanvasCallbacks, CanvasMove } from './gestures'

/**
 * Above this many elements, the canvas trades detail for speed while panning and zooming,
 * and a design of more hosts and links is loaded in slices.
 */
const LARGE = 1500
/** Margin fit keeps around the drawing, px. */
const FIT_PADDING = 40

export class TopologyCanvas {
  /** Cytoscape itself: private, so nothing outside this adapter folder can reach it. */
  private readonly cy: Core
  private minimap: Minimap | undefined
  private readonly eh: EdgeHandlesInstance | undefined
  private readonly drops: RackDropTracker
  private silentSelect = false
  /** Ids of the selected elements. */
  private readonly selected = new Set<string>()
  revision = -1
  /** Loads begun; a sliced load stops when a later one began. */
  private loads = 0
  /** Whether a load is under way (no hosts are created on demand meanwhile). */
  loading = false
  /** Lets the canvas, its layer and the minimap draw again (set while a build holds them). */
  private releaseDrawing: (() => void) | undefined
  /** Host and storage overlays, rack totals (`canvas-paint.ts`). */
  private readonly paint: CanvasPaint
  /** Positions of elements the design stores none for (undo of a first drag goes back here). */
  private auto: ReadonlyMap<string, Position> | undefined
  private design: Design | undefined
  private readonly layer: RackLayer | undefined
  private lod: 'racks' | 'hosts' = 'hosts'
  private readonly carrier: ContainerCarrier
  private onWheel: ((event: WheelEvent) => void) | undefined
  /** Hosts of racks not zoomed into yet, off the canvas (large designs only). */
  private readonly hosts: LazyHosts
  private readonly onDemand: HostsOnDemand
  /** Tells the component what the view shows, for its notes (`view-facts.ts`). */
  private readonly facts: ViewFactsReporter | undefined
  /** What the canvas shows, for the test hook and tests. */
  readonly probe: CanvasProbe
  /** Extra room fit keeps free at the view's edges (e.g. under the minimap). */
  insets: FitInsets = { top: 0, right: 0, bottom: 0, left: 0 }

  constructor(
    private readonly container: HTMLElement | undefined,
    private readonly callbacks: CanvasCallbacks,
    options: { headless?: boolean; webgl?: boolean } = {},
  ) {
    const headless = options.headless ?? !container
    if (!headless) registerExtensions()
    const colours = coloursFromCss(container)
    this.cy = cytoscape({
      container: headless ? undefined : container,
      headless,
      style: canvasStyle(colours),
      boxSelectionEnabled: true,
      selectionType: 'single',
      minZoom: 0.005,
      maxZoom: 4,
      ...(options.webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions)
    // a label line is measured once per font, not again at every restyle (label-measure.ts)
    if (!headless) cacheLabelWidths((this.cy as unknown as { renderer(): unknown }).renderer())
    if (!headless && container) {
      this.layer = RackLayer.over(this.cy, container, colours)
      this.onWheel = wheelZoomListener(this.cy, container)
      const wheelTarget = container.parentElement ?? container
      wheelTarget.addEventListener('wheel', this.onWheel, { capture: true, passive: false })
    }
    if (!headless) this.eh = edgeHandles(this.cy)
    this.hosts = new LazyHosts(this.cy)
    const paint = (this.paint = new CanvasPaint(
      this.cy,
      this.layer,
      !headless,
      (id) => this.hosts.rackOf(id),
      (ids) => this.callbacks.onHostsInView?.(ids),
    ))
    this.onDemand = new HostsOnDemand(this.cy, this.hosts, {
      detail: () => this.lod,
      overlay: () => paint.overlay,
      storage: () => paint.storage,
      compact: () => paint.compact,
      membersChanged: () => {
        paint.membersChanged()
        this.facts?.schedule()
      },
    })
    const onView = callbacks.onView
    if (!headless && onView)
      this.facts = new ViewFactsReporter(this.cy, () => paint.overlay, onView)
    this.drops = new RackDropTracker(this.cy)
    this.carrier = new ContainerCarrier(this.cy, this.hosts)
    this.probe = new CanvasProbe(this.cy, container, this.layer, {
      revision: () => this.revision,
      totals: () => paint.totals,
    })
    this.bindEvents()
  }

  /** Switches links between tiers to per-rack bundles when zoomed out (and back). */
  private updateDetail(): void {
    const lod = this.cy.zoom() < RACK_LABEL_ZOOM ? 'racks' : 'hosts'
    if (lod === this.lod) return
    this.lod = lod
    showBundles(this.cy, lod === 'racks')
    this.callbacks.onDetail?.(lod)
  }

  /** Marks links that leave a rack and redraws the per-rack bundles shown when zoomed out. */
  private markUplinks(): void {
    markUplinks(this.cy, this.lod === 'racks')
    if (this.design) this.layer?.setBundles(rackBundles(this.design))
  }

  /** Tells the level-of-detail layer the halls, rows and names of the racks. */
  private updateStructure(): void {
    const d = this.design
    if (!this.layer || !d) return
    this.layer.setStructure(
      rackSlots(d),
      new Map(d.zones.map((z) => [z.id, z.name || z.id])),
      new Map(d.racks.map((r) => [r.id, r.name || r.id])),
    )
    this.paint.updateAggregates(d)
  }

  private bindEvents(): void {
    const cy = this.cy
    cy.on('zoom', () => this.updateDetail())
    cy.on('viewport', () => {
      if (!this.loading) this.onDemand.schedule()
    })
    // the selection, kept as it changes: reading it from Cytoscape scans every element
    cy.on('select', (e) => void this.selected.add(e.target.id()))
    cy.on('unselect remove', (e) => void this.selected.delete(e.target.id()))
    cy.on('select unselect', () => {
      if (this.silentSelect) return
      queueMicrotask(() => this.callbacks.onSelect?.(this.selection()))
    })
    bindGestures(cy, {
      container: this.container,
      callbacks: this.callbacks,
      drops: this.drops,
      carrier: this.carrier,
      ghosts: () => this.hosts.ghosts(),
    })
  }

  /** The rack whose box contains a model position (ignoring `self` and its own parent). */
  rackAt(position: Position, self?: NodeSingular): string | undefined {
    return rackAtPosition(this.cy, position, self)
  }

  /** Replaces everything on the canvas by a design, at once (headless use, tests). */
  load(design: Design, revision: number): void {
    this.loads++
    for (const step of this.build(design, revision)) void step
  }

  /**
   * Replaces everything on the canvas by a design; a large one in slices (`build`), awaiting
   * `pause()` (a later task) after each, so no task is long and the racks are styled
   * over several frames (issue 19). Resolves true when done; false when a later load
   * superseded it (it stops there). While it runs, `revision` is -1.
   */
  loadInSlices(design: Design, revision: number, pause = firstBuild.nextTask): Promise<boolean> {
    const load = ++this.loads
    this.revision = -1
    this.loading = true
    const sliced = design.hosts.length + design.links.length > LARGE ? pause : undefined
    return firstBuild.runInSlices(this.build(design, revision), sliced, () => load === this.loads)
  }

  /**
   * A first build, one slice per step (`first-build.ts`): the tiered layout; the definitions
   * with their boxes and the fitted view; the elements in chunks; uplinks and bundles; the
   * level-of-detail layer's structure.
   */
  private *build(design: Design, revision: number): Generator<void, void, void> {
    performance.mark('canvas:load:start')
    this.holdDrawing()
    this.revision = -1
    this.paint.stale = true
    this.design = design
    this.auto = autoPositions(design)
    yield
    const lazy = LazyHosts.wanted(design.hosts.length)
    const elements = firstBuild.prepareElements(this.cy, this.hosts, design, this.auto, lazy)
    yield
    const fit = firstBuild.placeBoxesAndFit(this.cy, this.hosts, elements, this.insets, FIT_PADDING)
    if (fit) this.cy.viewport(fit)
    this.updateDetail()
    const large = lazy || elements.length > LARGE
    if (large !== this.paint.compact) this.paint.stale = true
    this.paint.compact = large
    firstBuild.cheapViewportMoves(this.cy, large)
    yield
    yield* firstBuild.addInSlices(this.cy, elements)
    this.markUplinks()
    yield
    this.updateStructure()
    this.revision = revision
    this.loading = false
    this.releaseDrawing?.()
    this.releaseDrawing = undefined
    this.onDemand.schedule()
    this.facts?.schedule()
    performance.measure('canvas:load', 'canvas:load:start')
  }

  /**
   * Draws nothing (Cytoscape, the level-of-detail layer, the minimap) until the build ends:
   * a frame between its slices would draw everything added so far (`first-build.ts`). A
   * newer load keeps the hold of the one it supersedes.
   */
  private holdDrawing(): void {
    if (this.releaseDrawing) return
    const release = firstBuild.holdDrawing(this.cy)
    this.layer?.hold(true)
    this.minimap?.hold(true)
    this.releaseDrawing = () => {
      release()
      this.layer?.hold(false)
      this.minimap?.hold(false)
    }
  }

  /** Patches the canvas from one change: adds, updates (data, position, parent), removes. */
  applyChanges(changes: DesignChanges, design: Design, revision: number): void {
    if (applyDesignChanges(this.cy, changes, this.hosts, this.auto)) this.paint.stale = true
    this.design = design
    // links, or a member moved to another rack: uplink marks and bundles change
    const linked = (k: string): boolean => k === 'link' || k === 'host' || k === 'switch'
    if (changes.upserted.some((u) => linked(u.kind)) || changes.removed.length > 0)
      this.markUplinks()
    const structural = (k: string): boolean => k === 'rack' || k === 'zone' || k === 'host'
    if (changes.upserted.some((u) => structural(u.kind)) || changes.removed.length > 0)
      this.updateStructure()
    // an update rewrote the hosts' labels: put their instance counts back
    this.paint.repaint(
      new Set(changes.upserted.filter((u) => u.kind === 'host').map((u) => u.entity.id)),
    )
    if (changes.upserted.some((u) => u.kind === 'storage')) this.paint.repaintStorage()
    this.revision = revision
  }

  /** Marks elements with problems (a border) and tells how many each has. */
  setProblems(problems: readonly Problem[]): void {
    this.onDemand.problems = markProblems(this.cy, problems)
  }

  /** Storage systems coloured by load at the shown time (see storage-overlay.ts). */
  setStorageOverlay(overlay: ReadonlyMap<string, StorageOverlay>): void {
    this.paint.setStorage(overlay)
  }

  /** Links and rack bundles coloured by utilization at the shown time (see link-overlay.ts). */
  setLinkOverlay(overlay: LinkOverlay): void {
    this.paint.setLinks(overlay)
  }

  /** Host colouring and instance pies from placement and simulation (see overlay.ts). */
  setOverlay(overlay: ReadonlyMap<string, HostOverlay>): void {
    performance.mark('canvas:overlay:start')
    const rackMeans = this.paint.setOverlay(overlay, this.design)
    this.callbacks.onRackMeans?.(rackMeans)
    this.facts?.schedule()
    performance.measure('canvas:overlay', 'canvas:overlay:start')
  }

  /** Draws the migrations in flight as dashed arrows between hosts (on the canvas). */
  setMigrations(migrations: readonly MigrationMark[]): void {
    this.paint.setMigrations(migrations)
  }

  selection(): string[] {
    const cy = this.cy
    return [...this.selected].filter((id) => !cy.getElementById(id).hasClass('migration')).sort()
  }

  /** Selects exactly `ids` without echoing a selection callback. */
  setSelection(ids: readonly string[]): void {
    const want = new Set(ids)
    const have = this.selection()
    if (have.length === want.size && have.every((id) => want.has(id))) return
    this.onDemand.create(ids.map((id) => this.hosts.rackOf(id)))
    this.silentSelect = true
    this.cy.batch(() => {
      for (const id of [...this.selected]) this.cy.getElementById(id).unselect()
      for (const id of ids) this.cy.getElementById(id).select()
    })
    this.silentSelect = false
  }

  /** Starts drawing a link from a node (context menu "Connect…"). */
  startConnect(id: string): void {
    const n = this.cy.getElementById(id)
    if (n.nonempty() && n.isNode()) this.eh?.start(n)
  }

  setLinkMode(on: boolean): void {
    if (on) this.eh?.enableDrawMode()
    else this.eh?.disableDrawMode()
  }

  /**
   * Fits the whole drawing in the view with a margin of `padding` px (plus `insets`, e.g.
   * the minimap's corner), so every node and its label is inside and none is under the
   * minimap. Computed from the leaf nodes' positions and sizes: Cytoscape's own fit measures
   * every element with its label (seconds at thousands of nodes).
   */
  fit(padding = FIT_PADDING): void {
    const viewport = fitViewport(this.cy, this.insets, padding, this.hosts.ghosts())
    if (viewport) this.cy.viewport(viewport)
    this.updateDetail()
  }

  zoomBy(factor: number): void {
    const w = this.cy.width() / 2
    const h = this.cy.height() / 2
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: { x: w, y: h } })
  }

  /** Turns page coordinates into a model position (for drops from the palette). */
  modelPosition(clientX: number, clientY: number): Position {
    const rect = this.container?.getBoundingClientRect()
    const pan = this.cy.pan()
    const zoom = this.cy.zoom()
    return roundPos({
      x: (clientX - (rect?.left ?? 0) - pan.x) / zoom,
      y: (clientY - (rect?.top ?? 0) - pan.y) / zoom,
    })
  }

  /** Marks the rack under a dragged palette item. */
  highlightDropTarget(rackId: string | undefined): void {
    this.cy.nodes('.drop-target').removeClass('drop-target')
    if (rackId) this.cy.getElementById(rackId).addClass('drop-target')
  }

  /** Re-reads the theme colours (after a light/dark switch). */
  setTheme(): void {
    const colours = coloursFromCss(this.container)
    this.cy.style(canvasStyle(colours))
    this.layer?.setColours(colours)
  }

  /** 'racks' when zoomed out so far that racks show totals, else 'hosts'. */
  detail(): 'racks' | 'hosts' {
    return this.lod
  }

  /** Sets the zoom and centres on an element (or the current centre). */
  view(zoom: number, centreId?: string): void {
    this.cy.zoom(zoom)
    if (centreId) this.focus(centreId)
    else this.onDemand.inView()
  }

  /** Centres the view on an element (problems list, search), creating its rack's hosts. */
  focus(id: string): void {
    this.onDemand.focus(id)
  }

  /** Shows the minimap (every node as a dot, the view as a frame; click to pan) on `canvas`. */
  showMinimap(canvas: HTMLCanvasElement): void {
    this.minimap?.destroy()
    this.minimap = new Minimap(this.cy, canvas, () => this.hosts.ghosts())
    if (this.releaseDrawing) this.minimap.hold(true)
  }

  /** The whole drawing as a standalone SVG (`svg-export.ts`), never the selection. */
  svgPicture(options: PictureOptions = {}): SvgPicture {
    // every host, also of racks never zoomed into
    this.onDemand.create(this.hosts.pendingRacks())
    return drawCanvasSvg(this.cy, options)
  }

  destroy(): void {
    this.paint.destroy()
    this.onDemand.destroy()
    this.facts?.destroy()
    this.minimap?.destroy()
    this.minimap = undefined
    this.layer?.destroy()
    const wheelTarget = this.container?.parentElement ?? this.container
    if (this.onWheel) wheelTarget?.removeEventListener('wheel', this.onWheel, { capture: true })
    this.eh?.destroy()
    this.cy.destroy()
  }
}
