/**
 * Spread (least allocated, like kube-scheduler's LeastAllocated): the mean free fraction of
 * the host's allocatable vCPUs and memory after placing the instance, 0..1.
 */
import { demandOn } from '../ledger'
import type { SchedulerState } from '../state'
import type { SchedulerWeigher } from '../types'

/** Mean free fraction of vCPU and memory on `h` after adding one instance of `w`. */
export function freeFractionAfter(st: SchedulerState, w: number, h: number): number {
  const cap = st.cap[h]
  if (!cap) return 0
  const d = demandOn(st, w, h)
  const cpu = cap.vcpuMilli > 0 ? 1 - ((st.usedVcpuMilli[h] ?? 0) + d.vcpuMilli) / cap.vcpuMilli : 0
  const mem = cap.memoryMiB > 0 ? 1 - ((st.usedMemMiB[h] ?? 0) + d.memoryMiB) / cap.memoryMiB : 0
  return Math.min(1, Math.max(0, (cpu + mem) / 2))
}

export const spreadWeigher: SchedulerWeigher = {
  name: 'spread',
  score: freeFractionAfter,
}
