/**
 * A picture of the topology as SVG, from the positions drawn on the canvas: racks as frames
 * around their devices, hosts coloured by virtualization kind, switches by tier, storage,
 * and the links between them. Elements without a position are laid out on a grid below.
 * Sized for print: every text is at least 8.5 pt when the picture fills the width of an A4
 * page (labels that would overlap their neighbour drop a line; a white halo keeps them clear
 * of links). Pure string building; every text is escaped.
 */
import type { Design } from '../../../shared/design/schema'
import type { VirtualizationKind } from '../../../shared/design/enums'
import { esc } from './format'

const KIND_COLOUR: Record<VirtualizationKind, string> = {
  native: '#6b7280',
  hvm: '#2563eb',
  bt: '#d97706',
  pv: '#7c3aed',
  os: '#059669',
}
const KIND_LABEL: Record<VirtualizationKind, string> = {
  native: 'bare metal',
  hvm: 'hardware-assisted VMs',
  bt: 'binary translation',
  pv: 'paravirtualization',
  os: 'OS containers',
}
/** Width of an A4 page inside the report's 14 mm margins, in pt (182 mm). */
export const PRINT_WIDTH_PT = 515.9
/** Smallest text size in print, pt. */
export const MIN_PRINT_PT = 8.5
/** Rough advance of one character, as a share of the font size (Helvetica/Arial). */
const CHAR_EM = 0.56

interface Label {
  x: number
  y: number
  text: string
}

/**
 * Drops a label one line (up to three) when it would overlap a label already placed on the
 * same line; returns the line offset of each label in order.
 */
function staggerLabels(labels: Label[], fontPx: number): number[] {
  const placed: Array<{ x0: number; x1: number; y: number }> = []
  return labels.map((l) => {
    const half = (l.text.length * fontPx * CHAR_EM) / 2 + 2
    for (let level = 0; level < 3; level++) {
      const y = l.y + level * (fontPx + 2)
      const clash = placed.some(
        (p) => Math.abs(p.y - y) < fontPx && p.x0 < l.x + half && l.x - half < p.x1,
      )
      if (!clash || level === 2) {
        placed.push({ x0: l.x - half, x1: l.x + half, y })
        return level
      }
    }
    return 0
  })
}
const SWITCH_COLOUR = { core: '#111827', aggregation: '#374151', access: '#9ca3af' } as const

interface Node {
  id: string
  x: number
  y: number
  rackId?: string
}

export interface TopologySvgOptions {
  /** Width of the picture in px; the height follows the drawing. */
  widthPx?: number
}

