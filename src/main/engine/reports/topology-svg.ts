/**
 * A picture of the topology as SVG, from the positions drawn on the canvas: racks as frames
 * around their devices, hosts coloured by virtualization kind, switches by tier, storage,
 * and the links between them. Elements without a position are laid out on a grid below.
 * Pure string building; every text is escaped.
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
  os: 'containers',
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
  const height = Math.ceil(spanY * scale) + 40
  const X = (x: number) => ((x - minX) * scale).toFixed(1)
  const Y = (y: number) => ((y - minY) * scale).toFixed(1)

  const parts: string[] = []
  for (const rack of design.racks) {
    const members = [...nodes.values()].filter((n) => n.rackId === rack.id)
    if (members.length === 0) continue
    const x0 = Math.min(...members.map((n) => n.x)) - 35
    const x1 = Math.max(...members.map((n) => n.x)) + 35
    const y0 = Math.min(...members.map((n) => n.y)) - 40
    const y1 = Math.max(...members.map((n) => n.y)) + 30
    parts.push(
      `<rect x="${X(x0)}" y="${Y(y0)}" width="${((x1 - x0) * scale).toFixed(1)}" height="${((y1 - y0) * scale).toFixed(1)}" rx="6" fill="#f3f4f6" stroke="#9ca3af"/>`,
      `<text x="${X(x0 + 6)}" y="${(Number(Y(y0)) + 14).toFixed(1)}" font-size="12" font-weight="600" fill="#374151">${esc(rack.name || rack.id)}</text>`,
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
  for (const h of design.hosts) {
    const n = nodes.get(h.id) as Node
    const fill = KIND_COLOUR[h.virtualization.kind]
    const dash = h.state === 'up' ? '' : ' stroke-dasharray="3 2"'
    parts.push(
      `<rect x="${(Number(X(n.x)) - r).toFixed(1)}" y="${(Number(Y(n.y)) - r).toFixed(1)}" width="${(2 * r).toFixed(1)}" height="${(2 * r).toFixed(1)}" rx="3" fill="${fill}" stroke="#111827"${dash}><title>${esc(`${h.name || h.id}: ${h.virtualization.product}, ${h.sockets * h.coresPerSocket} cores, ${Math.round(h.memoryMiB / 1024)} GiB, ${h.state}`)}</title></rect>`,
      `<text x="${X(n.x)}" y="${(Number(Y(n.y)) + r + 11).toFixed(1)}" font-size="9" text-anchor="middle" fill="#111827">${esc(h.name || h.id)}</text>`,
    )
  }
  for (const s of design.switches) {
    const n = nodes.get(s.id) as Node
    parts.push(
      `<circle cx="${X(n.x)}" cy="${Y(n.y)}" r="${(r * 0.9).toFixed(1)}" fill="${SWITCH_COLOUR[s.tier]}"><title>${esc(`${s.name || s.id}: ${s.tier} switch, ${s.ports} x ${s.portGbps} Gbps`)}</title></circle>`,
      `<text x="${X(n.x)}" y="${(Number(Y(n.y)) + r + 11).toFixed(1)}" font-size="9" text-anchor="middle" fill="#111827">${esc(s.name || s.id)}</text>`,
    )
  }
  for (const s of design.storage) {
    const n = nodes.get(s.id) as Node
    parts.push(
      `<ellipse cx="${X(n.x)}" cy="${Y(n.y)}" rx="${(r * 1.3).toFixed(1)}" ry="${(r * 0.8).toFixed(1)}" fill="#f59e0b" stroke="#92400e"><title>${esc(`${s.name || s.id}: ${s.kind}, ${s.capacityGiB} GiB`)}</title></ellipse>`,
      `<text x="${X(n.x)}" y="${(Number(Y(n.y)) + r + 11).toFixed(1)}" font-size="9" text-anchor="middle" fill="#111827">${esc(s.name || s.id)}</text>`,
    )
  }
  const kinds = [...new Set(design.hosts.map((h) => h.virtualization.kind))]
  const extra: string[] = []
  const at = kinds.length * 140
  if (design.switches.length > 0)
    extra.push(
      `<circle cx="${16 + at}" cy="${height - 18}" r="6" fill="${SWITCH_COLOUR.aggregation}"/><text x="${27 + at}" y="${height - 14}" font-size="11" fill="#374151">switches</text>`,
    )
  if (design.storage.length > 0)
    extra.push(
      `<ellipse cx="${16 + at + 100}" cy="${height - 18}" rx="8" ry="5" fill="#f59e0b"/><text x="${27 + at + 100}" y="${height - 14}" font-size="11" fill="#374151">storage</text>`,
    )
  const legend =
    extra.join('') +
    kinds
      .map(
        (k, i) =>
          `<rect x="${10 + i * 140}" y="${height - 24}" width="12" height="12" rx="2" fill="${KIND_COLOUR[k]}"/><text x="${27 + i * 140}" y="${height - 14}" font-size="11" fill="#374151">${esc(KIND_LABEL[k])}</text>`,
      )
      .join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="topology" font-family="Helvetica, Arial, sans-serif">${parts.join('')}${legend}</svg>`
}
