/**
 * Rack and zone boxes: a rack is drawn as a box around its hosts, switches and storage (with
 * room for their labels), a zone around its racks; an empty one keeps its own place and a
 * minimum size. Plain nodes whose `w`/`h` data and position follow their members, so no
 * Cytoscape compound bounds pass is ever needed. Moves only boxes that changed.
 */
import type { Core, ElementDefinition, NodeSingular, Position } from 'cytoscape'
import { CONTAINER_MIN_PX, isContainer } from './elements'
import type { GhostPoint } from './lazy-hosts'

/** Room around a rack's members: half a node, padding, and two label lines below. */
const RACK_PAD = { left: 33, right: 33, top: 31, bottom: 55 }
/** Room around a zone's racks (its label sits above). */
const ZONE_PAD = 18

type Box = { x1: number; y1: number; x2: number; y2: number }

function grow(boxes: Map<string, Box>, id: string, b: Box): void {
  const a = boxes.get(id)
  if (!a) boxes.set(id, { ...b })
  else {
    a.x1 = Math.min(a.x1, b.x1)
    a.y1 = Math.min(a.y1, b.y1)
    a.x2 = Math.max(a.x2, b.x2)
    a.y2 = Math.max(a.y2, b.y2)
  }
}

/** A box's size (model px) and centre; no centre: an empty box keeps its own place. */
export interface BoxPlacement {
  w: number
  h: number
  position?: Position
}

const memberBox = (p: Position): Box => ({
  x1: p.x - RACK_PAD.left,
  y1: p.y - RACK_PAD.top,
  x2: p.x + RACK_PAD.right,
  y2: p.y + RACK_PAD.bottom,
})

function placement(b: Box | undefined): BoxPlacement {
  if (!b) return { w: CONTAINER_MIN_PX, h: CONTAINER_MIN_PX }
  return {
    w: Math.round(b.x2 - b.x1),
    h: Math.round(b.y2 - b.y1),
    position: { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2 },
  }
}

/**
 * Where every rack and zone box goes (pure): a rack around its members' positions (with room
 * for their labels), a zone around its racks' boxes (its label above). `racks` gives each
 * rack's zone and current centre (kept when the rack is empty); `zones` lists the zones.
 */
export function boxPlacements(
  members: Iterable<{ rackId: string; position: Position }>,
  racks: Iterable<{ id: string; zoneId?: string; position: Position }>,
  zones: Iterable<string>,
): Map<string, BoxPlacement> {
  const rackBoxes = new Map<string, Box>()
  for (const { rackId, position } of members) grow(rackBoxes, rackId, memberBox(position))
  const out = new Map<string, BoxPlacement>()
  const zoneBoxes = new Map<string, Box>()
  for (const rack of racks) {
    const at = placement(rackBoxes.get(rack.id))
    out.set(rack.id, at)
    if (!rack.zoneId) continue
    const p = at.position ?? rack.position
    const w = at.w / 2 + ZONE_PAD
    const h = at.h / 2 + ZONE_PAD
    grow(zoneBoxes, rack.zoneId, { x1: p.x - w, y1: p.y - h - 16, x2: p.x + w, y2: p.y + h })
  }
  for (const zone of zones) out.set(zone, placement(zoneBoxes.get(zone)))
  return out
}

function place(node: NodeSingular, at: BoxPlacement | undefined): void {
  if (!at) return
  if (node.data('w') !== at.w || node.data('h') !== at.h) node.data({ w: at.w, h: at.h })
  const p = node.position()
  if (at.position && (p.x !== at.position.x || p.y !== at.position.y))
    node.position({ ...at.position })
}

/**
 * Sizes and places every rack and zone box from its members' current positions (and the
 * `ghosts`: members not on the canvas, `lazy-hosts.ts`).
 */
export function fitContainers(cy: Core, ghosts: readonly GhostPoint[] = []): void {
  const members: Array<{ rackId: string; position: Position }> = [...ghosts]
  cy.nodes().forEach((n) => {
    const rack = n.data('container') as string | undefined
    if (!rack || isContainer(n)) return
    members.push({ rackId: rack, position: n.position() })
  })
  const racks = cy.nodes('.rack')
  const zones = cy.nodes('.zone')
  const at = boxPlacements(
    members,
    racks.map((r) => ({
      id: r.id(),
      zoneId: r.data('container') as string | undefined,
      position: r.position(),
    })),
    zones.map((z) => z.id()),
  )
  cy.batch(() => {
    racks.forEach((rack) => place(rack, at.get(rack.id())))
    zones.forEach((zone) => place(zone, at.get(zone.id())))
  })
}

