/** Canvas facts for the test hook and tests: what is drawn where, read from Cytoscape. */
import type { Core, NodeSingular } from 'cytoscape'
import type { CanvasFacts, EdgeFact, LabelFact, NodeFact, RackTotalsFact } from './test-hook-types'
import type { RackAggregate } from './rack-aggregates'
import { cssRgb, type HostMark } from './overlay-layer'
import type { HostOverlay } from '../drawing/host-overlay'

/** The overlay the level-of-detail layer paints on a host, and how (large designs). */
export type PaintedHost = (
  id: string,
  state: unknown,
) => { overlay: HostOverlay; mark: HostMark } | undefined

export function nodeFact(
  n: NodeSingular,
  container: HTMLElement | undefined,
  painted?: PaintedHost,
): NodeFact {
  const p = n.position()
  const r = n.renderedPosition()
  const rect = container?.getBoundingClientRect()
  const fact: NodeFact = {
    id: n.id(),
    kind: String(n.data('kind')),
    position: { x: p.x, y: p.y },
    rendered: { x: r.x, y: r.y },
    client: { x: (rect?.left ?? 0) + r.x, y: (rect?.top ?? 0) + r.y },
    classes: n.classes(),
    label: String(n.data('label') ?? ''),
    labelPx: 0,
    labelShown: false,
    colour: String(n.style('background-color')),
  }
  // the style's numbers (px in model units) times the zoom: what the eye gets on screen
  const fontPx = parseFloat(String(n.style('font-size'))) * n.cy().zoom()
  fact.labelPx = Number.isFinite(fontPx) ? fontPx : 0
  // Cytoscape judges the minimum on its texture level, the zoom (times the pixel ratio)
  // rounded up to a power of 2, not on the zoom (`eleTextBiggerThanMin`, cytoscape 3.34)
  const minPx = parseFloat(String(n.style('min-zoomed-font-size'))) || 0
  const modelPx = parseFloat(String(n.style('font-size')))
  const ratio = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1
  const levelPx = modelPx * 2 ** Math.ceil(Math.log2(n.cy().zoom() * ratio))
  fact.labelShown = fact.label !== '' && levelPx >= minPx && n.visible()
  const utilization = n.data('utilization') as number | undefined
  if (utilization !== undefined) fact.utilization = utilization
  const load = n.data('storageLoad') as number | undefined
  if (load !== undefined) fact.storageLoad = load
  const box = n.data('container') as string | undefined
  if (box) fact.parent = box
  const byTenant = n.data('instancesByTenant') as Record<string, number> | undefined
  if (byTenant) fact.instancesByTenant = { ...byTenant }
  // a large design's hosts: what the layer paints over the node (`overlay-layer.ts`)
  const layer = fact.kind === 'host' ? painted?.(fact.id, n.data('state')) : undefined
  if (layer) {
    const { overlay, mark } = layer
    fact.colour = cssRgb(mark.fill)
    if (overlay.utilization !== undefined) fact.utilization = overlay.utilization
    else delete fact.utilization
    const instances = overlay.instances ?? []
    if (instances.length > 0)
      fact.instancesByTenant = Object.fromEntries(instances.map((i) => [i.tenantId, i.count]))
  }
  return fact
}

export function collectFacts(
  cy: Core,
  container: HTMLElement | undefined,
  revision: number,
  painted?: PaintedHost,
): CanvasFacts {
  return {
    nodes: cy.nodes().map((n) => nodeFact(n, container, painted)),
    // bundles stand for links while zoomed out; facts list the design's links
    edges: cy.edges('[kind != "bundle"]').map((e) => {
      const fact: EdgeFact = {
        id: e.id(),
        kind: String(e.data('kind')),
        source: e.source().id(),
        target: e.target().id(),
        classes: e.classes(),
      }
      const load = e.data('linkLoad') as number | undefined
      if (load !== undefined) fact.linkLoad = load
      return fact
    }),
    selection: cy
      .$(':selected')
      .map((e) => e.id())
      .sort(),
    zoom: cy.zoom(),
    pan: { ...cy.pan() },
    revision,
  }
}

/** Facts of the nodes whose centre is inside the visible canvas. */
export function nodesInView(
  cy: Core,
  container: HTMLElement | undefined,
  painted?: PaintedHost,
): NodeFact[] {
  const e = cy.extent()
  return cy
    .nodes()
    .filter((n) => {
      const p = n.position()
      return p.x >= e.x1 && p.x <= e.x2 && p.y >= e.y1 && p.y <= e.y2
    })
    .map((n) => nodeFact(n as NodeSingular, container, painted))
}

/** What each rack's glyph shows, for the test hook. */
export function rackTotalsFacts(
  totals: ReadonlyMap<string, RackAggregate>,
): Record<string, RackTotalsFact> {
  const out: Record<string, RackTotalsFact> = {}
  for (const [id, a] of totals) {
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

/** What the level-of-detail layer drew in its last frame. */
interface DrawnLayer {
  labels(): LabelFact[]
  bundlesDrawn(): number
  mosaicsDrawn(): number
  paintedHost: PaintedHost
}

/**
 * What a canvas shows, read for the test hook and tests (`TopologyCanvas.probe`): nodes and
 * edges with their screen positions and styles, the layer's labels and bundles, rack totals.
 */
export class CanvasProbe {
  constructor(
    private readonly cy: Core,
    private readonly container: HTMLElement | undefined,
    private readonly layer: DrawnLayer | undefined,
    private readonly state: {
      revision(): number
      totals(): ReadonlyMap<string, RackAggregate>
    },
  ) {}

  private readonly painted: PaintedHost = (id, state) => this.layer?.paintedHost(id, state)

  facts(): CanvasFacts {
    return collectFacts(this.cy, this.container, this.state.revision(), this.painted)
  }

  node(id: string): NodeFact | undefined {
    const n = this.cy.getElementById(id)
    return n.nonempty() && n.isNode() ? nodeFact(n, this.container, this.painted) : undefined
  }

  /** Facts of the nodes whose centre is inside the visible canvas. */
  nodesInView(): NodeFact[] {
    return nodesInView(this.cy, this.container, this.painted)
  }

  /** What each rack's glyph shows. */
  rackTotals(): Record<string, RackTotalsFact> {
    return rackTotalsFacts(this.state.totals())
  }

  /** Labels the level-of-detail layer drew in its last frame. */
  labels(): LabelFact[] {
    return this.layer?.labels() ?? []
  }

  /** Link bundles the level-of-detail layer drew in its last frame. */
  bundlesDrawn(): number {
    return this.layer?.bundlesDrawn() ?? 0
  }

  /** Racks the level-of-detail layer drew as mosaics (hosts off the canvas) in its last frame. */
  mosaicsDrawn(): number {
    return this.layer?.mosaicsDrawn() ?? 0
  }

  /** Number of nodes drawn (zones, racks, hosts, switches, storage). */
  nodeCount(): number {
    return this.cy.nodes().length
  }

  /** The current zoom level (1 = model px on screen px). */
  zoomLevel(): number {
    return this.cy.zoom()
  }
}
