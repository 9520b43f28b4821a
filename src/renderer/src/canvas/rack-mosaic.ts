/**
 * The mosaic of a rack whose members are not on the canvas (issue 19; `lazy-hosts.ts`): each
 * held host, switch and storage is a small square at the position it will have once created,
 * coloured as its node would be (utilization, failed, switched off, down; switch and storage
 * colours). The level-of-detail layer draws it on racks wide enough on screen for the squares
 * to be told apart, so between the zoom where a rack shows only its totals and the zoom where
 * its hosts are created (or while a pan brings racks into view before they are), a rack is
 * never an empty box.
 */
import type { Position } from 'cytoscape'
import type { HostOverlay } from '../drawing/host-overlay'
import type { CanvasColours } from './style'
import { utilizationColour } from './rack-aggregates'

/** Racks narrower than this on screen draw no mosaic (squares under ~3 px), px. */
export const MOSAIC_RACK_PX = 48
/** Side of a member's node at zoom 1 (the stylesheet's node size), model px. */
export const MEMBER_MODEL_PX = 34
/** Utilization is drawn in this many colour steps (one fill per colour). */
export const UTILIZATION_STEPS = 32
/** Colour of a switched-off host (the stylesheet's `node.host.off`). */
const OFF_COLOUR = '#7f7f7f'

/** A member held for its rack, as `LazyHosts` keeps it (an element definition). */
export interface MosaicMember {
  data: { id?: unknown; kind?: unknown; state?: unknown }
  position?: Position
}

/** A square's fill: colour and opacity. */
export interface MemberPaint {
  colour: string
  alpha: number
}

/**
 * How a member is painted: a host by its overlay (failed: the error colour; off: grey at
 * 0.6; a utilization 0..1: green to red in `UTILIZATION_STEPS` steps; else the host colour),
 * at 0.45 when down in the design; a switch or storage in its kind's colour.
 */
export function memberPaint(
  kind: unknown,
  state: unknown,
  overlay: HostOverlay | undefined,
  colours: CanvasColours,
): MemberPaint {
  if (kind === 'switch') return { colour: colours.switch, alpha: 1 }
  if (kind === 'storage') return { colour: colours.storage, alpha: 1 }
  if (overlay?.failed) return { colour: colours.error, alpha: 1 }
  if (overlay?.off) return { colour: OFF_COLOUR, alpha: 0.6 }
  const alpha = state === 'down' ? 0.45 : 1
  const u = overlay?.utilization
  if (u === undefined) return { colour: colours.host, alpha }
  const step = Math.round(Math.max(0, Math.min(1, u)) * UTILIZATION_STEPS) / UTILIZATION_STEPS
  return { colour: utilizationColour(step), alpha }
}

/**
 * Draws `members` as squares (side `MEMBER_MODEL_PX` × zoom, at least 1 px) at their model
 * positions seen through `zoom` and `pan`, one path and fill per paint; returns how many
 * squares were drawn.
 */
export function drawMosaic(
  ctx: CanvasRenderingContext2D,
  members: readonly MosaicMember[],
  zoom: number,
  pan: Position,
  overlayOf: (id: string) => HostOverlay | undefined,
  colours: CanvasColours,
): number {
  const side = Math.max(1, MEMBER_MODEL_PX * zoom * 0.9)
  const half = side / 2
  const groups = new Map<string, { paint: MemberPaint; at: number[] }>()
  let drawn = 0
  for (const m of members) {
    const p = m.position
    if (!p) continue
    const id = String(m.data.id)
    const paint = memberPaint(m.data.kind, m.data.state, overlayOf(id), colours)
    const key = `${paint.colour} ${paint.alpha}`
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { paint, at: [] }))
    g.at.push(p.x * zoom + pan.x - half, p.y * zoom + pan.y - half)
    drawn++
  }
  for (const { paint, at } of groups.values()) {
    ctx.globalAlpha = paint.alpha
    ctx.fillStyle = paint.colour
    ctx.beginPath()
    for (let i = 0; i < at.length; i += 2)
      ctx.rect(at[i] as number, at[i + 1] as number, side, side)
    ctx.fill()
  }
  ctx.globalAlpha = 1
  return drawn
}
