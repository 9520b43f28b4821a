/**
 * Affinity and anti-affinity of a workload's instances (its group), at host or rack scope.
 * Anti-affinity: no two instances share a host (rack). Affinity: once one instance is placed,
 * the rest join its host (rack). Hosts outside any rack count as their own rack.
 */
import type { SchedulerFilter } from '../types'

export const AFFINITY_REASONS = {
  antiHost: 'another instance of the same group already runs here (anti-affinity)',
  antiRack: 'another instance of the same group already runs in this rack (anti-affinity)',
  affinityHost: 'not the host the rest of the group runs on (affinity)',
  affinityRack: 'not in the rack the rest of the group runs in (affinity)',
} as const

export const affinityFilter: SchedulerFilter = {
  name: 'affinity',
  check(st, w, h) {
    const g = st.groups[w]
    const policy = st.workloads[w]?.affinity
    if (!g || !policy || policy.policy === 'none' || g.placed === 0) return undefined
    const r = st.hostRack[h] ?? -1
    const rackScope = policy.scope === 'rack' && r >= 0
    if (policy.policy === 'anti-affinity') {
      if (rackScope) return g.racks.has(r) ? AFFINITY_REASONS.antiRack : undefined
      return g.hosts.has(h) ? AFFINITY_REASONS.antiHost : undefined
    }
    if (rackScope) return g.racks.has(r) ? undefined : AFFINITY_REASONS.affinityRack
    return g.hosts.has(h) ? undefined : AFFINITY_REASONS.affinityHost
  },
}
