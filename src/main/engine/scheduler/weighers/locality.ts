/**
 * Locality: near the group's peers (the other instances of the same workload). 1 on a host
 * that already runs a peer, 0.5 in a rack that does, 0 elsewhere.
 */
import type { SchedulerWeigher } from '../types'

export const localityWeigher: SchedulerWeigher = {
  name: 'locality',
  score(st, w, h) {
    const g = st.groups[w]
    if (!g || g.placed === 0) return 0
    if (g.hosts.has(h)) return 1
    const r = st.hostRack[h] ?? -1
    return r >= 0 && g.racks.has(r) ? 0.5 : 0
  },
}
