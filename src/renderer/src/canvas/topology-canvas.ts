/**
 * The canvas adapter: owns the (non-reactive) Cytoscape instance, builds it from a design,
 * patches it from `design:changed` diffs, and reports user gestures (select, move, connect,
 * context menu) as callbacks. Components talk to this class, never to `cy`.
 */
import cytoscape, { type Core, type NodeSingular, type Position } from 'cytoscape'
import edgehandles, { type EdgeHandlesInstance } from 'cytoscape-edgehandles'
import type { DesignChanges, Problem } from '../../../shared/contract'
import type { Design } from '../../../shared/design/schema'
import { CANVAS_KINDS, type NodeKind } from '../drawing/drawn-kinds'
import type { HostOverlay } from '../drawing/host-overlay'
import type { StorageOverlay } from '../drawing/storage-overlay'
import { rackSlots } from '../drawing/tiered-layout'
import { autoPositions, designElements, edgeElement, isContainer, nodeElement } from './elements'
import { applyOverlay } from './overlay'
import { applyStorageOverlay } from './storage-overlay'
import { canvasStyle, coloursFromCss } from './style'
import { collectFacts, nodeFact, nodesInView } from './facts'
import { RackDropTracker, rackAtPosition } from './rack-drop'
import { RackLayer, RACK_LABEL_ZOOM } from './rack-layer'
import { rackAggregates } from './rack-aggregates'
import { ContainerCarrier, fitContainers, members } from './containers'
import { wheelZoomFactor } from './wheel'
import { Minimap } from './minimap'
import { drawCanvasSvg, type PictureOptions, type SvgPicture } from './svg-export'
import { fitViewport, markUplinks, type FitInsets } from './viewport'
import type { CanvasFacts, LabelFact, NodeFact, RackTotalsFact } from './test-hook-types'
import type { RackAggregate } from './rack-aggregates'

let registered = false
function registerExtensions(): void {
  if (registered) return
  cytoscape.use(edgehandles)
  registered = true
}

/** A position change the user made by dragging, with the rack the node was dropped into. */
export interface CanvasMove {
  id: string
  position: { x: number; y: number }
  rackId?: string | null
}

export interface CanvasCallbacks {
  onSelect?(ids: string[]): void
  onMove?(moves: CanvasMove[]): void
  onConnect?(sourceId: string, targetId: string): void
  onContextMenu?(target: { id?: string; kind?: string }, client: { x: number; y: number }): void
  onTapNode?(id: string, kind: string): void
  /** The view switched between totals per rack (zoomed out) and single hosts. */
  onDetail?(detail: 'racks' | 'hosts'): void
  /** How many hosts are coloured by their rack's mean (the run kept no per-host series). */
  onRackMeans?(hosts: number): void
}

const LINKABLE = new Set(['host', 'switch', 'storage'])
/** Above this many elements, the canvas trades detail for speed while panning and zooming. */
const LARGE = 1500

