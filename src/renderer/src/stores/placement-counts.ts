/**
 * A placement digest counted per host and per tenant in slices (issue 19: at 10,000 hosts and
 * 100,000 instances, counting and the per-host maps it built froze the window for ~200 ms in
 * one task, plus the garbage collection of its transient maps). The columns are walked
 * `slice` entries at a time, giving the page back between slices (`yieldToMain`); groups are
 * walked in tenant id order, so each host's counts come out in tenant id order without a sort
 * or a per-host map.
 */
import type { PlacementDigest } from '../../../shared/domain/placement-digest'
import { yieldToMain } from './yielding'

/** Instances of one tenant on one host. */
export interface TenantCount {
  tenantId: string
  count: number
}

/** A placement counted: per host (in tenant id order) and per tenant. */
export interface PlacementCounts {
  /** Host id -> its instances per tenant, in tenant id order; hosts without instances absent. */
  byHost: ReadonlyMap<string, readonly TenantCount[]>
  /** Tenant id -> placed instances; tenants without placed instances absent. */
  placedByTenant: ReadonlyMap<string, number>
}

/** Column entries counted between two yields (~1–3 ms of work on an idle machine). */
export const COUNT_SLICE_ENTRIES = 20_000

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Counts `digest` per host and tenant, yielding to the page after every `slice` column
 * entries. Resolves undefined as soon as `current()` turns false after a yield (a newer
 * placement superseded this one). Same figures as `digestCountsByHost` and
 * `digestPlacedByTenant` (`src/shared/domain/placement-digest.ts`).
 */
export async function countPlacement(
  digest: PlacementDigest,
  current: () => boolean = () => true,
  slice = COUNT_SLICE_ENTRIES,
): Promise<PlacementCounts | undefined> {
  const groups = digest.groups
  // stable: groups of one tenant keep their order (their sum does not depend on it anyway)
  const order = groups
    .map((_, i) => i)
    .sort((a, b) => byCodeUnits(groups[a]!.tenantId, groups[b]!.tenantId) || a - b)
  const perHost: Array<TenantCount[] | undefined> = new Array(digest.hostIds.length)
  const placedByTenant = new Map<string, number>()
  let budget = slice
  for (const gi of order) {
    const g = groups[gi]!
    const tenantId = g.tenantId
    const hosts = g.hosts
    let placed = 0
    for (let start = 0; start < hosts.length;) {
      if (budget <= 0) {
        await yieldToMain()
        if (!current()) return undefined
        budget = slice
      }
      const end = Math.min(hosts.length, start + budget)
      budget -= end - start
      for (let i = start; i < end; i++) {
        const h = hosts[i]!
        if (h < 0) continue
        placed++
        let list = perHost[h]
        if (!list) perHost[h] = list = []
        const last = list[list.length - 1]
        // groups come in tenant id order: a host's entry for this tenant, if any, is its last
        if (last !== undefined && last.tenantId === tenantId) last.count++
        else list.push({ tenantId, count: 1 })
      }
      start = end
    }
    if (placed > 0) placedByTenant.set(tenantId, (placedByTenant.get(tenantId) ?? 0) + placed)
  }
  const byHost = new Map<string, TenantCount[]>()
  for (let h = 0; h < perHost.length; h++) {
    const list = perHost[h]
    const id = digest.hostIds[h]
    if (list && id !== undefined) byHost.set(id, list)
  }
  return current() ? { byHost, placedByTenant } : undefined
}