/**
 * Sizes and places the rack and zone boxes among element definitions before they are added
 * (a first build: no box is restyled after it is drawn), from the members among `elements`
 * and the `ghosts`, as `fitContainers` would once they are on the canvas.
 */
export function placeContainerDefinitions(
  elements: readonly ElementDefinition[],
  ghosts: readonly GhostPoint[],
): void {
  const members: Array<{ rackId: string; position: Position }> = [...ghosts]
  const racks: Array<{ id: string; zoneId?: string; position: Position }> = []
  const zones: string[] = []
  const boxes = new Map<string, ElementDefinition>()
  for (const el of elements) {
    if (el.group === 'edges') continue
    const kind = el.data.kind
    const id = String(el.data.id)
    const container = el.data.container as string | undefined
    if (kind === 'rack') {
      racks.push({ id, zoneId: container, position: el.position ?? { x: 0, y: 0 } })
      boxes.set(id, el)
    } else if (kind === 'zone') {
      zones.push(id)
      boxes.set(id, el)
    } else if (container && el.position) members.push({ rackId: container, position: el.position })
  }
  for (const [id, at] of boxPlacements(members, racks, zones)) {
    const el = boxes.get(id)
    if (!el) continue
    el.data.w = at.w
    el.data.h = at.h
    if (at.position) el.position = { ...at.position }
  }
}

/** Every node drawn inside `container` (a rack's members; a zone's racks and theirs). */
export function members(cy: Core, container: NodeSingular): NodeSingular[] {
  const id = container.id()
  const inside = new Set<string>([id])
  const out: NodeSingular[] = []
  // zones hold racks, racks hold the rest: two passes cover both levels
  for (let pass = 0; pass < 2; pass++)
    cy.nodes().forEach((n) => {
      const c = n.data('container') as string | undefined
      if (c && inside.has(c) && !inside.has(n.id())) {
        inside.add(n.id())
        out.push(n)
      }
    })
  return out
}

/** Members of racks that are not on the canvas (`lazy-hosts.ts`), moved with their rack. */
export interface HeldMembers {
  held(rackIds: Iterable<string>): Array<{ id: string; position: Position }>
  moveHeld(id: string, position: Position): void
}

/**
 * Moves a dragged rack's (zone's) members along with it, as a compound parent would; members
 * not on the canvas (a zoomed-out rack's hosts) are moved once, when the box is dropped.
 */
export class ContainerCarrier {
  private carried:
    | {
        id: string
        from: Position
        members: Array<{ node: NodeSingular; from: Position }>
        held: Array<{ id: string; position: Position }>
      }
    | undefined

  constructor(
    private readonly cy: Core,
    private readonly store?: HeldMembers,
  ) {}

  /** Call on `grab`: remembers where a grabbed box and its members started. */
  grab(node: NodeSingular): void {
    if (!isContainer(node)) {
      this.carried = undefined
      return
    }
    const inside = members(this.cy, node)
    const racks = [node, ...inside].filter((n) => n.data('kind') === 'rack').map((n) => n.id())
    this.carried = {
      id: node.id(),
      from: { ...node.position() },
      members: inside.map((m) => ({ node: m, from: { ...m.position() } })),
      held: this.store?.held(racks) ?? [],
    }
  }

  /**
   * Call on `dragfree`, before the boxes are fitted: moves the members not on the canvas by
   * the box's offset and returns their new (whole px) positions, to be reported as moves.
   */
  dropHeld(node: NodeSingular): Array<{ id: string; position: Position }> {
    const c = this.carried
    if (!c || c.id !== node.id() || !this.store) return []
    const p = node.position()
    const dx = p.x - c.from.x
    const dy = p.y - c.from.y
    if (dx === 0 && dy === 0) return []
    return c.held.map(({ id, position }) => {
      const at = { x: Math.round(position.x + dx), y: Math.round(position.y + dy) }
      this.store?.moveHeld(id, at)
      return { id, position: at }
    })
  }

  /** Call on `drag`: moves the members by the box's offset from its start. */
  drag(node: NodeSingular): void {
    const c = this.carried
    if (!c || c.id !== node.id()) return
    const p = node.position()
    const dx = p.x - c.from.x
    const dy = p.y - c.from.y
    this.cy.batch(() => {
      for (const m of c.members) m.node.position({ x: m.from.x + dx, y: m.from.y + dy })
    })
  }

  release(): void {
    this.carried = undefined
  }
}
