/**
 * Tenant-safe forms of the scheduler's outputs. A tenant sees only its own instances; reasons
 * that name another tenant become "another tenant"; host ids become `host 1`, `host 2`...
 * unless the tenant may see host names (`tenant.showHostNames`).
 */
import type {
  Explanation,
  PlacementResult,
  RejectionCount,
} from '../../../shared/contract/calls/scheduler'
import { reasonLines, sortRejections, summarize } from './explain'
import { ISOLATION_REASONS } from './filters/isolation'

/** Rejection counts with every tenant-naming reason made generic (and regrouped). */
export function tenantSafeRejections(list: readonly RejectionCount[]): RejectionCount[] {
  const merged = new Map<string, RejectionCount>()
  for (const r of list) {
    const reason = r.filter === 'isolation' ? safeIsolationReason(r.reason) : r.reason
    const key = `${r.filter}\u0000${reason}`
    const entry = merged.get(key)
    if (entry) entry.count += r.count
    else merged.set(key, { filter: r.filter, reason, count: r.count })
  }
  return sortRejections([...merged.values()])
}

/**
 * Host-id pseudonyms for one tenant view: `host 1`, `host 2`... in order of first use. With
 * `visible`, the ids in it are shown as they are (the hosts a tenant allowed to see host names
 * runs on); every other host stays a pseudonym.
 */
export function hostAliaser(
  showHostNames: boolean,
  visible?: ReadonlySet<string>,
): (hostId: string) => string {
  const alias = new Map<string, string>()
  return (id) => {
    if (showHostNames && (!visible || visible.has(id))) return id
    let a = alias.get(id)
    if (!a) alias.set(id, (a = `host ${alias.size + 1}`))
    return a
  }
}

/**
 * The tenant-safe form of an explanation for `tenantId`: `undefined` when the instance is not
 * that tenant's; reasons that name another tenant become "another tenant"; host ids become
 * `host 1`, `host 2`... unless the tenant may see host names, and then only the hosts in
 * `visible` (the ones its instances run on) keep their ids.
 */
export function tenantSafeExplanation(
  e: Explanation,
  tenantId: string,
  showHostNames: boolean,
  visible?: ReadonlySet<string>,
): Explanation | undefined {
  if (e.tenantId !== tenantId) return undefined
  const rejections = tenantSafeRejections(e.rejections)
  const name = hostAliaser(showHostNames, visible)
  const hostId = e.hostId === undefined ? undefined : name(e.hostId)
  const out: Explanation = {
    ...e,
    rejections,
    reasons: reasonLines(rejections),
    summary: summarize(e.feasibleCount, e.hostCount, rejections, hostId),
    candidates: e.candidates.map((c) => ({ ...c, hostId: name(c.hostId) })),
  }
  if (hostId === undefined) delete out.hostId
  else out.hostId = hostId
  return out
}

const GENERIC_ISOLATION = new Set<string>(Object.values(ISOLATION_REASONS))

function safeIsolationReason(reason: string): string {
  if (GENERIC_ISOLATION.has(reason)) return reason
  return reason.startsWith('rack ')
    ? ISOLATION_REASONS.rackDedicated
    : ISOLATION_REASONS.hostDedicated
}

/**
 * The part of a placement result one tenant may see: its own instances only, tenant-safe
 * reasons, aliased hosts, and no per-host usage (hosts are shared with other tenants).
 */
export function tenantSafeResult(
  r: PlacementResult,
  tenantId: string,
  showHostNames: boolean,
): PlacementResult {
  const name = hostAliaser(showHostNames)
  const placed = r.placed
    .filter((p) => p.tenantId === tenantId)
    .map((p) => {
      const q = { ...p, hostId: name(p.hostId) }
      delete q.storageId
      return q
    })
  const unplaced = r.unplaced
    .filter((u) => u.tenantId === tenantId)
    .map((u) => {
      const reasons = tenantSafeRejections(u.reasons)
      const feasible = Math.max(0, r.hostCount - reasons.reduce((n, x) => n + x.count, 0))
      return {
        ...u,
        reasons,
        summary: reasons.length ? summarize(feasible, r.hostCount, reasons) : u.summary,
      }
    })
  return {
    ...r,
    instanceCount: placed.length + unplaced.length,
    placed,
    unplaced,
    hostUsage: [],
  }
}
