/**
 * The text a rack's glyph and header draw: the names' shared prefix left out of rack labels,
 * and the glyph's lines (hosts up, instances placed) for the room it has; and the glyph itself.
 */
import type { RackAggregate } from './rack-aggregates'
import { utilizationColour } from './rack-aggregates'
import type { CanvasColours } from './style'

/** The longest prefix of every name ending in a separator (`rack-` of `rack-0001`). */
export function commonPrefix(names: readonly string[]): string {
  if (names.length < 2) return ''
  let prefix = names[0] as string
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1)
  const cut = Math.max(prefix.lastIndexOf('-'), prefix.lastIndexOf('_'), prefix.lastIndexOf(' '))
  return cut >= 0 ? prefix.slice(0, cut + 1) : ''
}

/**
 * The text lines of a rack's glyph: hosts up (`38/40 up` when some are down or off; an alert
 * when some failed) and instances placed. A glyph with room for one line (a rack at fit)
 * shows the instances once some are placed, unless hosts are down (review s7 #10g: a placed
 * rack at fit showed no instance count).
 */
export function glyphLines(
  a: Pick<RackAggregate, 'hosts' | 'up' | 'failed' | 'instances'>,
  lines: 1 | 2,
  widthPx: number,
  measure: (text: string) => number,
): Array<{ text: string; alert: boolean }> {
  const down = a.hosts - a.up
  const hosts = { text: down > 0 ? `${a.up}/${a.hosts} up` : `${a.hosts} up`, alert: a.failed > 0 }
  const instances = { text: instancesText(a.instances, widthPx, measure), alert: false }
  if (lines === 2) return [hosts, instances]
  return down > 0 || a.instances === 0 ? [hosts] : [instances]
}

/**
 * A glyph's instance line: `400 inst.` where it fits in `widthPx`, else the bare count (a rack
 * at fit is ~40 px wide; the note under the canvas names the glyph's lines).
 */
export function instancesText(
  count: number,
  widthPx: number,
  measure: (text: string) => number,
): string {
  const long = `${count} inst.`
  return measure(long) <= widthPx ? long : String(count)
}

/**
 * Draws rack `a`'s glyph on its screen box `s` (px): a header over the rack's top rows with its
 * text lines, a utilization bar (grey outline before a run) and the tenants' shares. The
 * context's font is the glyph's (10 px) already.
 */
export function drawGlyph(
  ctx: CanvasRenderingContext2D,
  a: RackAggregate,
  s: { x1: number; y1: number; x2: number; y2: number },
  c: CanvasColours,
): void {
  const width = s.x2 - s.x1
  const height = s.y2 - s.y1
  // the glyph: a header over the rack's top rows, the hosts (or their mosaic) visible below
  const lines = height >= 40 ? 2 : 1
  const header = Math.min(height * 0.6, lines * 12 + 12)
  ctx.globalAlpha = 0.94
  ctx.fillStyle = c.rack
  ctx.fillRect(s.x1 + 1, s.y1 + 1, width - 2, header)
  ctx.globalAlpha = 1
  ctx.textAlign = 'left'
  ctx.textBaseline = 'top'
  const measure = (t: string): number => ctx.measureText(t).width
  glyphLines(a, lines, width - 6, measure).forEach((line, k) => {
    ctx.fillStyle = line.alert ? c.error : c.text
    ctx.fillText(line.text, s.x1 + 3, s.y1 + 3 + 12 * k, width - 6)
  })
  const barY = s.y1 + 3 + lines * 12
  const barW = width - 6
  // utilization: the bar's fill and colour; grey outline before a run
  ctx.strokeStyle = c.link
  ctx.strokeRect(s.x1 + 3, barY, barW, 4)
  if (a.utilization !== undefined) {
    ctx.fillStyle = utilizationColour(a.utilization)
    ctx.fillRect(s.x1 + 3, barY, Math.max(1, barW * a.utilization), 4)
  }
  // tenants' shares of the rack's instances
  let x = s.x1 + 3
  for (const t of a.tenants) {
    const part = (barW * t.count) / Math.max(1, a.instances)
    ctx.fillStyle = t.colour
    ctx.fillRect(x, barY + 5, part, 3)
    x += part
  }
}

/** The smallest font a rack label shrinks to before it is cut with an ellipsis, px. */
export const RACK_LABEL_SMALLEST_PX = 8

/**
 * A rack's label no wider than its rack (`widthPx`): the whole name at `px`; else without the
 * names' shared `prefix`, at `px` and then a pixel smaller at a time down to
 * `RACK_LABEL_SMALLEST_PX` (B2 of review s9u: racks 28 px wide read "00…", where "0012" fits
 * at 9 px); else cut with an ellipsis at that size. `measure(text, px)` is the text's width.
 */
export function rackLabel(
  name: string,
  prefix: string,
  widthPx: number,
  px: number,
  measure: (text: string, px: number) => number,
): { text: string; px: number } {
  if (measure(name, px) <= widthPx) return { text: name, px }
  const short = prefix && name.startsWith(prefix) ? name.slice(prefix.length) : name
  for (let size = px; size >= RACK_LABEL_SMALLEST_PX; size--)
    if (measure(short, size) <= widthPx) return { text: short, px: size }
  const size = Math.min(px, RACK_LABEL_SMALLEST_PX)
  let text = short
  while (text.length > 1 && measure(text, size) > widthPx) text = `${text.slice(0, -2)}…`
  return { text, px: size }
}
