/**
 * Network: the instance's bandwidth must fit what is left of the host's NIC (after the
 * virtualization kind's network throughput factor) and of its rack's uplink budget (after
 * oversubscription; see ../topology.ts).
 */
import type { SchedulerFilter } from '../types'

export const NETWORK_REASONS = {
  nic: 'insufficient NIC bandwidth',
  uplink: 'rack uplink bandwidth exhausted',
} as const

export const networkFilter: SchedulerFilter = {
  name: 'network',
  check(st, w, h) {
    const bw = st.workloads[w]?.reservedBandwidthMbps ?? 0
    if (bw <= 0) return undefined
    if ((st.usedBwMbps[h] ?? 0) + bw > (st.cap[h]?.nicMbps ?? 0)) return NETWORK_REASONS.nic
    const r = st.hostRack[h] ?? -1
    if (r >= 0 && (st.rackUsedBwMbps[r] ?? 0) + bw > (st.rackUplinkMbps[r] ?? 0))
      return NETWORK_REASONS.uplink
    return undefined
  },
}
