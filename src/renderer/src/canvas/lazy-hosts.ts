/**
 * Hosts on demand (issue 19): in a design with more than LAZY_HOSTS hosts, a rack's members
 * (hosts, and its switches and storage: a top-of-rack switch and its uplinks are as many
 * elements again) and their links are Cytoscape elements only while the rack has been zoomed
 * into. Until then the rack is its box and its glyph (drawn by the level-of-detail layer), so
 * the first frame styles and measures a few hundred elements, not tens of thousands. Created
 * racks are released again (oldest out of view first) when more than CREATED_HOSTS_BUDGET
 * hosts are on the canvas.
 */
import type { Core, ElementDefinition, Position } from 'cytoscape'

/**
 * Designs with more hosts than this create hosts per rack, on demand. Built at once, every
 * host with its links and labels costs the first build about 0.8 ms of CPU in one task
 * (`npm run bench -- canvas`, renderer CPU to the first frame: 390 / 460 / 540 ms at 100 /
 * 200 / 300 hosts, ~300 ms of it the page's start): past about a hundred hosts that task
 * alone passes 100 ms (it was 286 ms at 2,000 hosts, the sliced build's final frame), while
 * on demand only the racks in view get hosts, created in slices (`hosts-on-demand.ts`).
 */
export const LAZY_HOSTS = 100
/**
 * Hosts kept on the canvas before racks out of view are released: every host on the canvas
 * is restyled when an overlay (placement, simulation frame) changes, and hit-tested on click.
 */
export const CREATED_HOSTS_BUDGET = 1200

/** Kinds of nodes a rack holds back with its hosts. */
const MEMBER_KINDS = new Set(['host', 'switch', 'storage'])

type Pending = { nodes: ElementDefinition[]; edges: ElementDefinition[] }

/** A member position of a rack whose hosts are not on the canvas (sizes its box, fit, minimap). */
export interface GhostPoint {
  rackId: string
  position: Position
}

export class LazyHosts {
  /** Racks whose hosts are not on the canvas, with their element definitions. */
  private readonly pending = new Map<string, Pending>()
  /** Id of every pending node or edge -> the rack holding it. */
  private readonly where = new Map<string, string>()
  /** Racks whose hosts are on the canvas, oldest first. */
  private readonly created = new Set<string>()
  private ghostCache: GhostPoint[] | undefined
  private lazy = false

  constructor(private readonly cy: Core) {}

  /** Whether a design of `hosts` hosts creates them on demand. */
  static wanted(hosts: number): boolean {
    return hosts > LAZY_HOSTS
  }

  /**
   * Keeps every member of a rack (and its links) for later; returns the elements to add now.
   * With `lazy` false, clears the store and returns `elements` unchanged.
   */
  split(elements: ElementDefinition[], lazy: boolean): ElementDefinition[] {
    this.pending.clear()
    this.where.clear()
    this.created.clear()
    this.ghostCache = undefined
    this.lazy = lazy
    if (!lazy) return elements
    const now: ElementDefinition[] = []
    const racks = new Set(
      elements.filter((el) => el.data.kind === 'rack').map((el) => String(el.data.id)),
    )
    for (const el of elements) {
      const rack = el.data.container as string | undefined
      if (el.group === 'nodes' && MEMBER_KINDS.has(String(el.data.kind)) && rack && racks.has(rack))
        this.keep(rack, el)
      else if (el.group !== 'edges') now.push(el)
    }
    for (const el of elements) if (el.group === 'edges') this.addEdge(el, now)
    return now
  }

  /** Adds an edge now when both ends are on the canvas (or in `now`), else keeps it pending. */
  private addEdge(el: ElementDefinition, now?: ElementDefinition[]): boolean {
    const rack = this.where.get(String(el.data.source)) ?? this.where.get(String(el.data.target))
    if (rack === undefined) {
      if (now) now.push(el)
      else this.cy.add(el)
      return true
    }
    this.keep(rack, el)
    return false
  }

  private keep(rackId: string, el: ElementDefinition): void {
    let p = this.pending.get(rackId)
    if (!p) this.pending.set(rackId, (p = { nodes: [], edges: [] }))
    ;(el.group === 'edges' ? p.edges : p.nodes).push(el)
    this.where.set(String(el.data.id), rackId)
    this.ghostCache = undefined
  }

  /** Whether `id` is a pending host or link (not on the canvas). */
  isPending(id: string): boolean {
    return this.where.has(id)
  }

  /** The rack holding pending `id`, if any. */
  rackOf(id: string): string | undefined {
    return this.where.get(id)
  }

  /** Where pending member `id` is drawn once created. */
  position(id: string): Position | undefined {
    const rack = this.where.get(id)
    return rack === undefined
      ? undefined
      : this.pending.get(rack)?.nodes.find((n) => n.data.id === id)?.position
  }

