/** Virtualization compatibility: the host's virtualization layer must accept the guest (see engine/virtualization/accepts.ts). */
import { acceptsGuest } from '../../virtualization'
import type { SchedulerFilter } from '../types'

export const virtualizationFilter: SchedulerFilter = {
  name: 'virtualization',
  check(st, w, h) {
    const host = st.hosts[h]
    const wl = st.workloads[w]
    if (!host || !wl) return 'unknown host or workload'
    const verdict = acceptsGuest(host, wl)
    return verdict.ok ? undefined : verdict.reason
  },
}
