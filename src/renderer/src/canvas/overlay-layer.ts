/**
 * The compact host overlay drawn by the level-of-detail layer (issue 19): on large designs a
 * placement or a simulation frame changes no Cytoscape style or data. Each frame, the hosts
 * on the canvas inside the view are painted over their nodes as the mosaic paints held ones
 * (`rack-mosaic.ts`): the fill by utilization (failed black, switched off grey, down faded),
 * a ring in the colour of the tenant with most instances, and the instance count in the node
 * once it is readable. Hosts outside the view cost nothing, so a placement at 10,000 hosts
 * restyles nothing at all. Pure drawing on a 2D context, one path per fill colour.
 */
import type { NodeSingular, Position } from 'cytoscape'
import type { HostOverlay } from '../drawing/host-overlay'
import type { CanvasColours } from './style'
import { MEMBER_MODEL_PX, memberPaint } from './rack-mosaic'

/** Fill of a failed host and width of its ring (the stylesheet's `node.host.failed`). */
const FAILED_FILL = '#000000'
const FAILED_RING_PX = 3
/** Width of a placed host's tenant ring at zoom 1 (the stylesheet's compact border), px. */
export const TENANT_RING_PX = 4
/** Model size of the instance count's font; drawn from 8 px on screen (as Cytoscape's labels). */
const COUNT_MODEL_PX = 11
const COUNT_MIN_PX = 8

/** How one host on the canvas is painted over its node. */
export interface HostMark {
  fill: string
  alpha: number
  /** A ring along the node's outline (tenant colour, or the error colour when failed). */
  ring?: string
  ringPx: number
  /** Instances on the host (0: no count drawn). */
  count: number
}

/**
 * The mark of a host: its overlay painted as the mosaic paints a held host (`memberPaint`),
 * except a failed host, black with an error-coloured ring as the stylesheet draws it.
 */
export function hostMark(state: unknown, overlay: HostOverlay, colours: CanvasColours): HostMark {
  let count = 0
  for (const i of overlay.instances ?? []) count += i.count
  if (overlay.failed)
    return { fill: FAILED_FILL, alpha: 1, ring: colours.error, ringPx: FAILED_RING_PX, count }
  const p = memberPaint('host', state, overlay, colours)
  return { fill: p.colour, alpha: p.alpha, ring: p.border, ringPx: TENANT_RING_PX, count }
}

/** `#rrggbb` as Cytoscape reports colours (`rgb(r,g,b)`), for the test hook. */
export function cssRgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16)
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`
}

/**
 * The node's outline as a sub-path: its shape, `side` wide, centred on (x, y), screen px, seen
 * at `zoom`.
 */
function outline(
  ctx: CanvasRenderingContext2D,
  shape: string,
  x: number,
  y: number,
  side: number,
  zoom: number,
): void {
  const h = side / 2
  if (shape === 'rectangle') return ctx.rect(x - h, y - h, side, side)
  if (shape === 'round-hexagon') {
    ctx.moveTo(x - h, y)
    ctx.lineTo(x - h / 2, y - h)
    ctx.lineTo(x + h / 2, y - h)
    ctx.lineTo(x + h, y)
    ctx.lineTo(x + h / 2, y + h)
    ctx.lineTo(x - h / 2, y + h)
    return ctx.closePath()
  }
  // Cytoscape's round-rectangle radius: min(w / 4, h / 4, 8) model px
  ctx.roundRect(x - h, y - h, side, side, Math.min(side / 4, 8 * zoom))
}

/** The stylesheet's shape of a host node by its virtualization (`style.ts`). */
const shapeOf = (virt: unknown): string =>
  virt === 'os' ? 'round-hexagon' : virt === 'native' ? 'rectangle' : 'round-rectangle'

/** A host node as drawn: position, shape, state, and whether its own border must show. */
interface Drawn {
  x: number
  y: number
  shape: string
  mark: HostMark
  /** Cytoscape's border width on the node (selection, problems), model px. */
  borderPx: number
}

/**
 * Paints the overlay of the `hosts` whose centre lies in the `width` × `height` view (with a
 * node's margin); returns how many were painted. A host whose node shows a border of its own
 * (selected, a problem) keeps it: its fill stops inside the border and no ring is drawn.
 */
export function drawHostMarks(
  ctx: CanvasRenderingContext2D,
  hosts: readonly NodeSingular[],
  view: { zoom: number; pan: Position; width: number; height: number },
  overlayOf: (id: string) => HostOverlay | undefined,
  colours: CanvasColours,
): number {
  const { zoom, pan, width, height } = view
  const margin = MEMBER_MODEL_PX * zoom
  const drawn: Drawn[] = []
  for (const n of hosts) {
    if (n.removed()) continue
    const p = n.position()
    const x = p.x * zoom + pan.x
    const y = p.y * zoom + pan.y
    if (x < -margin || y < -margin || x > width + margin || y > height + margin) continue
    const o = overlayOf(n.id())
    if (!o) continue
    const own = n.selected() || n.hasClass('has-error') || n.hasClass('has-warning')
    const borderPx = own ? Number.parseFloat(String(n.style('border-width'))) || 0 : 0
    const mark = hostMark(n.data('state'), o, colours)
    drawn.push({ x, y, shape: shapeOf(n.data('virt')), mark, borderPx })
  }
  const fills = new Map<string, Drawn[]>()
  for (const d of drawn) {
    const key = `${d.mark.fill} ${d.mark.alpha}`
    const group = fills.get(key)
    if (group) group.push(d)
    else fills.set(key, [d])
  }
  for (const group of fills.values()) {
    const { fill, alpha } = (group[0] as Drawn).mark
    ctx.globalAlpha = alpha
    ctx.fillStyle = fill
    ctx.beginPath()
    for (const d of group)
      outline(ctx, d.shape, d.x, d.y, Math.max(1, (MEMBER_MODEL_PX - d.borderPx) * zoom), zoom)
    ctx.fill()
  }
  ctx.globalAlpha = 1
  for (const d of drawn) {
    if (!d.mark.ring || d.borderPx > 0) continue
    ctx.strokeStyle = d.mark.ring
    ctx.lineWidth = Math.max(1, d.mark.ringPx * zoom)
    ctx.beginPath()
    outline(ctx, d.shape, d.x, d.y, MEMBER_MODEL_PX * zoom, zoom)
    ctx.stroke()
  }
  const px = COUNT_MODEL_PX * zoom
  if (px >= COUNT_MIN_PX) {
    ctx.font = `600 ${px}px system-ui, sans-serif`
    ctx.textAlign = 'center'
    ctx.textBaseline = 'middle'
    ctx.lineWidth = 3
    ctx.lineJoin = 'round'
    ctx.strokeStyle = 'rgba(0,0,0,0.7)'
    ctx.fillStyle = '#ffffff'
    for (const d of drawn) {
      if (d.mark.count === 0) continue
      const text = String(d.mark.count)
      ctx.strokeText(text, d.x, d.y)
      ctx.fillText(text, d.x, d.y)
    }
  }
  return drawn.length
}
