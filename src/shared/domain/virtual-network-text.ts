/**
 * A tenant's network bottlenecks in virtual terms (issue 17), one sentence per workload the
 * latest run did not fully serve, shared by the tenant view and the tenant report so both say
 * the same thing: `Traffic from web (to db, the internet) was limited: 12.50 GB of 50.00 GB
 * not carried (25.0 %).` Only the tenant's own workload names and "the internet" appear.
 */
import type { TenantVirtualNetwork } from './tenant-view'

/** The name of a virtual end point: a workload's (its id when unnamed), or the internet. */
export function virtualEndName(
  vn: Pick<TenantVirtualNetwork, 'nodes'>,
  workloadId: string | undefined,
): string {
  if (workloadId === undefined) return 'the internet'
  const node = vn.nodes.find((n) => n.workloadId === workloadId)
  return node?.workloadName || workloadId
}

/** Where a workload's traffic goes: its east-west peers and the internet, each named once. */
export function virtualDestinations(vn: TenantVirtualNetwork, workloadId: string): string[] {
  const to = vn.links
    .filter((l) => l.workloadId === workloadId && l.kind !== 'ingress')
    .map((l) => virtualEndName(vn, l.peerWorkloadId))
  return [...new Set(to)]
}

/** One sentence per workload with traffic not carried, most not carried first. */
export function virtualBottlenecks(vn: TenantVirtualNetwork): string[] {
  return (vn.traffic?.workloads ?? [])
    .filter((w) => w.demandNotServedGB > 0)
    .sort((a, b) => b.demandNotServedGB - a.demandNotServedGB)
    .map((w) => {
      const to = virtualDestinations(vn, w.workloadId)
      const toText = to.length > 0 ? ` (to ${to.join(', ')})` : ''
      const demandGB = w.gbSent + w.demandNotServedGB
      return `Traffic from ${virtualEndName(vn, w.workloadId)}${toText} was limited: ${w.demandNotServedGB.toFixed(2)} GB of ${demandGB.toFixed(2)} GB not carried (${(w.notServedFraction * 100).toFixed(1)} %).`
    })
}
