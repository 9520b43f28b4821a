/**
 * Storage: when the workload asks for a storage class, a storage system serving that class
 * must be reachable from the host through links, with room (disk x replication) and IOPS left.
 */
import { pickStorage, STORAGE_FULL, STORAGE_NO_IOPS, STORAGE_UNREACHABLE } from '../ledger'
import type { SchedulerFilter } from '../types'

export const storageFilter: SchedulerFilter = {
  name: 'storage',
  check(st, w, h) {
    const s = pickStorage(st, w, h)
    const cls = st.workloads[w]?.storageClass ?? ''
    if (s === STORAGE_UNREACHABLE) return `no reachable storage for class "${cls}"`
    if (s === STORAGE_FULL) return `storage for class "${cls}" full`
    if (s === STORAGE_NO_IOPS) return `storage for class "${cls}" out of IOPS`
    return undefined
  },
}
