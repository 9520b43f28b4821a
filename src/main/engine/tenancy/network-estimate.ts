/**
 * The GB a tenant's instances would send over a period, for the bill estimate (review s7u #1):
 * what the run bills on its `network-gb` line, east-west to peers plus egress to the outside
 * (ingress is not billed), at the declared rates times each workload's mean traffic level.
 * GB = Gbps × seconds ÷ 8 (decimal GB, as the network accounts count them).
 */
import type { Workload } from '../../../shared/design/schema'
import { meanTrafficLevel } from '../network/traffic-profile'

/**
 * GB sent over `periodS` seconds by `counted.get(workloadId)` instances of each of `workloads`
 * (the tenant's own; instances not counted send nothing). East-west to a peer with no counted
 * instance is left out, as the run leaves it undelivered.
 */
export function estimatedNetworkGB(
  workloads: readonly Workload[],
  counted: ReadonlyMap<string, number>,
  periodS: number,
): number {
  let gb = 0
  for (const w of workloads) {
    const n = counted.get(w.id) ?? 0
    if (!w.traffic || n === 0) continue
    let perInstanceGbps = w.traffic.egressGbps
    for (const p of w.traffic.eastWest)
      if ((counted.get(p.peerWorkloadId) ?? 0) > 0) perInstanceGbps += p.sendGbps
    gb += (n * perInstanceGbps * meanTrafficLevel(w.traffic, periodS) * periodS) / 8
  }
  return gb
}
