/**
 * The text a rack's glyph and header draw: the names' shared prefix left out of rack labels,
 * and the glyph's lines (hosts up, instances placed) for the room it has.
 */
import type { RackAggregate } from './rack-aggregates'

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
