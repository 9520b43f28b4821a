/**
 * The tiered layout: core switches on top, aggregation below, access switches not in a rack
 * below that, then the racks side by side (ToR switches on the rack's first row, hosts in a
 * grid under them), unracked hosts last; storage outside racks sits beside the core. Pure: returns model positions by id.
 */
import type { Design } from '../../../shared/design/schema'

export const TIER_GAP = 150
const CELL = 80
const RACK_COLUMNS = 3
const RACK_GAP = 80

function row(ids: readonly string[], y: number, width: number, out: Map<string, Pos>): void {
  const step = ids.length > 0 ? Math.max(CELL, width / ids.length) : CELL
  ids.forEach((id, i) => out.set(id, { x: Math.round(step * i + step / 2), y }))
}

type Pos = { x: number; y: number }

/** Positions of every host, switch and storage system, by id (racks follow their children). */
export function tieredLayout(design: Design): Map<string, Pos> {
  const out = new Map<string, Pos>()
  const rackIds = new Set(design.racks.map((r) => r.id))
  const inRack = new Map<string, { switches: string[]; hosts: string[]; storage: string[] }>()
  for (const r of design.racks) inRack.set(r.id, { switches: [], hosts: [], storage: [] })
  const loose = { hosts: [] as string[], storage: [] as string[], access: [] as string[] }
  for (const s of design.switches)
    if (s.rackId && rackIds.has(s.rackId)) inRack.get(s.rackId)?.switches.push(s.id)
  for (const h of design.hosts)
    if (h.rackId && rackIds.has(h.rackId)) inRack.get(h.rackId)?.hosts.push(h.id)
    else loose.hosts.push(h.id)
  for (const s of design.storage)
    if (s.rackId && rackIds.has(s.rackId)) inRack.get(s.rackId)?.storage.push(s.id)
    else loose.storage.push(s.id)

  // racks side by side, grouped by zone (design order within a zone)
  const zoneOrder = new Map(design.zones.map((z, i) => [z.id, i]))
  const racks = [...design.racks].sort(
    (a, b) =>
      (zoneOrder.get(a.zoneId ?? '') ?? 1e9) - (zoneOrder.get(b.zoneId ?? '') ?? 1e9) ||
      design.racks.indexOf(a) - design.racks.indexOf(b),
  )
  const rackTop = 3 * TIER_GAP
  let x = 0
  let bottom = rackTop
  for (const rack of racks) {
    const members = inRack.get(rack.id)
    if (!members) continue
    const cols = Math.max(1, Math.min(RACK_COLUMNS, members.hosts.length))
    members.switches.forEach((id, i) =>
      out.set(id, { x: x + (i % cols) * CELL, y: rackTop + Math.floor(i / cols) * CELL }),
    )
    const hostTop = rackTop + Math.ceil(members.switches.length / cols) * CELL
    const grid = [...members.hosts, ...members.storage]
    grid.forEach((id, i) =>
      out.set(id, { x: x + (i % cols) * CELL, y: hostTop + Math.floor(i / cols) * CELL }),
    )
    bottom = Math.max(bottom, hostTop + Math.ceil(grid.length / cols) * CELL)
    x += cols * CELL + RACK_GAP
  }
  const width = Math.max(x, 4 * CELL)
  const byTier = (tier: string): string[] =>
    design.switches.filter((s) => s.tier === tier && !out.has(s.id)).map((s) => s.id)
  row([...byTier('core'), ...loose.storage], 0, width, out)
  row(byTier('aggregation'), TIER_GAP, width, out)
  row(byTier('access'), 2 * TIER_GAP, width, out)
  row(loose.hosts, bottom + TIER_GAP, width, out)
  return out
}
