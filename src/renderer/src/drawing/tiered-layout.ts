/**
 * The tiered layout: core switches on top, aggregation below, access switches not in a rack
 * below that, then the halls (zones) one under another, each holding its racks in rows that
 * fill a wide view (thousands of racks make a block, not one long band). Inside a rack the
 * ToR switches take the first row and hosts a near-square grid under them; unracked hosts
 * come last; storage outside racks sits beside the core. Pure: returns model positions by id.
 */
import type { Design } from '../../../shared/design/schema'

export const TIER_GAP = 150
/** Distance between neighbouring nodes of a rack's grid (model units). */
export const CELL = 80
/** Space between racks of a row, and between rows (room for the rack label above). */
const RACK_GAP = 110
const HALL_GAP = 260
/** Width : height of the block of racks the layout aims for (a wide window). */
const ASPECT = 1.3

type Pos = { x: number; y: number }

/** Where the layout put a rack (model units): its grid cell, hall and row. */
export interface RackSlot {
  rackId: string
  /** Zone id ('' for racks in no zone). */
  hallId: string
  /** Row index within its hall, from 0. */
  row: number
}

function line(ids: readonly string[], y: number, width: number, out: Map<string, Pos>): void {
  const step = ids.length > 0 ? Math.max(CELL, width / ids.length) : CELL
  ids.forEach((id, i) => out.set(id, { x: Math.round(step * i + step / 2), y }))
}

/** Columns of a rack's host grid: near square, 1..8. */
export function rackColumns(members: number): number {
  return Math.max(1, Math.min(8, Math.ceil(Math.sqrt(members * 1.2))))
}

/** Racks in hall order (zones in design order, racks without a zone last). */
export function racksByHall(design: Design): Map<string, Design['racks']> {
  const zoneIds = new Set(design.zones.map((z) => z.id))
  const halls = new Map<string, Design['racks']>(design.zones.map((z) => [z.id, []]))
  for (const r of design.racks) {
    const hall = r.zoneId && zoneIds.has(r.zoneId) ? r.zoneId : ''
    if (!halls.has(hall)) halls.set(hall, [])
    halls.get(hall)?.push(r)
  }
  for (const [id, racks] of halls) if (racks.length === 0) halls.delete(id)
  return halls
}

/**
 * The hall and row of every rack, as the layout arranges them: `columns` racks per row, the
 * same for every hall, chosen so the whole block is about ASPECT times as wide as high.
 */
export function rackSlots(design: Design, columns = rackGridColumns(design)): RackSlot[] {
  const out: RackSlot[] = []
  for (const [hallId, racks] of racksByHall(design))
    racks.forEach((r, i) => out.push({ rackId: r.id, hallId, row: Math.floor(i / columns) }))
  return out
}

function rackMembers(design: Design): Map<string, { switches: string[]; grid: string[] }> {
  const inRack = new Map<string, { switches: string[]; grid: string[] }>()
  for (const r of design.racks) inRack.set(r.id, { switches: [], grid: [] })
  for (const s of design.switches) if (s.rackId) inRack.get(s.rackId)?.switches.push(s.id)
  for (const h of design.hosts) if (h.rackId) inRack.get(h.rackId)?.grid.push(h.id)
  for (const s of design.storage) if (s.rackId) inRack.get(s.rackId)?.grid.push(s.id)
  return inRack
}

/** Racks per row: the largest rack's box decides the cell; rows fill an ASPECT block. */
export function rackGridColumns(design: Design): number {
  const members = rackMembers(design)
  let cellW = CELL
  let cellH = CELL
  for (const m of members.values()) {
    const cols = rackColumns(m.grid.length)
    cellW = Math.max(cellW, cols * CELL + RACK_GAP)
    const rows = Math.ceil(m.switches.length / cols) + Math.ceil(m.grid.length / cols)
    cellH = Math.max(cellH, rows * CELL + RACK_GAP)
  }
  const n = Math.max(1, design.racks.length)
  return Math.max(1, Math.min(n, Math.round(Math.sqrt((n * cellH * ASPECT) / cellW))))
}

/** Positions of every host, switch and storage system, by id (racks follow their children). */
export function tieredLayout(design: Design): Map<string, Pos> {
  const out = new Map<string, Pos>()
  const inRack = rackMembers(design)
  const loose = {
    hosts: design.hosts.filter((h) => !h.rackId || !inRack.has(h.rackId)).map((h) => h.id),
    storage: design.storage.filter((s) => !s.rackId || !inRack.has(s.rackId)).map((s) => s.id),
  }
  const columns = rackGridColumns(design)
  let width = 4 * CELL
  let y = 3 * TIER_GAP
  for (const racks of racksByHall(design).values()) {
    for (let first = 0; first < racks.length; first += columns) {
      let x = 0
      let rowHeight = CELL
      for (const rack of racks.slice(first, first + columns)) {
        const m = inRack.get(rack.id) ?? { switches: [], grid: [] }
        const cols = rackColumns(m.grid.length)
        m.switches.forEach((id, i) =>
          out.set(id, { x: x + (i % cols) * CELL, y: y + Math.floor(i / cols) * CELL }),
        )
        const top = y + Math.ceil(m.switches.length / cols) * CELL
        m.grid.forEach((id, i) =>
          out.set(id, { x: x + (i % cols) * CELL, y: top + Math.floor(i / cols) * CELL }),
        )
        rowHeight = Math.max(rowHeight, top - y + Math.ceil(m.grid.length / cols) * CELL)
        x += cols * CELL + RACK_GAP
      }
      width = Math.max(width, x)
      y += rowHeight + RACK_GAP
    }
    y += HALL_GAP - RACK_GAP
  }
  const byTier = (tier: string): string[] =>
    design.switches.filter((s) => s.tier === tier && !out.has(s.id)).map((s) => s.id)
  line([...byTier('core'), ...loose.storage], 0, width, out)
  line(byTier('aggregation'), TIER_GAP, width, out)
  line(byTier('access'), 2 * TIER_GAP, width, out)
  line(loose.hosts, y + TIER_GAP, width, out)
  return out
}
