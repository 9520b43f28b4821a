/**
 * The canvas adapter: owns the (non-reactive) Cytoscape instance, builds it from a design,
 * patches it from `design:changed` diffs, and reports user gestures (select, move, connect,
 * context menu) as callbacks. Components talk to this class, never to `cy`.
 */
import type { Core, NodeSingular, Position } from 'cytoscape'
import type { DesignChanges, ProblemElements } from '../../../shared/contract'
import type { Design } from '../../../shared/design/schema'
import type { HostOverlay } from '../drawing/host-overlay'
import type { StorageOverlay } from '../drawing/storage-overlay'
import { applyDesignChanges } from './apply-changes'
import { LazyHosts, type GhostPoint } from './lazy-hosts'
import { HostsOnDemand } from './hosts-on-demand'
import { afterNextFrame } from './overlay-slices'
import { CanvasPaint } from './canvas-paint'
import type { LinkOverlay } from '../drawing/link-overlay'
import { canvasStyle, coloursFromCss } from './style'
import { bindWheel, createCy } from './canvas-setup'
import { DrawingHold } from './drawing-hold'
import { SelectionTracker } from './selection-tracker'
import { ViewFactsReporter } from './view-facts'
import { CanvasProbe } from './facts'
import { markProblems, type MigrationMark } from './marks'
import { RackDropTracker, rackAtPosition } from './rack-drop'
import { RackLayer } from './rack-layer'
import { LevelOfDetail } from './level-of-detail'
import { ContainerCarrier } from './containers'
import * as firstBuild from './first-build'
import { bindGestures, LinkDrawing, registerExtensions, type CanvasCallbacks } from './gestures'
import { Minimap } from './minimap'
import { viewGesture } from './view-gesture'
import { drawCanvasSvg, type PictureOptions, type SvgPicture } from './svg-export'
import { fitViewport, modelPosition, zoomAboutCentre, type FitInsets } from './viewport'

export type { CanvasCallbacks, CanvasMove } from './gestures'

/** Margin fit keeps around the drawing, px. */
const FIT_PADDING = 40

