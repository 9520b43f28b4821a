/**
 * The canvas's user gestures: grab, drag and drop of nodes (and of a rack with its members),
 * links drawn with the edge handles, context menus and taps, reported to the adapter's
 * callbacks. Moves released by one drag gesture are reported together, once.
 */
import type { ViewFacts } from './view-facts'
import cytoscape, {
  type Core,
  type EdgeSingular,
  type NodeSingular,
  type Position,
} from 'cytoscape'
import edgehandles, { type EdgeHandlesInstance } from 'cytoscape-edgehandles'
import { isContainer } from './elements'
import { fitContainers, members, type ContainerCarrier } from './containers'
import type { RackDropTracker } from './rack-drop'
import type { GhostPoint } from './lazy-hosts'

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
  /** Hosts in view that show their rack's mean: their own series may be fetched (issue 19). */
  onHostsInView?(hostIds: string[]): void
  /** What the view shows once it settles (racks as totals, hosts drawn and coloured). */
  onView?(facts: ViewFacts): void
}

/** What the gestures need from the canvas adapter. */
export interface GestureContext {
  container: HTMLElement | undefined
  callbacks: CanvasCallbacks
  drops: RackDropTracker
  carrier: ContainerCarrier
  /** Members not on the canvas (their racks' boxes are sized around them too). */
  ghosts(): readonly GhostPoint[]
}

/** Binds drag, drop, connect, context-menu and tap handlers to `cy`. */
export function bindGestures(cy: Core, g: GestureContext): void {
  const pendingMoves = new Map<string, CanvasMove>()
  let flushScheduled = false
  /** Collects the nodes released by one drag gesture, then reports them in one move. */
  const queueMove = (node: NodeSingular, held: readonly CanvasMove[] = []): void => {
    for (const m of held) pendingMoves.set(m.id, m)
    const nodes = isContainer(node) ? [node, ...members(cy, node)] : [node]
    nodes.forEach((n) => {
      const kind = String(n.data('kind'))
      const move: CanvasMove = { id: n.id(), position: roundPos(n.position()) }
      if (n.same(node) && (kind === 'host' || kind === 'switch' || kind === 'storage')) {
        // into another rack, or out of its own onto the empty canvas
        const rackId = g.drops.target(n)
        if (rackId !== undefined) move.rackId = rackId
      }
      pendingMoves.set(n.id(), move)
    })
    if (flushScheduled) return
    flushScheduled = true
    setTimeout(() => {
      flushScheduled = false
      const moves = [...pendingMoves.values()]
      pendingMoves.clear()
      if (moves.length > 0) g.callbacks.onMove?.(moves)
    }, 0)
  }
  cy.on('grab', 'node', (event) => {
    const node = event.target as NodeSingular
    g.drops.grab(node)
    g.carrier.grab(node)
  })
  cy.on('drag', 'node', (event) => g.carrier.drag(event.target as NodeSingular))
  cy.on('dragfree', 'node', (event) => {
    const node = event.target as NodeSingular
    queueMove(node, g.carrier.dropHeld(node))
    g.carrier.release()
    fitContainers(cy, g.ghosts())
  })
  cy.on('ehcomplete', (_event, ...extra: unknown[]) => {
    const [source, target, added] = extra as [NodeSingular, NodeSingular, EdgeSingular]
    added.remove()
    g.callbacks.onConnect?.(source.id(), target.id())
  })
  cy.on('cxttap', (event) => {
    const target = event.target as Core | NodeSingular
    const rect = g.container?.getBoundingClientRect()
    const rp = event.renderedPosition ?? { x: 0, y: 0 }
    const client = { x: (rect?.left ?? 0) + rp.x, y: (rect?.top ?? 0) + rp.y }
    if (target === cy) g.callbacks.onContextMenu?.({}, client)
    else {
      const el = target as NodeSingular
      if (!el.selected()) {
        cy.elements().unselect()
        el.select()
      }
      g.callbacks.onContextMenu?.({ id: el.id(), kind: String(el.data('kind')) }, client)
    }
  })
  cy.on('tap', 'node', (event) => {
    const n = event.target as NodeSingular
    g.callbacks.onTapNode?.(n.id(), String(n.data('kind')))
  })
}

let registered = false
/** Registers the Cytoscape extensions the canvas uses (edge handles), once. */
export function registerExtensions(): void {
  if (registered) return
  cytoscape.use(edgehandles)
  registered = true
}

const LINKABLE = new Set(['host', 'switch', 'storage'])
const linkable = (n: NodeSingular): boolean => LINKABLE.has(String(n.data('kind')))

/** Edge handles for drawing a link between two hosts, switches or storage systems. */
export function edgeHandles(cy: Core): EdgeHandlesInstance {
  return (cy as unknown as { edgehandles(o: object): EdgeHandlesInstance }).edgehandles({
    canConnect: (s: NodeSingular, t: NodeSingular) => !s.same(t) && linkable(s) && linkable(t),
    snap: false,
    hoverDelay: 50,
  })
}

/** Drawing links with the edge handles: from a node (context menu), or in draw mode. */
export class LinkDrawing {
  private readonly eh: EdgeHandlesInstance

  constructor(private readonly cy: Core) {
    this.eh = edgeHandles(cy)
  }

  /** Starts a link from node `id` (nothing when it is not a node on the canvas). */
  start(id: string): void {
    const n = this.cy.getElementById(id)
    if (n.nonempty() && n.isNode()) this.eh.start(n)
  }

  /** Draw mode: dragging from any node draws a link. */
  drawMode(on: boolean): void {
    if (on) this.eh.enableDrawMode()
    else this.eh.disableDrawMode()
  }

  destroy(): void {
    this.eh.destroy()
  }
}

/** A model position rounded to whole px (what the design stores). */
export function roundPos(p: Position): { x: number; y: number } {
  return { x: Math.round(p.x), y: Math.round(p.y) }
}
