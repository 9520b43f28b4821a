/**
 * Types of the canvas test hook `window.__strataTest` (see test-hook.ts). Dependency-free so
 * the e2e page objects can import them.
 */

export interface NodeFact {
  id: string
  /** zone, rack, host, switch or storage. */
  kind: string
  parent?: string
  /** Model position (what the design stores). */
  position: { x: number; y: number }
  /** Position in canvas pixels (after zoom and pan). */
  rendered: { x: number; y: number }
  /** Position in page (viewport) pixels, for the real mouse. */
  client: { x: number; y: number }
  classes: string[]
  label: string
  /** Utilization 0..1 the canvas colours a host by (simulation time cursor). */
  utilization?: number
  /** Load 0..1 the canvas colours a storage system by (simulation time cursor). */
  storageLoad?: number
  /** Instances the canvas shows on a host, by tenant id. */
  instancesByTenant?: Record<string, number>
  /** The label's font size on screen (model size × zoom), px. */
  labelPx: number
  /**
   * Whether Cytoscape draws the label at this zoom: its font size at Cytoscape's texture level
   * (the zoom times the pixel ratio rounded up to a power of 2) reaches `min-zoomed-font-size`.
   */
  labelShown: boolean
  /** The fill colour Cytoscape paints the node with (CSS colour). */
  colour: string
}

/** What a rack's glyph shows (see rack-aggregates.ts). */
export interface RackTotalsFact {
  hosts: number
  up: number
  failed: number
  instances: number
  /** Mean utilization 0..1 (absent before a run). */
  utilization?: number
}

/** A label of the level-of-detail layer (halls, rows, racks) drawn in the last frame. */
export interface LabelFact {
  kind: 'hall' | 'row' | 'rack'
  /** Zone id, `zoneId/rowIndex`, or rack id. */
  id: string
  text: string
  /** Font size on screen, px. */
  fontPx: number
  /** Top-left corner and size of the text on the canvas, px. */
  x: number
  y: number
  width: number
  height: number
}

export interface EdgeFact {
  id: string
  kind: string
  source: string
  target: string
  classes: string[]
  /** A link's utilization at the shown time of a run with traffic, 0..1 (issue 17). */
  linkLoad?: number
}

export interface CanvasFacts {
  nodes: NodeFact[]
  edges: EdgeFact[]
  selection: string[]
  zoom: number
  pan: { x: number; y: number }
  /** Design revision the canvas last rendered. */
  revision: number
}

/** What tests reach through `window.__strataTest`. */
export interface StrataTestHook {
  /** True once the first design is on the canvas. */
  ready(): boolean
  facts(): CanvasFacts
  node(id: string): NodeFact | undefined
  /** Page coordinates of a node's centre, for `page.mouse`. */
  clientPosition(id: string): { x: number; y: number } | undefined
  nodeCount(): number
  /** The canvas zoom level (cheap, unlike `facts()`). */
  zoom(): number
  /** Hall, row and rack labels drawn over the canvas in the last frame. */
  labels(): LabelFact[]
  /** Link bundles (one per rack and neighbour) drawn in the last frame; 0 zoomed in. */
  bundles(): number
  /** Racks drawn as mosaics of their held hosts (not on the canvas) in the last frame. */
  mosaics(): number
  /** What the view shows: 'racks' (totals per rack) when zoomed out, else 'hosts'. */
  detail(): 'racks' | 'hosts'
  /** Fits the whole design in the view (as the toolbar's Fit). */
  fit(): void
  /** Nodes whose centre is inside the visible canvas (cheaper than `facts()` on big designs). */
  nodesInView(): NodeFact[]
  /** Per-rack totals the rack glyphs show, by rack id. */
  rackTotals(): Record<string, RackTotalsFact>
  /** When the first design was painted, ms since navigation start. */
  firstRenderMs(): number | undefined
  /** Design revision the canvas last rendered (cheap, unlike `facts()`). */
  revision(): number
  /** Sets the zoom level and centres on an element (or keeps the centre). */
  view(zoom: number, centreId?: string): void
  /**
   * Resolves with `performance.now()` at the first animation frame where node `id` is drawn
   * somewhere other than `from` (rendered px): for drag latency measurements.
   */
  waitForNodeMove(id: string, from: { x: number; y: number }): Promise<number>
}

declare global {
  interface Window {
    __strataTest?: StrataTestHook
  }
}
