/**
 * Tenant isolation: a host (or rack) holding a tenant with `dedicated-hosts`
 * (`dedicated-racks`) takes no other tenant, and such a tenant only goes where no other tenant
 * runs. Hosts outside any rack count as their own rack. Reasons never name the other tenant;
 * `detail` does, for the provider.
 */
import type { SchedulerState } from '../state'
import type { SchedulerFilter } from '../types'

export const ISOLATION_REASONS = {
  hostDedicated: 'dedicated to another tenant',
  rackDedicated: 'rack dedicated to another tenant',
  hostShared: 'in use by another tenant (dedicated hosts needed)',
  rackShared: 'rack in use by another tenant (dedicated racks needed)',
} as const

function otherOwner(st: SchedulerState, w: number, h: number): number {
  const t = st.workloadTenant[w] ?? -1
  const ht = st.hostTenant[h] ?? -1
  if (ht >= 0 && ht !== t) return ht
  const r = st.hostRack[h] ?? -1
  const rt = r >= 0 ? (st.rackTenant[r] ?? -1) : -1
  return rt >= 0 && rt !== t ? rt : -1
}

export const isolationFilter: SchedulerFilter = {
  name: 'isolation',
  check(st, w, h) {
    const t = st.workloadTenant[w] ?? -1
    const ht = st.hostTenant[h] ?? -1
    if (ht >= 0 && ht !== t && (st.tenantPolicy[ht] ?? 0) >= 1)
      return ISOLATION_REASONS.hostDedicated
    const r = st.hostRack[h] ?? -1
    const rt = r >= 0 ? (st.rackTenant[r] ?? -1) : -1
    if (rt >= 0 && rt !== t && st.tenantPolicy[rt] === 2) return ISOLATION_REASONS.rackDedicated
    const mine = st.tenantPolicy[t] ?? 0
    if (mine === 0) return undefined
    const hostForeign = ht === -2 || (ht >= 0 && ht !== t)
    if (mine === 1 || r < 0) return hostForeign ? ISOLATION_REASONS.hostShared : undefined
    return rt === -2 || (rt >= 0 && rt !== t) ? ISOLATION_REASONS.rackShared : undefined
  },
  detail(st, w, h, reason) {
    const owner = otherOwner(st, w, h)
    const name = st.tenants[owner]?.name
    if (name === undefined) return reason
    if (reason === ISOLATION_REASONS.hostDedicated) return `dedicated to ${name}`
    if (reason === ISOLATION_REASONS.rackDedicated) return `rack dedicated to ${name}`
    return reason
  },
}
