/**
 * The test oracle for tenant isolation, written independently of the tenancy guard: every
 * string tenant `tenantId` must never receive (other tenants' and their workloads' and
 * networks' ids and names; hosts' ids and names unless the tenant may see them (its own
 * hosts, when `showHostNames`); racks, zones, storage systems, switches, links), minus the
 * strings that are also its own.
 */
import type { Design } from '../../../src/shared/design/schema'

export function foreignStrings(
  design: Design,
  tenantId: string,
  ownHostIds: ReadonlySet<string>,
): string[] {
  const mine = new Set<string>()
  const theirs = new Set<string>()
  const tenant = design.tenants.find((t) => t.id === tenantId)
  for (const t of design.tenants) (t.id === tenantId ? mine : theirs).add(t.id).add(t.name)
  for (const w of design.workloads) (w.tenantId === tenantId ? mine : theirs).add(w.id).add(w.name)
  for (const n of design.networks) (n.tenantId === tenantId ? mine : theirs).add(n.id).add(n.name)
  for (const h of design.hosts) {
    // The provider may let a tenant see its own hosts (`showHostNames`): their ids and names.
    if (!(tenant?.showHostNames && ownHostIds.has(h.id))) theirs.add(h.id).add(h.name)
  }
  for (const list of [design.racks, design.zones, design.storage, design.switches])
    for (const e of list) theirs.add(e.id).add(e.name)
  for (const l of design.links) theirs.add(l.id)
  return [...theirs].filter((s) => s !== '' && !mine.has(s))
}

/** The foreign strings found in a serialized payload. */
export function findForeign(json: string, foreign: ReadonlyArray<string>): string[] {
  return foreign.filter((s) => json.includes(s))
}