export class TopologyCanvas {
  /** Cytoscape itself: private, so nothing outside this adapter folder can reach it. */
  private readonly cy: Core
  private minimap: Minimap | undefined
  private readonly links: LinkDrawing | undefined
  private readonly drops: RackDropTracker
  private readonly selected: SelectionTracker
  /** The design, laid-out positions and revision shown (`first-build.ts`). */
  private readonly state: firstBuild.CanvasState = {
    design: undefined,
    auto: undefined,
    revision: -1,
    loading: false,
  }
  private readonly loader: firstBuild.CanvasLoader
  /** Holds Cytoscape, its layer and the minimap during a first build. */
  private readonly drawing: DrawingHold
  /** Host and storage overlays, rack totals (`canvas-paint.ts`). */
  private readonly paint: CanvasPaint
  private readonly layer: RackLayer | undefined
  private readonly lod: LevelOfDetail
  private readonly carrier: ContainerCarrier
  private unbindWheel: (() => void) | undefined
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
    this.cy = createCy(container, headless, colours, options.webgl)
    if (!headless && container) {
      this.layer = RackLayer.over(this.cy, container, colours)
      this.unbindWheel = bindWheel(this.cy, container)
    }
    this.drawing = new DrawingHold(this.cy, this.layer, () => this.minimap)
    this.selected = new SelectionTracker(this.cy, (ids) => this.callbacks.onSelect?.(ids))
    if (!headless) this.links = new LinkDrawing(this.cy)
    this.hosts = new LazyHosts(this.cy)
    const paint = (this.paint = new CanvasPaint(
      this.cy,
      this.layer,
      !headless,
      (id) => this.hosts.rackOf(id),
      (ids) => this.callbacks.onHostsInView?.(ids),
    ))
    this.lod = new LevelOfDetail(this.cy, this.layer, paint, (d) => callbacks.onDetail?.(d))
    this.layer?.setHeldMembers({
      of: (rackId) => this.hosts.heldBy(rackId),
      created: (rackId) => this.hosts.isCreated(rackId),
      overlay: (id) => paint.overlay.get(id),
    })
    this.onDemand = new HostsOnDemand(
      this.cy,
      this.hosts,
      paint,
      this.lod,
      () => {
        paint.membersChanged()
        this.facts?.schedule()
      },
      headless ? {} : { later: afterNextFrame },
    )
    const onView = callbacks.onView
    if (!headless && onView)
      this.facts = new ViewFactsReporter(this.cy, () => paint.overlay, onView)
    this.drops = new RackDropTracker(this.cy)
    this.carrier = new ContainerCarrier(this.cy, this.hosts)
    this.probe = new CanvasProbe(this.cy, container, this.layer, {
      revision: () => this.revision,
      totals: () => paint.totals,
    })
    const { cy, hosts, drawing, lod: detail, state } = this
    const settled = (): void => {
      this.onDemand.schedule()
      this.facts?.schedule()
    }
    const target = { cy, hosts, paint, drawing, detail, state, settled, insets: () => this.insets }
    this.loader = new firstBuild.CanvasLoader(target, FIT_PADDING)
    // not in the middle of a wheel or minimap gesture (its frames show the last drawing moved)
    const gesture = viewGesture(cy)
    cy.on('zoom', () => {
      if (!gesture.moving) this.lod.update()
    })
    gesture.onSettled(() => this.lod.update())
    cy.on('viewport', () => {
      if (!this.state.loading) this.onDemand.schedule()
    })
    const ghosts = (): GhostPoint[] => this.hosts.ghosts()
    const { drops, carrier } = this
    bindGestures(cy, { container, callbacks, drops, carrier, ghosts })
  }

  /** The design revision shown; -1 while a build runs. */
  get revision(): number {
    return this.state.revision
  }

  /** Whether a build is under way (no hosts are created on demand meanwhile). */
  get loading(): boolean {
    return this.state.loading
  }

  /** The rack whose box contains a model position (ignoring `self` and its own parent). */
  rackAt(position: Position, self?: NodeSingular): string | undefined {
    return rackAtPosition(this.cy, position, self)
  }

  /** Replaces everything on the canvas by a design, at once (headless use, tests). */
  load(design: Design, revision: number): void {
    this.loader.load(design, revision)
  }

  /**
   * Replaces everything on the canvas by a design; a large one in slices (`first-build.ts`),
   * awaiting `pause()` (a later task) after each, so no task is long and the racks are styled
   * over several frames (issue 19). Resolves true when done; false when a later load
   * superseded it (it stops there). While it runs, `revision` is -1.
   */
  loadInSlices(design: Design, revision: number, pause = firstBuild.nextTask): Promise<boolean> {
    return this.loader.inSlices(design, revision, pause)
  }

  /** Patches the canvas from one change: adds, updates (data, position, parent), removes. */
  applyChanges(changes: DesignChanges, design: Design, revision: number): void {
    if (applyDesignChanges(this.cy, changes, this.hosts, this.state.auto)) this.paint.stale = true
    this.state.design = design
    this.lod.changed(changes, design)
    // an update rewrote the hosts' labels: put their instance counts back
    this.paint.repaint(
      new Set(changes.upserted.filter((u) => u.kind === 'host').map((u) => u.entity.id)),
    )
    if (changes.upserted.some((u) => u.kind === 'storage')) this.paint.repaintStorage()
    this.state.revision = revision
  }

  /** Marks elements with problems (a border) and tells how many each has. */
  setProblems(elements: ProblemElements): void {
    this.onDemand.problems = markProblems(this.cy, elements)
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
    const rackMeans = this.paint.setOverlay(overlay, this.state.design)
    this.callbacks.onRackMeans?.(rackMeans)
    this.facts?.schedule()
    performance.measure('canvas:overlay', 'canvas:overlay:start')
  }

  /** Draws the migrations in flight as dashed arrows between hosts (on the canvas). */
  setMigrations(migrations: readonly MigrationMark[]): void {
    this.paint.setMigrations(migrations)
  }

  /** The selected ids, sorted. */
  selection(): string[] {
    return this.selected.list()
  }

  /** Selects exactly `ids` (creating their racks' hosts) without echoing a selection callback. */
  setSelection(ids: readonly string[]): void {
    this.selected.set(ids, () => this.onDemand.create(ids.map((id) => this.hosts.rackOf(id))))
  }

  /** Starts drawing a link from a node (context menu "Connect…"). */
  startConnect(id: string): void {
    this.links?.start(id)
  }

  /** Link mode (toolbar): dragging from any node draws a link. */
  setLinkMode(on: boolean): void {
    this.links?.drawMode(on)
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
    this.lod.update()
  }

  /** Zooms by `factor` about the view's centre (toolbar + / −). */
  zoomBy(factor: number): void {
    zoomAboutCentre(this.cy, factor)
  }

  /** Turns page coordinates into a model position (for drops from the palette). */
  modelPosition(clientX: number, clientY: number): Position {
    return modelPosition(this.cy, this.container, clientX, clientY)
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
    return this.lod.detail
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
    if (this.drawing.on) this.minimap.hold(true)
  }

  /** The whole drawing as a standalone SVG (`svg-export.ts`), never the selection. */
  svgPicture(options: PictureOptions = {}): SvgPicture {
    // every host, also of racks never zoomed into
    this.onDemand.create(this.hosts.pendingRacks())
    // a large design's host overlay is painted by the layer: the picture draws from styles
    this.paint.styleForPicture()
    return drawCanvasSvg(this.cy, options)
  }

  destroy(): void {
    viewGesture(this.cy).destroy()
    this.paint.destroy()
    this.onDemand.destroy()
    this.facts?.destroy()
    this.minimap?.destroy()
    this.minimap = undefined
    this.layer?.destroy()
    this.unbindWheel?.()
    this.links?.destroy()
    this.cy.destroy()
  }
}
