/**
 * Compute capacity: the instance's effective demand (overheads included; on a bare-metal
 * host, the whole host) must fit the host's allocatable vCPUs, memory and local disk, and the
 * host's density cap must not be reached.
 */
import { demandOn } from '../ledger'
import type { SchedulerFilter } from '../types'

export const COMPUTE_REASONS = {
  bareMetalTaken: 'bare-metal host already in use',
  instances: 'instance limit per host reached',
  vcpu: 'insufficient vCPU',
  memory: 'insufficient memory',
  disk: 'insufficient local disk',
} as const

export const computeFilter: SchedulerFilter = {
  name: 'compute',
  check(st, w, h) {
    const cap = st.cap[h]
    if (!cap) return COMPUTE_REASONS.instances
    const used = st.usedInstances[h] ?? 0
    if (used >= cap.maxInstances)
      return st.over[h]?.kind === 'native'
        ? COMPUTE_REASONS.bareMetalTaken
        : COMPUTE_REASONS.instances
    const d = demandOn(st, w, h)
    if ((st.usedMemMiB[h] ?? 0) + d.memoryMiB > cap.memoryMiB) return COMPUTE_REASONS.memory
    if ((st.usedVcpuMilli[h] ?? 0) + d.vcpuMilli > cap.vcpuMilli) return COMPUTE_REASONS.vcpu
    if ((st.usedDiskGiB[h] ?? 0) + d.diskGiB > cap.diskGiB) return COMPUTE_REASONS.disk
    return undefined
  },
}
