/**
 * Cross-element rules of network traffic and the fabric (issue 17), each problem with its
 * JSON path: a peer workload must exist and belong to the same tenant; an external uplink
 * must attach to existing core switches and have an id used by nothing else; a scheduled fabric
 * failure must name a switch, link or external uplink; north-south traffic needs an uplink.
 * Traffic that can make very many host-pair flows is warned about, naming the workload.
 */
import type { Problem } from '../../../shared/domain/problem'
import type { Design } from '../../../shared/design/schema'
import {
  flowBound,
  MANY_FLOWS_WARNING,
  MAX_TENANT_FLOWS,
  maxHostPairFlows,
} from '../network/tenant-flows'

/** Appends the network rules' problems of `design` to `problems`. */
export function checkNetworkRules(design: Design, problems: Problem[]): void {
  const err = (path: string, message: string, elementId?: string): void => {
    problems.push({ severity: 'error', path, message, elementId })
  }
  const workloads = new Map(design.workloads.map((w) => [w.id, w]))
  let northSouth = false
  design.workloads.forEach((w, i) => {
    if (!w.traffic) return
    if (w.traffic.egressGbps > 0 || w.traffic.ingressGbps > 0) northSouth = true
    w.traffic.eastWest.forEach((p, k) => {
      const path = `workloads[${i}].traffic.eastWest[${k}].peerWorkloadId`
      const peer = workloads.get(p.peerWorkloadId)
      if (!peer) err(path, `refers to "${p.peerWorkloadId}", which is not a workload`, w.id)
      else if (peer.tenantId !== w.tenantId)
        err(
          path,
          `"${p.peerWorkloadId}" belongs to another tenant; peers must share a tenant`,
          w.id,
        )
    })
    if (w.traffic.profile && w.traffic.trace)
      problems.push({
        severity: 'warning',
        path: `workloads[${i}].traffic.profile`,
        message: 'both a traffic trace and a profile; the trace is used',
        elementId: w.id,
      })
  })
  const switches = new Map(design.switches.map((s) => [s.id, s]))
  const taken = new Set<string>()
  for (const c of [design.zones, design.racks, design.hosts, design.switches, design.links])
    for (const e of c) taken.add(e.id)
  for (const c of [
    design.storage,
    design.tenants,
    design.networks,
    design.workloads,
    design.traces,
  ])
    for (const e of c) taken.add(e.id)
  const uplinks = design.fabric?.externalUplinks ?? []
  uplinks.forEach((u, i) => {
    if (taken.has(u.id))
      err(`fabric.externalUplinks[${i}].id`, `"${u.id}" is already the id of another element`, u.id)
    taken.add(u.id)
    u.switchIds.forEach((sid, k) => {
      const s = switches.get(sid)
      const path = `fabric.externalUplinks[${i}].switchIds[${k}]`
      if (!s) err(path, `refers to "${sid}", which is not a switch`, u.id)
      else if (s.tier !== 'core')
        err(path, `"${sid}" is a ${s.tier} switch; uplinks attach to core switches`, u.id)
    })
  })
  const elements = new Set([...design.switches, ...design.links, ...uplinks].map((e) => e.id))
  design.fabric?.failureSchedule.forEach((f, i) => {
    if (!elements.has(f.elementId))
      err(
        `fabric.failureSchedule[${i}].elementId`,
        `refers to "${f.elementId}", which is not a switch, link or external uplink`,
      )
  })
  checkFlowCounts(design, problems)
  if (northSouth && uplinks.length === 0)
    problems.push({
      severity: 'warning',
      path: 'fabric.externalUplinks',
      message:
        'workloads send north-south traffic but no external uplink exists; it will not be served',
    })
}

/**
 * Warns per workload whose traffic can make `MANY_FLOWS_WARNING` flows or more, and once
 * when all of them together can pass the run's limit (`MAX_TENANT_FLOWS`, after aggregation).
 */
function checkFlowCounts(design: Design, problems: Problem[]): void {
  const fmt = (n: number): string => n.toLocaleString('en-US')
  for (const { workload, flows } of maxHostPairFlows(design)) {
    const w = design.workloads[workload]
    if (!w || flows < MANY_FLOWS_WARNING) continue
    problems.push({
      severity: 'warning',
      path: `workloads[${workload}].traffic.eastWest`,
      message:
        `"${w.id}"'s traffic can make up to ${fmt(flows)} host-pair flows (its instances × each ` +
        `peer's instances, at most hosts × hosts, per east-west entry); a run may be slow`,
      elementId: w.id,
    })
  }
  // the bound a run is refused by (`flowBoundError`), naming the same workload
  const { totalFlows, worst } = flowBound(design)
  if (totalFlows <= MAX_TENANT_FLOWS || !worst) return
  problems.push({
    severity: 'warning',
    path: 'workloads',
    message:
      `the workloads' traffic can make up to ${fmt(totalFlows)} host-pair flows, more than ` +
      `${fmt(MAX_TENANT_FLOWS)} (the most a run allows): a run is refused before placement. ` +
      `"${design.workloads[worst.workload]?.id}" makes the most: up to ${fmt(worst.flows)}`,
  })
}
