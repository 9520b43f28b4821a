/**
 * What the network lets each host reach: the storage systems reachable through links (via
 * switches only, never through another host), and each rack's uplink budget.
 *
 * Rules: a `local` storage system is reachable from its own host. A storage system is reachable
 * from a host when a path host -> switch* -> storage exists. A design that draws no links at
 * all does not model its network: every storage system is then reachable from every host.
 */
import type { Design } from '../../../shared/design/schema'

/** Indices (into `storage`) of the systems each host (index into `hosts`) can reach. */
export function storageReach(
  design: Design,
  hostIds: readonly string[],
  storageIds: readonly string[],
): number[][] {
  const reach: number[][] = hostIds.map(() => [])
  const hostIndex = new Map(hostIds.map((id, i) => [id, i]))
  if (design.links.length === 0) {
    const all = storageIds.map((_, s) => s)
    return reach.map(() => all.slice())
  }
  const switchIds = new Set(design.switches.map((s) => s.id))
  const adjacency = new Map<string, string[]>()
  const add = (a: string, b: string): void => {
    let list = adjacency.get(a)
    if (!list) adjacency.set(a, (list = []))
    list.push(b)
  }
  for (const l of design.links) {
    add(l.sourceId, l.targetId)
    add(l.targetId, l.sourceId)
  }
  const byId = new Map(design.storage.map((s) => [s.id, s]))
  storageIds.forEach((sid, s) => {
    const seen = new Set<string>()
    const hosts = new Set<number>()
    const local = byId.get(sid)?.hostId
    if (local !== undefined && hostIndex.has(local)) hosts.add(hostIndex.get(local) as number)
    const queue = [sid]
    seen.add(sid)
    while (queue.length > 0) {
      const node = queue.pop() as string
      for (const next of adjacency.get(node) ?? []) {
        if (seen.has(next)) continue
        seen.add(next)
        const h = hostIndex.get(next)
        if (h !== undefined) hosts.add(h)
        else if (switchIds.has(next)) queue.push(next)
      }
    }
    for (const h of [...hosts].sort((a, b) => a - b)) reach[h]?.push(s)
  })
  return reach
}

/**
 * Uplink budget of each rack, Mbps: the NIC bandwidth of its hosts divided by the rack's
 * oversubscription (N:1), and no more than the links from the rack's switches to switches
 * outside it, when such links are drawn. Every instance's bandwidth is assumed to leave the
 * rack (the conservative case).
 */
export function rackUplinkMbps(
  design: Design,
  rackIds: readonly string[],
  hostNicMbpsByRack: readonly number[],
): Float64Array {
  const out = new Float64Array(rackIds.length)
  const rackOfSwitch = new Map(design.switches.map((s) => [s.id, s.rackId]))
  const explicit = new Map<string, number>()
  for (const l of design.links) {
    const a = rackOfSwitch.get(l.sourceId)
    const b = rackOfSwitch.get(l.targetId)
    if (!rackOfSwitch.has(l.sourceId) || !rackOfSwitch.has(l.targetId) || a === b) continue
    if (a !== undefined) explicit.set(a, (explicit.get(a) ?? 0) + l.bandwidthGbps * 1000)
    if (b !== undefined) explicit.set(b, (explicit.get(b) ?? 0) + l.bandwidthGbps * 1000)
  }
  const racks = new Map(design.racks.map((r) => [r.id, r]))
  rackIds.forEach((id, r) => {
    const over = racks.get(id)?.uplinkOversubscription ?? 1
    const budget = (hostNicMbpsByRack[r] ?? 0) / over
    const drawn = explicit.get(id)
    out[r] = drawn === undefined ? budget : Math.min(budget, drawn)
  })
  return out
}