export class TopologyCanvas {
  /** Cytoscape itself: private, so nothing outside this adapter folder can reach it. */
  private readonly cy: Core
  private minimap: Minimap | undefined
  private readonly eh: EdgeHandlesInstance | undefined
  private pendingMoves = new Map<string, CanvasMove>()
  private readonly drops: RackDropTracker
  private flushScheduled = false
  private silentSelect = false
  revision = -1
  private overlay: ReadonlyMap<string, HostOverlay> = new Map()
  /** Set when nodes were rebuilt, so the next overlay is applied to every host. */
  private overlayStale = false
  private storageOverlay: ReadonlyMap<string, StorageOverlay> = new Map()
  /** Large designs show instances as a count and a tenant-coloured border, not pies. */
  private compact = false
  /** Positions of elements the design stores none for (undo of a first drag goes back here). */
  private auto: ReadonlyMap<string, Position> | undefined
  private design: Design | undefined
  private readonly layer: RackLayer | undefined
  private lod: 'racks' | 'hosts' = 'hosts'
  private totals: ReadonlyMap<string, RackAggregate> = new Map()
  private readonly carrier: ContainerCarrier
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
    if (!headless && container) {
      const layerCanvas = document.createElement('canvas')
      layerCanvas.className = 'rack-layer'
      layerCanvas.setAttribute('aria-hidden', 'true')
      layerCanvas.style.cssText =
        'position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none;z-index:5'
      container.appendChild(layerCanvas)
      this.layer = new RackLayer(this.cy, layerCanvas, colours)
      // our own wheel step (Cytoscape's is ~1 % per notch on a mouse); runs before Cytoscape's
      const wheelTarget = container.parentElement ?? container
      wheelTarget.addEventListener('wheel', this.onWheel, { capture: true, passive: false })
    }
    if (!headless) {
      this.eh = (this.cy as unknown as { edgehandles(o: object): EdgeHandlesInstance }).edgehandles(
        {
          canConnect: (s: NodeSingular, t: NodeSingular) =>
            !s.same(t) &&
            LINKABLE.has(String(s.data('kind'))) &&
            LINKABLE.has(String(t.data('kind'))),
          snap: false,
          hoverDelay: 50,
        },
      )
    }
    this.drops = new RackDropTracker(this.cy)
    this.carrier = new ContainerCarrier(this.cy)
    this.bindEvents()
  }

  private readonly onWheel = (event: WheelEvent): void => {
    if (!this.cy.userZoomingEnabled()) return
    event.preventDefault()
    event.stopPropagation()
    const rect = this.container?.getBoundingClientRect()
    const at = { x: event.clientX - (rect?.left ?? 0), y: event.clientY - (rect?.top ?? 0) }
    const factor = wheelZoomFactor(event.deltaY, event.deltaMode)
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: at })
  }

  /** Switches links between tiers to per-rack bundles when zoomed out (and back). */
  private updateDetail(): void {
    const lod = this.cy.zoom() < RACK_LABEL_ZOOM ? 'racks' : 'hosts'
    if (lod === this.lod) return
    this.lod = lod
    this.cy.batch(() => this.cy.edges('.uplink').toggleClass('bundled', lod === 'racks'))
    this.callbacks.onDetail?.(lod)
  }

  /** Marks links that leave a rack (drawn bundled per rack when zoomed out). */
  private markUplinks(): void {
    markUplinks(this.cy, this.lod === 'racks')
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
    this.updateAggregates()
  }

  private updateAggregates(): void {
    const d = this.design
    if (!this.layer || !d) return
    const members = d.hosts
      .filter((h) => h.rackId)
      .map((h) => ({ id: h.id, rackId: h.rackId as string, down: h.state !== 'up' }))
    this.totals = rackAggregates(members, this.overlay)
    this.layer.setAggregates(this.totals)
  }

  private bindEvents(): void {
    const cy = this.cy
    cy.on('zoom', () => this.updateDetail())
    cy.on('select unselect', () => {
      if (this.silentSelect) return
      queueMicrotask(() => this.callbacks.onSelect?.(this.selection()))
    })
    cy.on('grab', 'node', (event) => {
      const node = event.target as NodeSingular
      this.drops.grab(node)
      this.carrier.grab(node)
    })
    cy.on('drag', 'node', (event) => this.carrier.drag(event.target as NodeSingular))
    cy.on('dragfree', 'node', (event) => {
      this.queueMove(event.target as NodeSingular)
      this.carrier.release()
      fitContainers(cy)
    })
    cy.on('ehcomplete', (_event, ...extra: unknown[]) => {
      const [source, target, added] = extra as [NodeSingular, NodeSingular, cytoscape.EdgeSingular]
      added.remove()
      this.callbacks.onConnect?.(source.id(), target.id())
    })
    cy.on('cxttap', (event) => {
      const target = event.target as Core | NodeSingular
      const rect = this.container?.getBoundingClientRect()
      const rp = event.renderedPosition ?? { x: 0, y: 0 }
      const client = { x: (rect?.left ?? 0) + rp.x, y: (rect?.top ?? 0) + rp.y }
      if (target === cy) this.callbacks.onContextMenu?.({}, client)
      else {
        const el = target as NodeSingular
        if (!el.selected()) {
          cy.elements().unselect()
          el.select()
        }
        this.callbacks.onContextMenu?.({ id: el.id(), kind: String(el.data('kind')) }, client)
      }
    })
    cy.on('tap', 'node', (event) => {
      const n = event.target as NodeSingular
      this.callbacks.onTapNode?.(n.id(), String(n.data('kind')))
    })
  }

  /** Collects the nodes released by one drag gesture, then reports them in one move. */
  private queueMove(node: NodeSingular): void {
    const nodes = isContainer(node) ? [node, ...members(this.cy, node)] : [node]
    nodes.forEach((n) => {
      const kind = String(n.data('kind'))
      const move: CanvasMove = { id: n.id(), position: roundPos(n.position()) }
      if (n.same(node) && (kind === 'host' || kind === 'switch' || kind === 'storage')) {
        // into another rack, or out of its own onto the empty canvas
        const rackId = this.drops.target(n)
        if (rackId !== undefined) move.rackId = rackId
      }
      this.pendingMoves.set(n.id(), move)
    })
    if (this.flushScheduled) return
    this.flushScheduled = true
    setTimeout(() => {
      this.flushScheduled = false
      const moves = [...this.pendingMoves.values()]
      this.pendingMoves.clear()
      if (moves.length > 0) this.callbacks.onMove?.(moves)
    }, 0)
  }

  /** The rack whose box contains a model position (ignoring `self` and its own parent). */
  rackAt(position: Position, self?: NodeSingular): string | undefined {
    return rackAtPosition(this.cy, position, self)
  }

  /** Replaces everything on the canvas by a design. */
  load(design: Design, revision: number): void {
    performance.mark('canvas:load:start')
    this.overlayStale = true
    this.design = design
    this.auto = autoPositions(design)
    this.cy.batch(() => {
      this.cy.elements().remove()
      this.cy.add(designElements(design, this.auto))
    })
    fitContainers(this.cy)
    this.markUplinks()
    this.updateStructure()
    const large = this.cy.elements().length > LARGE
    if (large !== this.compact) this.overlayStale = true
    this.compact = large
    // the canvas renderer reads these flags on every frame: cheap pans and zooms when large
    const r = (this.cy as unknown as { renderer(): Record<string, unknown> | undefined }).renderer()
    if (r) {
      r.textureOnViewport = large
      r.hideEdgesOnViewport = large
    }
    this.revision = revision
    this.fit()
    performance.measure('canvas:load', 'canvas:load:start')
  }

  /** Patches the canvas from one change: adds, updates (data, position, parent), removes. */
  applyChanges(changes: DesignChanges, design: Design, revision: number): void {
    const cy = this.cy
    cy.batch(() => {
      for (const id of changes.removed) {
        cy.getElementById(id).remove()
      }
      const upserts = changes.upserted.filter((u) => CANVAS_KINDS.has(u.kind))
      // containers first so children find their parent
      const order = ['zone', 'rack', 'host', 'switch', 'storage', 'link']
      upserts.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
      for (const { kind, entity } of upserts) {
        const raw = entity as { id: string } & Record<string, unknown>
        if (kind === 'link') {
          cy.getElementById(raw.id).remove()
          if (cy.getElementById(String(raw.sourceId)).nonempty())
            if (cy.getElementById(String(raw.targetId)).nonempty()) cy.add(edgeElement(raw))
          continue
        }
        const def = nodeElement(kind as NodeKind, raw, cy.nodes().length, this.auto)
        const container = def.data.container as string | undefined
        if (container && cy.getElementById(container).empty()) delete def.data.container
        const el = cy.getElementById(raw.id)
        if (el.empty()) {
          cy.add(def)
          this.overlayStale = true
          continue
        }
        // into another rack or out of any: only the data says where a node is drawn
        if (def.data.container === undefined && el.data('container') !== undefined)
          el.removeData('container')
        const box = isContainer(el)
        if (box) {
          // a box keeps its size; fitContainers sizes it from its members below
          delete def.data.w
          delete def.data.h
        }
        el.data(def.data)
        // no stored position (undo of the first drag of a laid-out node): back to the layout's
        if ((!box || raw.position) && (raw.position || this.auto?.has(raw.id)))
          el.position(def.position as Position)
      }
      fitContainers(cy)
    })
    this.design = design
    if (changes.upserted.some((u) => u.kind === 'link') || changes.removed.length > 0)
      this.markUplinks()
    const structural = (k: string): boolean => k === 'rack' || k === 'zone' || k === 'host'
    if (changes.upserted.some((u) => structural(u.kind)) || changes.removed.length > 0)
      this.updateStructure()
    // an update rewrote the hosts' labels: put their instance counts back
    const hosts = new Set(changes.upserted.filter((u) => u.kind === 'host').map((u) => u.entity.id))
    if (hosts.size > 0 && this.overlay.size > 0)
      applyOverlay(cy, this.overlay, undefined, true, hosts)
    if (this.storageOverlay.size > 0 && changes.upserted.some((u) => u.kind === 'storage'))
      applyStorageOverlay(cy, this.storageOverlay)
    this.revision = revision
  }

  /** Marks elements with problems (a border) and tells how many each has. */
  setProblems(problems: readonly Problem[]): void {
    const errors = new Set<string>()
    const warnings = new Set<string>()
    for (const p of problems) {
      if (!p.elementId) continue
      ;(p.severity === 'error' ? errors : warnings).add(p.elementId)
    }
    this.cy.batch(() => {
      this.cy.elements('.has-error, .has-warning').removeClass('has-error has-warning')
      for (const id of errors) this.cy.getElementById(id).addClass('has-error')
      for (const id of warnings) this.cy.getElementById(id).addClass('has-warning')
    })
  }

  /** Storage systems coloured by load at the shown time (see storage-overlay.ts). */
  setStorageOverlay(overlay: ReadonlyMap<string, StorageOverlay>): void {
    this.storageOverlay = overlay
    applyStorageOverlay(this.cy, overlay)
  }

  /** Host colouring and instance pies from placement and simulation (see overlay.ts). */
  setOverlay(overlay: ReadonlyMap<string, HostOverlay>): void {
    performance.mark('canvas:overlay:start')
    applyOverlay(this.cy, overlay, this.overlay, this.overlayStale, undefined, this.compact)
    this.overlay = overlay
    this.overlayStale = false
    this.updateAggregates()
    let rackMeans = 0
    for (const o of overlay.values()) if (o.rackMean) rackMeans++
    this.callbacks.onRackMeans?.(rackMeans)
    performance.measure('canvas:overlay', 'canvas:overlay:start')
  }

  /** Draws the migrations in flight as dashed arrows between hosts. */
  setMigrations(migrations: ReadonlyArray<{ id: string; from: string; to: string }>): void {
    this.cy.batch(() => {
      this.cy.edges('.migration').remove()
      for (const m of migrations.slice(0, 200)) {
        if (this.cy.getElementById(m.from).empty() || this.cy.getElementById(m.to).empty()) continue
        this.cy.add({
          group: 'edges',
          data: { id: `migration:${m.id}`, source: m.from, target: m.to, kind: 'migration' },
          classes: 'migration',
          selectable: false,
        })
      }
    })
  }

  selection(): string[] {
    return this.cy
      .$(':selected')
      .filter((e) => !e.hasClass('migration'))
      .map((e) => e.id())
      .sort()
  }

  /** Selects exactly `ids` without echoing a selection callback. */
  setSelection(ids: readonly string[]): void {
    const want = new Set(ids)
    const have = this.selection()
    if (have.length === want.size && have.every((id) => want.has(id))) return
    this.silentSelect = true
    this.cy.batch(() => {
      this.cy.$(':selected').unselect()
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
  fit(padding = 40): void {
    const viewport = fitViewport(this.cy, this.insets, padding)
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

  /** Labels the level-of-detail layer drew in its last frame (test hook). */
  labels(): LabelFact[] {
    return this.layer?.labels() ?? []
  }

  /** 'racks' when zoomed out so far that racks show totals, else 'hosts'. */
  detail(): 'racks' | 'hosts' {
    return this.lod
  }

  /** Sets the zoom and centres on an element (or the current centre). */
  view(zoom: number, centreId?: string): void {
    this.cy.zoom(zoom)
    const el = centreId ? this.cy.getElementById(centreId) : undefined
    if (el?.nonempty()) this.cy.center(el)
  }

  /** Centres the view on an element (problems list, search). */
  focus(id: string): void {
    const el = this.cy.getElementById(id)
    if (el.nonempty()) this.cy.center(el)
  }

  resize(): void {
    this.cy.resize()
  }

  facts(): CanvasFacts {
    return collectFacts(this.cy, this.container, this.revision)
  }

  /** Facts of the nodes whose centre is inside the visible canvas. */
  nodesInView(): NodeFact[] {
    return nodesInView(this.cy, this.container)
  }

  /** What each rack's glyph shows. */
  rackTotals(): Record<string, RackTotalsFact> {
    const out: Record<string, RackTotalsFact> = {}
    for (const [id, a] of this.totals) {
      const { hosts, up, failed, instances, utilization } = a
      out[id] = {
        hosts,
        up,
        failed,
        instances,
        ...(utilization !== undefined ? { utilization } : {}),
      }
    }
    return out
  }

  node(id: string): NodeFact | undefined {
    const n = this.cy.getElementById(id)
    return n.nonempty() && n.isNode() ? nodeFact(n, this.container) : undefined
  }

  /** Shows the minimap (every node as a dot, the view as a frame; click to pan) on `canvas`. */
  showMinimap(canvas: HTMLCanvasElement): void {
    this.minimap?.destroy()
    this.minimap = new Minimap(this.cy, canvas)
  }

  /** Number of nodes drawn (zones, racks, hosts, switches, storage). */
  nodeCount(): number {
    return this.cy.nodes().length
  }

  /** The current zoom level (1 = model px on screen px). */
  zoomLevel(): number {
    return this.cy.zoom()
  }

  /** The whole drawing as a standalone SVG (`svg-export.ts`), never the selection. */
  svgPicture(options: PictureOptions = {}): SvgPicture {
    return drawCanvasSvg(this.cy, options)
  }

  destroy(): void {
    this.minimap?.destroy()
    this.minimap = undefined
    this.layer?.destroy()
    ;(this.container?.parentElement ?? this.container)?.removeEventListener('wheel', this.onWheel, {
      capture: true,
    })
    this.eh?.destroy()
    this.cy.destroy()
  }
}

function roundPos(p: Position): { x: number; y: number } {
  return { x: Math.round(p.x), y: Math.round(p.y) }
}
