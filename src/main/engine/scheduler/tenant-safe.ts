/**
 * Tenant-safe forms of the scheduler's outputs. A tenant sees only its own instances; reasons
 * that name another tenant become "another tenant"; host ids become `host 1`, `host 2`...
 * unless the tenant may see host names (`tenant.showHostNames`); no count of hosts appears
 * (the provider's totals and how many hosts other tenants hold are not the tenant's to know).
 */
import type { Explanation, PlacementResult, RejectionCount } from '../../../shared/domain/placement'
import { sortRejections } from './explain'
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
 *
 * `visible` lists the tenant's hosts in order of first use by its instances in instance order,
 * the order `tenantSafeResult` (the tenant's placement digest) numbers them in: they are
 * numbered first, so a host has the same pseudonym in every explanation and in the digest
 * (review s7a #9: both of Acme's db replicas were "placed on host 1", on two hosts). Other
 * hosts (candidates the tenant does not use) are numbered after them, never as one of them.
 */
export function tenantSafeExplanation(
  e: Explanation,
  tenantId: string,
  showHostNames: boolean,
  visible?: ReadonlySet<string>,
): Explanation | undefined {
  if (e.tenantId !== tenantId) return undefined
  const reasons = tenantReasons(e.rejections)
  const name = hostAliaser(showHostNames, visible)
  if (visible) for (const id of visible) name(id)
  const hostId = e.hostId === undefined ? undefined : name(e.hostId)
  const out: Explanation = {
    instanceId: e.instanceId,
    workloadId: e.workloadId,
    tenantId: e.tenantId,
    placed: e.placed,
    rejections: [],
    reasons,
    summary: tenantSummary(reasons, hostId),
    candidates: e.candidates.map((c) => ({ ...c, hostId: name(c.hostId) })),
  }
  if (hostId !== undefined) out.hostId = hostId
  return out
}

/**
 * Reasons as a tenant may read them: phrases without counts (counts of hosts are provider
 * data and would tell how many hosts other tenants hold), most frequent first.
 */
function tenantReasons(list: readonly RejectionCount[]): string[] {
  return tenantSafeRejections(list).map((r) => r.reason)
}

function tenantSummary(reasons: readonly string[], hostId: string | undefined): string {
  if (hostId !== undefined) return `placed on ${hostId}`
  return reasons.length > 0 ? `not placed: ${reasons.join('; ')}` : 'not placed'
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
 * Unplaced instances carry their reasons in `summary` only, unless `unplacedReasons`: then
 * also as tenant-safe rejections whose counts the caller must drop (tenancy's projection).
 */
export function tenantSafeResult(
  r: PlacementResult,
  tenantId: string,
  showHostNames: boolean,
  options: { unplacedReasons?: boolean } = {},
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
      const reasons = tenantReasons(u.reasons)
      // the reasons, made tenant-safe, only for a caller that keeps their phrases alone
      // (tenancy's explanations): their counts are of the provider's hosts
      const kept = options.unplacedReasons ? tenantSafeRejections(u.reasons) : []
      return { ...u, reasons: kept, summary: tenantSummary(reasons, undefined) }
    })
  const out: PlacementResult = {
    ...r,
    instanceCount: placed.length + unplaced.length,
    placed,
    unplaced,
    hostUsage: [],
  }
  delete out.hostCount
  return out
}
