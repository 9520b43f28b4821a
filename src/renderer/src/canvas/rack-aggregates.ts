/**
 * What a rack's glyph shows when the canvas is zoomed out: hosts up / down, instances,
 * mean utilization and the tenants' shares of its instances, summed over the rack's hosts
 * from the same per-host overlay the hosts are painted with. Pure.
 */
import type { HostOverlay } from '../drawing/host-overlay'

/** Totals of one rack. */
export interface RackAggregate {
  hosts: number
  /** Hosts neither down in the design, failed nor switched off at the shown time. */
  up: number
  failed: number
  off: number
  instances: number
  /** Mean CPU utilization 0..1 over the rack's hosts that have one; absent before a run. */
  utilization?: number
  /** Hosts that contributed to `utilization`. */
  utilizationHosts: number
  /** Instances per tenant colour, largest first. */
  tenants: Array<{ tenantId: string; colour: string; count: number }>
}

/** A host as the aggregation needs it: its rack and its design state. */
export interface RackMember {
  id: string
  rackId: string
  down: boolean
}

/** One rack's running sums while aggregating. */
interface Sums {
  a: RackAggregate
  utilization: number
  tenants: Map<string, { colour: string; count: number }>
}

/**
 * Sums an overlay per rack, a run of members at a time (`add`), so a caller can give the page
 * back between runs (10,000 hosts are summed at every placement and simulation frame). The
 * rack of the previous member is reused, so a design's hosts, listed rack by rack, cost one
 * map lookup per rack rather than per host.
 */
export class RackSums {
  private readonly sums = new Map<string, Sums>()
  private last: Sums | undefined
  private lastRack: string | undefined

  constructor(private readonly overlay: ReadonlyMap<string, HostOverlay>) {}

  /** Adds members `from` (inclusive) to `to` (exclusive) of `members`. */
  add(members: readonly RackMember[], from = 0, to = members.length): void {
    const overlay = this.overlay
    for (let k = from; k < to; k++) {
      const m = members[k] as RackMember
      if (m.rackId !== this.lastRack) {
        this.lastRack = m.rackId
        this.last = this.sums.get(m.rackId)
        if (!this.last) {
          const a = {
            hosts: 0,
            up: 0,
            failed: 0,
            off: 0,
            instances: 0,
            utilizationHosts: 0,
            tenants: [],
          }
          this.last = { a, utilization: 0, tenants: new Map() }
          this.sums.set(m.rackId, this.last)
        }
      }
      const s = this.last as Sums
      const a = s.a
      const o = overlay.get(m.id)
      a.hosts++
      if (o?.failed) a.failed++
      else if (o?.off) a.off++
      else if (!m.down) a.up++
      if (o === undefined) continue
      if (o.utilization !== undefined) {
        a.utilizationHosts++
        s.utilization += o.utilization
      }
      for (const i of o.instances ?? []) {
        a.instances += i.count
        const t = s.tenants.get(i.tenantId)
        if (t) t.count += i.count
        else s.tenants.set(i.tenantId, { colour: i.colour, count: i.count })
      }
    }
  }

  /** Each rack's totals over the members added. */
  result(): Map<string, RackAggregate> {
    const out = new Map<string, RackAggregate>()
    for (const [rackId, s] of this.sums) {
      const a = s.a
      if (a.utilizationHosts > 0) a.utilization = s.utilization / a.utilizationHosts
      a.tenants = [...s.tenants]
        .map(([tenantId, t]) => ({ tenantId, ...t }))
        .sort((x, y) => y.count - x.count || (x.tenantId < y.tenantId ? -1 : 1))
      out.set(rackId, a)
    }
    return out
  }
}

/** Sums `overlay` per rack over `members` (hosts outside any rack are skipped), in one pass. */
export function rackAggregates(
  members: readonly RackMember[],
  overlay: ReadonlyMap<string, HostOverlay>,
): Map<string, RackAggregate> {
  const sums = new RackSums(overlay)
  sums.add(members)
  return sums.result()
}

/** Green (idle) to red (busy), as the host colouring: `mapData(utilization, 0, 1, …)`. */
export function utilizationColour(u: number): string {
  const t = Math.max(0, Math.min(1, u))
  const mix = (a: number, b: number): number => Math.round(a + (b - a) * t)
  const hex = (n: number): string => n.toString(16).padStart(2, '0')
  return `#${hex(mix(0x2c, 0xd6))}${hex(mix(0xa0, 0x27))}${hex(mix(0x2c, 0x28))}`
}
