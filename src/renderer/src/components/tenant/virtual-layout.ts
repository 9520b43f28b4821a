/**
 * Where the tenant's virtual network is drawn: its workloads on a circle (one or two in a
 * row), the internet above them when some workload talks to it. Pure, deterministic in the
 * order of the nodes; sizes in SVG user units.
 */
import type { TenantVirtualNetwork } from '../../../../shared/contract'

export interface LayoutPoint {
  x: number
  y: number
}

export interface VirtualLayout {
  width: number
  height: number
  /** Centre of each workload's box, by workload id. */
  nodes: Map<string, LayoutPoint>
  /** Centre of the internet, when a link goes to or from it. */
  internet?: LayoutPoint
}

const WIDTH = 640
/** Room above a node for its self-loop and label. */
const LOOP_ROOM = 80

export function virtualLayout(vn: Pick<TenantVirtualNetwork, 'nodes' | 'links'>): VirtualLayout {
  const hasInternet = vn.links.some((l) => l.kind !== 'east-west')
  const top = (hasInternet ? 70 : 0) + LOOP_ROOM
  const n = vn.nodes.length
  const nodes = new Map<string, LayoutPoint>()
  let height: number
  if (n <= 2) {
    const y = top + 30
    vn.nodes.forEach((node, i) =>
      nodes.set(node.workloadId, { x: n === 1 ? WIDTH / 2 : WIDTH * (i === 0 ? 0.28 : 0.72), y }),
    )
    height = y + 50
  } else {
    const r = Math.min(WIDTH / 2 - 80, 70 + n * 18)
    const cy = top + r
    vn.nodes.forEach((node, i) => {
      // Start a little off the top so the first node is not right under the internet.
      const a = -Math.PI / 2 + Math.PI / n + (2 * Math.PI * i) / n
      nodes.set(node.workloadId, { x: WIDTH / 2 + r * Math.cos(a), y: cy + r * Math.sin(a) })
    })
    height = cy + r + 50
  }
  const out: VirtualLayout = { width: WIDTH, height, nodes }
  if (hasInternet) out.internet = { x: WIDTH / 2, y: 34 }
  return out
}

/** Half sizes of a workload's box and of the internet's ellipse, SVG units. */
export const NODE_HALF = { x: 60, y: 22 }
export const INTERNET_RADII = { x: 52, y: 18 }

/** Distance from a shape's centre to its border along the unit direction (ux, uy). */
function reach(shape: 'box' | 'ellipse', ux: number, uy: number): number {
  if (shape === 'ellipse') return 1 / Math.hypot(ux / INTERNET_RADII.x, uy / INTERNET_RADII.y)
  const sx = ux === 0 ? Infinity : NODE_HALF.x / Math.abs(ux)
  const sy = uy === 0 ? Infinity : NODE_HALF.y / Math.abs(uy)
  return Math.min(sx, sy)
}

/**
 * The drawn path of a virtual link from border to border (a loop above the node when both
 * ends are one workload) and where its label goes: beside the line's middle, on the link's own
 * side, so a → b and b → a (egress and ingress) keep their labels apart.
 */
export function linkGeometry(
  from: LayoutPoint,
  to: LayoutPoint,
  fromShape: 'box' | 'ellipse',
  toShape: 'box' | 'ellipse',
): { d: string; label: LayoutPoint } {
  if (from.x === to.x && from.y === to.y) {
    const top = from.y - NODE_HALF.y
    return {
      d: `M ${from.x - 20} ${top} C ${from.x - 45} ${top - 60}, ${from.x + 45} ${top - 60}, ${from.x + 20} ${top}`,
      label: { x: from.x, y: top - 50 },
    }
  }
  const dx = to.x - from.x
  const dy = to.y - from.y
  const d = Math.hypot(dx, dy)
  const ux = dx / d
  const uy = dy / d
  // the normal on the link's left: a → b and b → a lie on opposite sides
  const nx = -uy
  const ny = ux
  const a = reach(fromShape, ux, uy) + 2
  const b = reach(toShape, -ux, -uy) + 2
  const off = 5
  const x1 = from.x + ux * a + nx * off
  const y1 = from.y + uy * a + ny * off
  const x2 = to.x - ux * b + nx * off
  const y2 = to.y - uy * b + ny * off
  const side = 14
  return {
    d: `M ${x1} ${y1} L ${x2} ${y2}`,
    label: { x: (x1 + x2) / 2 + nx * side, y: (y1 + y2) / 2 + ny * side + 4 },
  }
}