  /** The pending members of `rackIds` and where they are drawn once created. */
  held(rackIds: Iterable<string>): Array<{ id: string; position: Position }> {
    const out: Array<{ id: string; position: Position }> = []
    for (const rackId of rackIds)
      for (const n of this.pending.get(rackId)?.nodes ?? [])
        if (n.position) out.push({ id: String(n.data.id), position: { ...n.position } })
    return out
  }

  /** Moves a pending member (its rack's box, fit and the minimap follow). */
  moveHeld(id: string, position: Position): void {
    const node = this.pending
      .get(this.where.get(id) ?? '')
      ?.nodes.find((n) => String(n.data.id) === id)
    if (!node) return
    node.position = { ...position }
    this.ghostCache = undefined
  }

  /** The members rack `rackId` holds off the canvas (their element definitions; read only). */
  heldBy(rackId: string): readonly ElementDefinition[] | undefined {
    return this.pending.get(rackId)?.nodes
  }

  /** Positions of pending hosts (their racks are drawn around them). */
  ghosts(): GhostPoint[] {
    if (!this.ghostCache) {
      const out: GhostPoint[] = []
      for (const [rackId, p] of this.pending)
        for (const n of p.nodes) if (n.position) out.push({ rackId, position: n.position })
      this.ghostCache = out
    }
    return this.ghostCache
  }

  /** Drops a pending element (removed from the design, or updated: the caller re-adds it). */
  forget(id: string): void {
    const rack = this.where.get(id)
    if (rack === undefined) return
    this.where.delete(id)
    const p = this.pending.get(rack)
    if (!p) return
    p.nodes = p.nodes.filter((n) => n.data.id !== id)
    p.edges = p.edges.filter((e) => e.data.id !== id)
    this.ghostCache = undefined
  }

  /**
   * Keeps a member (host, switch, storage) for a rack still pending; false when the rack is on
   * the canvas (add it).
   */
  keepNode(el: ElementDefinition): boolean {
    const rack = el.data.container as string | undefined
    if (!this.lazy || !rack || this.created.has(rack) || !MEMBER_KINDS.has(String(el.data.kind)))
      return false
    this.keep(rack, el)
    return true
  }

  /** Keeps a link when an end is pending; false when both ends are on the canvas (add it). */
  keepEdge(el: ElementDefinition): boolean {
    const rack = this.where.get(String(el.data.source)) ?? this.where.get(String(el.data.target))
    if (rack === undefined) return false
    this.keep(rack, el)
    return true
  }

  /**
   * Puts the members and links of `rackIds` on the canvas (in the caller's batch); returns
   * the ids of the members (`nodes`) and links added.
   */
  create(rackIds: Iterable<string>): { nodes: string[]; edges: string[] } {
    const nodes: string[] = []
    const edges: ElementDefinition[] = []
    for (const rackId of rackIds) {
      const p = this.pending.get(rackId)
      if (!p) continue
      this.pending.delete(rackId)
      this.created.delete(rackId)
      this.created.add(rackId)
      this.ghostCache = undefined
      for (const n of p.nodes) {
        this.where.delete(String(n.data.id))
        nodes.push(String(n.data.id))
      }
      if (p.nodes.length > 0) this.cy.add(p.nodes)
      for (const e of p.edges) this.where.delete(String(e.data.id))
      edges.push(...p.edges)
    }
    const added: string[] = []
    for (const e of edges) if (this.addEdge(e)) added.push(String(e.data.id))
    return { nodes, edges: added }
  }

  /** Racks whose hosts are on the canvas. */
  /** Whether rack `rackId`'s members were created on demand (they are on the canvas). */
  isCreated(rackId: string): boolean {
    return this.created.has(rackId)
  }

  createdRacks(): string[] {
    return [...this.created]
  }

  /** Whether any rack still has its hosts pending. */
  anyPending(): boolean {
    return this.pending.size > 0
  }

  /** Racks with pending hosts. */
  pendingRacks(): string[] {
    return [...this.pending.keys()]
  }

  /**
   * Takes the members of created racks not in `keep` off the canvas again (their current
   * data, position and classes kept), oldest first, until at most `budget` hosts remain.
   * Returns whether any rack was released.
   */
  release(keep: ReadonlySet<string>, budget = CREATED_HOSTS_BUDGET): boolean {
    let count = this.cy.nodes('.host').length
    if (count <= budget) return false
    const cy = this.cy
    let released = false
    for (const rackId of [...this.created]) {
      if (count <= budget) break
      if (keep.has(rackId)) continue
      const members = cy
        .nodes()
        .filter((n) => n.data('container') === rackId && MEMBER_KINDS.has(String(n.data('kind'))))
      const links = members.connectedEdges('.link')
      const defs = (c: typeof members | typeof links): ElementDefinition[] =>
        c.map((e) => {
          const j = e.json() as ElementDefinition
          return { group: j.group, data: j.data, position: j.position, classes: j.classes }
        })
      this.created.delete(rackId)
      for (const el of defs(members)) this.keep(rackId, el)
      for (const el of defs(links)) this.keep(rackId, el)
      cy.remove(members.union(links))
      count -= members.filter('.host').length
      released = true
    }
    return released
  }
}
