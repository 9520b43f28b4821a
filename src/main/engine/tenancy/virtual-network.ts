/**
 * A tenant's virtual network as an overlay (issue 17): its own workloads that declare or
 * receive traffic, the virtual links their `traffic` declares (east-west to peers of the same
 * tenant, egress to and ingress from the internet) and what the latest run carried for each
 * workload. Built from the tenant's own workloads and its own entry of the run's `network`
 * section only: a physical link, switch, uplink or another tenant never enters it. A peer
 * that is not the tenant's own workload (the schema's checks forbid it) is left out.
 */
import type { Workload } from '../../../shared/design/schema'
import type { NetworkTenantUsage } from '../../../shared/domain/network-result'
import type {
  TenantVirtualLink,
  TenantVirtualNetwork,
  TenantVirtualNode,
} from '../../../shared/domain/tenant-view'

/**
 * The virtual network of a tenant whose workloads are `workloads` (its own, id order), with
 * `usage` its entry of the latest run's `network.tenants`. Undefined when none of its
 * workloads declares traffic.
 */
export function projectVirtualNetwork(
  workloads: readonly Workload[],
  usage: NetworkTenantUsage | undefined,
): TenantVirtualNetwork | undefined {
  const own = new Map(workloads.map((w) => [w.id, w]))
  const links: TenantVirtualLink[] = []
  const members = new Set<string>()
  for (const w of workloads) {
    const t = w.traffic
    if (!t) continue
    members.add(w.id)
    for (const p of t.eastWest) {
      if (!own.has(p.peerWorkloadId)) continue
      members.add(p.peerWorkloadId)
      links.push({
        kind: 'east-west',
        workloadId: w.id,
        peerWorkloadId: p.peerWorkloadId,
        declaredGbps: p.sendGbps * w.count,
      })
    }
    if (t.egressGbps > 0)
      links.push({ kind: 'egress', workloadId: w.id, declaredGbps: t.egressGbps * w.count })
    if (t.ingressGbps > 0)
      links.push({ kind: 'ingress', workloadId: w.id, declaredGbps: t.ingressGbps * w.count })
  }
  if (members.size === 0) return undefined
  const nodes: TenantVirtualNode[] = workloads
    .filter((w) => members.has(w.id))
    .map((w) => {
      const node: TenantVirtualNode = {
        workloadId: w.id,
        workloadName: w.name,
        instanceCount: w.count,
      }
      if (w.networkId !== undefined) node.networkId = w.networkId
      return node
    })
  const out: TenantVirtualNetwork = { nodes, links }
  if (usage)
    out.traffic = {
      gbSent: usage.gbSent,
      gbReceived: usage.gbReceived,
      demandNotServedGB: usage.demandNotServedGB,
      notServedFraction: usage.notServedFraction,
      workloads: usage.workloads
        .filter((u) => own.has(u.workloadId))
        .map((u) => {
          const demand = u.gbSent + u.demandNotServedGB
          return {
            workloadId: u.workloadId,
            gbSent: u.gbSent,
            demandNotServedGB: u.demandNotServedGB,
            notServedFraction: demand > 0 ? u.demandNotServedGB / demand : 0,
          }
        }),
    }
  return out
}