/** Builds the SVG picture of `design`. */
export function topologySvg(design: Design, options: TopologySvgOptions = {}): string {
  const width = options.widthPx ?? 900
  const nodes = new Map<string, Node & { kind: 'host' | 'switch' | 'storage' }>()
  let loose = 0
  const place = (
    id: string,
    kind: 'host' | 'switch' | 'storage',
    position: { x: number; y: number } | undefined,
    rackId?: string,
  ) => {
    const p = position ?? { x: (loose % 12) * 80, y: 100_000 + Math.floor(loose / 12) * 80 }
    if (!position) loose++
    nodes.set(id, { id, kind, x: p.x, y: p.y, rackId })
  }
  design.switches.forEach((s) => place(s.id, 'switch', s.position, s.rackId))
  design.hosts.forEach((h) => place(h.id, 'host', h.position, h.rackId))
  design.storage.forEach((s) => place(s.id, 'storage', s.position, s.rackId))
  if (nodes.size === 0)
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="60" role="img" aria-label="empty topology"><text x="10" y="35" font-family="sans-serif" font-size="14">The design has no hosts, switches or storage yet.</text></svg>`

  // Unpositioned elements go below the drawn ones.
  const drawn = [...nodes.values()].filter((n) => n.y < 100_000)
  const maxDrawnY = drawn.length ? Math.max(...drawn.map((n) => n.y)) : 0
  for (const n of nodes.values()) if (n.y >= 100_000) n.y = n.y - 100_000 + maxDrawnY + 140
  const xs = [...nodes.values()].map((n) => n.x)
  const ys = [...nodes.values()].map((n) => n.y)
  const pad = 60
  const minX = Math.min(...xs) - pad
  const minY = Math.min(...ys) - pad
  const spanX = Math.max(...xs) - minX + pad
  const spanY = Math.max(...ys) - minY + pad
  const scale = Math.min(2, width / Math.max(spanX, 1))
  // Text sizes in picture units that print at MIN_PRINT_PT when the picture is PRINT_WIDTH_PT wide.
  const fontPx = Math.ceil((MIN_PRINT_PT * width) / PRINT_WIDTH_PT)
  const legendPx = fontPx
  const legendRowPx = legendPx + 10
  const labelRoom = 3 * (fontPx + 2) + 6
  const X = (x: number) => ((x - minX) * scale).toFixed(1)
  const Y = (y: number) => ((y - minY) * scale).toFixed(1)

  const parts: string[] = []
  let rackBottom = 0
  for (const rack of design.racks) {
    const members = [...nodes.values()].filter((n) => n.rackId === rack.id)
    if (members.length === 0) continue
    const x0 = Math.min(...members.map((n) => n.x)) - 35
    const x1 = Math.max(...members.map((n) => n.x)) + 35
    const y0 = Math.min(...members.map((n) => n.y)) - 40
    const y1 = Math.max(...members.map((n) => n.y)) + 24 + labelRoom / scale
    rackBottom = Math.max(rackBottom, (y1 - minY) * scale)
    parts.push(
      `<rect x="${X(x0)}" y="${Y(y0)}" width="${((x1 - x0) * scale).toFixed(1)}" height="${((y1 - y0) * scale).toFixed(1)}" rx="6" fill="#f3f4f6" stroke="#9ca3af"/>`,
      `<text x="${X(x0 + 6)}" y="${(Number(Y(y0)) + fontPx + 2).toFixed(1)}" font-size="${fontPx}" font-weight="600" fill="#374151" stroke="#f3f4f6" stroke-width="3" paint-order="stroke">${esc(rack.name || rack.id)}</text>`,
    )
  }
  for (const link of design.links) {
    const a = nodes.get(link.sourceId)
    const b = nodes.get(link.targetId)
    if (a && b)
      parts.push(
        `<line x1="${X(a.x)}" y1="${Y(a.y)}" x2="${X(b.x)}" y2="${Y(b.y)}" stroke="#cbd5e1" stroke-width="${Math.min(4, 0.6 + link.bandwidthGbps / 40).toFixed(1)}"/>`,
      )
  }
  const r = 11 * Math.max(0.7, Math.min(1.4, scale))
  const labels: Label[] = []
  const labelAt = (n: Node, text: string): void => {
    labels.push({ x: Number(X(n.x)), y: Number(Y(n.y)) + r + fontPx + 1, text })
  }
  for (const h of design.hosts) {
    const n = nodes.get(h.id) as Node
    const fill = KIND_COLOUR[h.virtualization.kind]
    const dash = h.state === 'up' ? '' : ' stroke-dasharray="3 2"'
    parts.push(
      `<rect x="${(Number(X(n.x)) - r).toFixed(1)}" y="${(Number(Y(n.y)) - r).toFixed(1)}" width="${(2 * r).toFixed(1)}" height="${(2 * r).toFixed(1)}" rx="3" fill="${fill}" stroke="#111827"${dash}><title>${esc(`${h.name || h.id}: ${h.virtualization.product}, ${h.sockets * h.coresPerSocket} cores, ${Math.round(h.memoryMiB / 1024)} GiB, ${h.state}`)}</title></rect>`,
    )
    labelAt(n, h.name || h.id)
  }
  for (const sw of design.switches) {
    const n = nodes.get(sw.id) as Node
    parts.push(
      `<circle cx="${X(n.x)}" cy="${Y(n.y)}" r="${(r * 0.9).toFixed(1)}" fill="${SWITCH_COLOUR[sw.tier]}"><title>${esc(`${sw.name || sw.id}: ${sw.tier} switch, ${sw.ports} x ${sw.portGbps} Gbps`)}</title></circle>`,
    )
    labelAt(n, sw.name || sw.id)
  }
  for (const st of design.storage) {
    const n = nodes.get(st.id) as Node
    parts.push(
      `<ellipse cx="${X(n.x)}" cy="${Y(n.y)}" rx="${(r * 1.3).toFixed(1)}" ry="${(r * 0.8).toFixed(1)}" fill="#f59e0b" stroke="#92400e"><title>${esc(`${st.name || st.id}: ${st.kind}, ${st.capacityGiB} GiB`)}</title></ellipse>`,
    )
    labelAt(n, st.name || st.id)
  }
  // Labels last, over the links, left to right per line, with a white halo.
  const order = labels.map((l, i) => ({ l, i })).sort((a, b) => a.l.y - b.l.y || a.l.x - b.l.x)
  const levels = staggerLabels(
    order.map((o) => o.l),
    fontPx,
  )
  let bottom = 0
  order.forEach(({ l }, k) => {
    const y = l.y + (levels[k] ?? 0) * (fontPx + 2)
    bottom = Math.max(bottom, y)
    parts.push(
      `<text x="${l.x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${fontPx}" text-anchor="middle" fill="#111827" stroke="#ffffff" stroke-width="3" paint-order="stroke">${esc(l.text)}</text>`,
    )
  })

  // The legend: one row (or more) under the drawing, items laid out by their text width.
  const items: Array<{ swatch: (x: number, y: number) => string; text: string }> = [
    ...[...new Set(design.hosts.map((h) => h.virtualization.kind))].map((k) => ({
      swatch: (x: number, y: number) =>
        `<rect x="${x}" y="${(y - legendPx * 0.8).toFixed(1)}" width="${legendPx}" height="${legendPx}" rx="2" fill="${KIND_COLOUR[k]}"/>`,
      text: KIND_LABEL[k],
    })),
  ]
  if (design.switches.length > 0)
    items.push({
      swatch: (x, y) =>
        `<circle cx="${(x + legendPx / 2).toFixed(1)}" cy="${(y - legendPx * 0.3).toFixed(1)}" r="${(legendPx / 2).toFixed(1)}" fill="${SWITCH_COLOUR.aggregation}"/>`,
      text: 'switches',
    })
  if (design.storage.length > 0)
    items.push({
      swatch: (x, y) =>
        `<ellipse cx="${(x + legendPx / 2).toFixed(1)}" cy="${(y - legendPx * 0.3).toFixed(1)}" rx="${(legendPx * 0.65).toFixed(1)}" ry="${(legendPx * 0.4).toFixed(1)}" fill="#f59e0b"/>`,
      text: 'storage',
    })
  const drawingBottom = Math.max(Math.ceil(spanY * scale), bottom + 6, Math.ceil(rackBottom))
  let lx = 10
  let ly = drawingBottom + legendRowPx
  const legend: string[] = []
  for (const item of items) {
    const w = legendPx * 1.6 + item.text.length * legendPx * CHAR_EM + legendPx
    if (lx > 10 && lx + w > width) {
      lx = 10
      ly += legendRowPx
    }
    legend.push(
      item.swatch(lx, ly) +
        `<text x="${(lx + legendPx * 1.4).toFixed(1)}" y="${ly.toFixed(1)}" font-size="${legendPx}" fill="#374151">${esc(item.text)}</text>`,
    )
    lx += w
  }
  const height = Math.ceil(ly + legendRowPx / 2)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="topology" font-family="Helvetica, Arial, sans-serif">${parts.join('')}${legend.join('')}</svg>`
}
