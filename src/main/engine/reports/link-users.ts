/**
 * Who used each link (issue 17), for the provider's most congested links: the tenants whose
 * declared traffic is routed over it, and whether live migrations crossed it. Routes are the
 * network model's own (`Fabric`: shortest paths, every equal-cost path counted) between the
 * hosts where each instance ended the run (or started, when it did not run at the end) on the
 * intact fabric; so it names who was routed there, not how much each sent (the run's result
 * keeps per-link totals only). Bounded: past `maxRoutes` distinct routes it gives up.
 */
import type { Design } from '../../../shared/design/schema'
import type { SimulationResult } from '../../../shared/domain/simulation-result'
import { Fabric, OUTSIDE } from '../network'

/** Per link or uplink id: tenant ids routed over it, and whether a migration crossed it. */
export interface LinkUsers {
  tenants: Map<string, Set<string>>
  migrations: Set<string>
}

/** Default bound on distinct host-to-host routes looked at. */
export const MAX_USER_ROUTES = 50_000

/** Who used each link in run `r` of `design`; undefined past `maxRoutes` routes. */
export function linkUsers(
  design: Design,
  r: Pick<SimulationResult, 'instances' | 'migrations'>,
  maxRoutes = MAX_USER_ROUTES,
): LinkUsers | undefined {
  const fabric = new Fabric(design)
  const hostsOf = new Map<string, Set<string>>()
  for (const i of r.instances) {
    const host = i.finalHostId ?? i.initialHostId
    if (host === undefined) continue
    let set = hostsOf.get(i.workloadId)
    if (!set) hostsOf.set(i.workloadId, (set = new Set()))
    set.add(host)
  }
  const out: LinkUsers = { tenants: new Map(), migrations: new Set() }
  const seen = new Set<string>()
  let budget = maxRoutes
  /** Marks every element of every equal-cost path from a to b; false once over budget. */
  const walk = (a: number | undefined, b: number | undefined, mark: (id: string) => void) => {
    if (a === undefined || b === undefined) return true
    if (--budget < 0) return false
    for (const path of fabric.route(a, b) ?? [])
      for (const resource of path) {
        const id = fabric.elementIds[fabric.resourceElement[resource] as number]
        if (id !== undefined) mark(id)
      }
    return true
  }
  for (const w of design.workloads) {
    const t = w.traffic
    const from = hostsOf.get(w.id)
    if (!t || !from) continue
    const mark = (id: string): void => {
      let set = out.tenants.get(id)
      if (!set) out.tenants.set(id, (set = new Set()))
      set.add(w.tenantId)
    }
    const pairs: Array<[number | undefined, number | undefined]> = []
    for (const p of t.eastWest)
      for (const hb of hostsOf.get(p.peerWorkloadId) ?? [])
        for (const ha of from) pairs.push([fabric.endpoint(ha), fabric.endpoint(hb)])
    for (const h of from) {
      if (t.egressGbps > 0) pairs.push([fabric.endpoint(h), OUTSIDE])
      if (t.ingressGbps > 0) pairs.push([OUTSIDE, fabric.endpoint(h)])
    }
    for (const [a, b] of pairs) {
      const key = `${w.tenantId}\u0000${a}\u0000${b}`
      if (seen.has(key)) continue
      seen.add(key)
      if (!walk(a, b, mark)) return undefined
    }
  }
  for (const m of r.migrations)
    if (
      !walk(fabric.endpoint(m.fromHostId), fabric.endpoint(m.toHostId), (id) =>
        out.migrations.add(id),
      )
    )
      return undefined
  return out
}
