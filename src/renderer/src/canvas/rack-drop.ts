/**
 * Which rack a dragged host, switch or storage system ends up in. "Still inside its own rack"
 * is judged against the rack's box as it was when the drag began (the box is refitted to its
 * members after every drop).
 */
import type { BoundingBox12, Core, NodeSingular, Position } from 'cytoscape'

type Box = Pick<BoundingBox12, 'x1' | 'y1' | 'x2' | 'y2'>

const inside = (p: Position, b: Box): boolean =>
  p.x >= b.x1 && p.x <= b.x2 && p.y >= b.y1 && p.y <= b.y2

/** The rack whose box contains a model position (ignoring `self` and its own parent). */
export function rackAtPosition(
  cy: Core,
  position: Position,
  self?: NodeSingular,
): string | undefined {
  const own = self?.data('container') as string | undefined
  let found: string | undefined
  cy.nodes('.rack').forEach((rack) => {
    if (found || rack.id() === own || (self && rack.same(self))) return
    if (inside(position, rack.boundingBox({ includeLabels: false }))) found = rack.id()
  })
  return found
}

/** The rack a node is drawn in (its container when that is a rack). */
function currentRack(node: NodeSingular): NodeSingular | undefined {
  const id = node.data('container') as string | undefined
  const rack = id ? node.cy().getElementById(id) : undefined
  return rack?.nonempty() && rack.hasClass('rack') ? (rack as unknown as NodeSingular) : undefined
}

/** Remembers racks' boxes at grab time and decides where a released node belongs. */
export class RackDropTracker {
  private readonly grabBoxes = new Map<string, Box>()

  constructor(private readonly cy: Core) {}

  /** Call on `grab`: records the box of the node's rack before the drag stretches it. */
  grab(node: NodeSingular): void {
    const rack = currentRack(node)
    if (!rack) return
    const { x1, y1, x2, y2 } = rack.boundingBox({ includeLabels: false })
    this.grabBoxes.set(node.id(), { x1, y1, x2, y2 })
  }

  /**
   * Call on release: a rack id when the node was dropped on another rack, `null` when it was
   * dropped outside its own rack and on no other, `undefined` when its rack does not change.
   */
  target(node: NodeSingular): string | null | undefined {
    const position = node.position()
    const box = this.grabBoxes.get(node.id())
    this.grabBoxes.delete(node.id())
    const own = currentRack(node)
    const other = rackAtPosition(this.cy, position, node)
    if (other && other !== own?.id()) return other
    if (own && box && !inside(position, box)) return null
    return undefined
  }
}
