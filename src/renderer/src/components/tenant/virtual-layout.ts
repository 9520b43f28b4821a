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
