/**
 * Where a host, switch or storage system dropped onto a rack goes: the rack's next free grid
 * slot, never on top of a member (review s9u C7: two hosts, an lxc host and a ToR dropped on
 * an empty rack landed on one spot, their labels unreadable). The grid is the tiered layout's:
 * cells of `CELL` model units from the rack's top-left member, as many columns as the layout
 * would give the rack with the new member (near square, up to 8) or as its members already
 * spread, rows added below as needed. Pure; model positions.
 */
import type { Design } from '../../../shared/design/schema'
import { CELL, rackColumns, tieredLayout } from './tiered-layout'

type Pos = { x: number; y: number }
type Member = { id: string; rackId?: string; position?: Pos }

/** Two nodes closer than this on both axes overlap (their shapes and labels collide). */
const CLEAR = CELL * 0.75
const MAX_COLUMNS = 8

/**
 * The position for a new member of rack `rackId` (`isSwitch`: a ToR, which takes the top
 * rows). An empty rack takes it at `dropped`. Members with no stored position count where the
 * canvas draws them (the tiered layout).
 */
export function nextRackSlot(design: Design, rackId: string, isSwitch: boolean, dropped: Pos): Pos {
  const switches: Member[] = design.switches.filter((s) => s.rackId === rackId)
  const grid: Member[] = [...design.hosts, ...design.storage].filter((e) => e.rackId === rackId)
  const members = [...switches, ...grid]
  if (members.length === 0) return { x: Math.round(dropped.x), y: Math.round(dropped.y) }
  let layout: Map<string, Pos> | undefined
  const at = (m: Member): Pos =>
    m.position ?? (layout ??= tieredLayout(design)).get(m.id) ?? dropped
  const taken = members.map(at)
  const xs = taken.map((p) => p.x)
  const left = Math.min(...xs)
  const spread = Math.round((Math.max(...xs) - left) / CELL) + 1
  const columns = Math.max(
    Math.min(spread, MAX_COLUMNS),
    rackColumns(grid.length + (isSwitch ? 0 : 1)),
  )
  // hosts and storage fill the grid under the switches; switches the top rows
  const rowsFrom = !isSwitch && grid.length > 0 ? grid.map(at) : taken
  const top = Math.min(...rowsFrom.map((p) => p.y))
  const free = (p: Pos): boolean =>
    taken.every((q) => Math.abs(q.x - p.x) >= CLEAR || Math.abs(q.y - p.y) >= CLEAR)
  for (let row = 0; ; row++)
    for (let col = 0; col < columns; col++) {
      const slot = { x: left + col * CELL, y: top + row * CELL }
      if (free(slot)) return slot
    }
}
