/**
 * Tenant quota: the tenant's instances, vCPUs, memory and disk (as requested, without
 * overheads) must stay within its quotas. Host-independent: when it fails, it rejects every host.
 */
import type { SchedulerFilter } from '../types'

export const quotaFilter: SchedulerFilter = {
  name: 'quota',
  check(st, w) {
    const t = st.workloadTenant[w] ?? -1
    const q = st.tenants[t]?.quotas
    const wl = st.workloads[w]
    if (!q || !wl) return undefined
    if (q.instances !== undefined && (st.tenantInstances[t] ?? 0) + 1 > q.instances)
      return `tenant quota reached: instances (${q.instances})`
    if (q.vcpus !== undefined && (st.tenantVcpus[t] ?? 0) + wl.vcpus > q.vcpus)
      return `tenant quota reached: vCPUs (${q.vcpus})`
    if (q.memoryMiB !== undefined && (st.tenantMemMiB[t] ?? 0) + wl.memoryMiB > q.memoryMiB)
      return `tenant quota reached: memory (${q.memoryMiB} MiB)`
    if (q.diskGiB !== undefined && (st.tenantDiskGiB[t] ?? 0) + wl.diskGiB > q.diskGiB)
      return `tenant quota reached: disk (${q.diskGiB} GiB)`
    return undefined
  },
}
