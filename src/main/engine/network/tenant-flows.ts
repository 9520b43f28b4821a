/**
 * Tenant flows of one placement, at 100 % of each workload's traffic profile: every running
 * instance sends `sendGbps` to each east-west peer workload, spread evenly over the peer's
 * running instances, and `egressGbps` / `ingressGbps` to and from the outside.
 *
 * Aggregation (exact under weighted max-min, see `flows.ts`): the instance flows of one
 * workload that share their endpoints (host or outside) and their demand per unit of weight
 * (Gbps per instance flow) become one flow whose weight is their number. Flows with the same
 * route and the same demand/weight rise together and freeze together in progressive filling
 * (same level, same demand level d/w, same links), so their sum is what the single flow gets.
 * This merges the instance pairs of one host pair, and the host pairs of several east-west
 * entries whose peers share a host when their Gbps per instance flow are equal (the same peer
 * named twice, or peers of equal size at equal `sendGbps`). Flows of different workloads are
 * never merged: each follows its own traffic level over time.
 *
 * Size: a workload makes up to (its hosts × its peer's hosts) flows per east-west entry. A run
 * whose design's bound (`flowBound`, what `strata validate` reports) is above `MAX_TENANT_FLOWS`
 * is refused before placement (`flowBoundError`); one whose placement makes more flows than
 * that is refused with a `TooManyFlowsError` naming the workload that makes the most, before
 * any route is computed. Both name the same workload as validation (ties: the first in design
 * order).
 */
import type { Design } from '../../../shared/design/schema'
import { OUTSIDE } from './fabric'
import type { FlowTable } from './flows'
import type { PlacementView } from './network-run'

/** An endpoint no route reaches (a peer workload with no running instance). */
export const NOWHERE = -3

/**
 * Most tenant flows (after aggregation) one placement may make: about 0.5 KB of memory each
 * with their routes and solver (1,439,403 flows over 2,819,206 paths took 1.1 GB and 7 s of CPU
 * on the review's 1,000-host design), so the limit keeps a run near 1 GB and each rebuild of
 * the flows (at every placement change) to seconds.
 */
export const MAX_TENANT_FLOWS = 2_000_000

/** Host-pair flows of one workload above which validation warns (a run may be slow). */
export const MANY_FLOWS_WARNING = 100_000

/**
 * Per traffic workload (design order): the most flows its traffic can make before aggregation
 * at any placement, Σ over east-west entries of min(count, hosts) × min(peer count, hosts),
 * plus min(count, hosts) each for egress and ingress.
 */
export function maxHostPairFlows(design: Design): Array<{ workload: number; flows: number }> {
  const hosts = design.hosts.length
  const count = new Map(design.workloads.map((w) => [w.id, Math.min(w.count, hosts)]))
  const out: Array<{ workload: number; flows: number }> = []
  design.workloads.forEach((w, i) => {
    if (!w.traffic) return
    const own = Math.min(w.count, hosts)
    let flows = 0
    for (const p of w.traffic.eastWest)
      if (p.sendGbps > 0) flows += own * Math.max(1, count.get(p.peerWorkloadId) ?? 1)
    if (w.traffic.egressGbps > 0) flows += own
    if (w.traffic.ingressGbps > 0) flows += own
    out.push({ workload: i, flows })
  })
  return out
}

/**
 * The design's flow bound: the sum of `maxHostPairFlows` over its traffic workloads, and the
 * workload with the most (ties: the first in design order; undefined without traffic).
 */
export function flowBound(design: Design): {
  totalFlows: number
  worst?: { workload: number; flows: number }
} {
  let totalFlows = 0
  let worst: { workload: number; flows: number } | undefined
  for (const c of maxHostPairFlows(design)) {
    totalFlows += c.flows
    if (!worst || c.flows > worst.flows) worst = c
  }
  return worst ? { totalFlows, worst } : { totalFlows }
}

const fmt = (n: number): string => n.toLocaleString('en-US')

/**
 * Thrown when tenant traffic makes more flows than allowed (`MAX_TENANT_FLOWS`): at a placement
 * (`bound` false, counted after aggregation) or, before placement, by the design's bound.
 */
export class TooManyFlowsError extends Error {
  constructor(
    /** The limit passed, flows. */
    readonly maxFlows: number,
    /** Id of the workload making the most host-pair flows. */
    readonly workloadId: string,
    /** Host-pair flows that workload makes (before aggregation). */
    readonly workloadFlows: number,
    /** Flows of all workloads before aggregation. */
    readonly totalFlows: number,
    /** Whether the counts are the design's bound (`flowBound`), not a placement's. */
    readonly bound = false,
  ) {
    super(
      bound
        ? `network traffic can make up to ${fmt(totalFlows)} host-pair flows, more than ` +
            `${fmt(maxFlows)} (the most a run allows), so the run is refused before placement; ` +
            `workload "${workloadId}" makes the most: up to ${fmt(workloadFlows)} (its ` +
            `instances × each east-west peer's instances, at most hosts × hosts). Give ` +
            `workloads fewer east-west peers (strata generate --east-west 0), or fewer, ` +
            `larger instances`
        : `network traffic makes more than ${fmt(maxFlows)} flows at this ` +
            `placement (${fmt(totalFlows)} host-pair flows before aggregation); ` +
            `workload "${workloadId}" makes the most: ${fmt(workloadFlows)} ` +
            `(its hosts × each east-west peer's hosts). Give it fewer east-west peers, or fewer, ` +
            `larger instances`,
    )
    this.name = 'TooManyFlowsError'
  }
}

/**
 * The error that refuses a run of `design` before placement when its flow bound is above
 * `maxFlows` (a run modelling traffic only), or undefined when it may run.
 */
export function flowBoundError(
  design: Design,
  maxFlows = MAX_TENANT_FLOWS,
): TooManyFlowsError | undefined {
  if (design.simulation.cloudsimCompat) return undefined
  const { totalFlows, worst } = flowBound(design)
  if (totalFlows <= maxFlows || !worst) return undefined
  const id = design.workloads[worst.workload]?.id ?? '?'
  return new TooManyFlowsError(maxFlows, id, worst.flows, totalFlows, true)
}

/** What the flow builder needs of the design, resolved once per run. */
export interface TrafficIndex {
  design: Design
  /** Indices of the workloads that declare traffic. */
  traffic: readonly number[]
  /** Per workload, per east-west entry: the peer's workload index (-1 when unknown). */
  peers: readonly (readonly number[])[]
  /** Per workload: its tenant's index. */
  tenantOf: Int32Array
  /** Per host (design order): its fabric endpoint (-1 when not attached). */
  hostEndpoint: Int32Array
}

/** The traffic index of `design`, with each host's fabric endpoint (-1 when not attached). */
export function trafficIndex(design: Design, hostEndpoint: Int32Array): TrafficIndex {
  const tenantIndex = new Map(design.tenants.map((t, i) => [t.id, i]))
  const workloadIndex = new Map(design.workloads.map((w, i) => [w.id, i]))
  const traffic: number[] = []
  const peers = design.workloads.map((w, i) => {
    if (w.traffic) traffic.push(i)
    return (w.traffic?.eastWest ?? []).map((p) => workloadIndex.get(p.peerWorkloadId) ?? -1)
  })
  return {
    design,
    traffic,
    peers,
    tenantOf: Int32Array.from(design.workloads, (w) => tenantIndex.get(w.tenantId) ?? -1),
    hostEndpoint,
  }
}

/** Running instances per workload and host: workload → (host → count), in host order. */
export function runningByHost(view: PlacementView): Map<number, Map<number, number>> {
  const where = new Map<number, Map<number, number>>()
  for (let v = 0; v < view.vmCount; v++) {
    const h = view.vmHome[v] as number
    if (h < 0 || view.vmDown[v] === 1 || view.hostDown[h] === 1) continue
    const w = view.vmWorkload[v] as number
    let hosts = where.get(w)
    if (!hosts) where.set(w, (hosts = new Map()))
    hosts.set(h, (hosts.get(h) ?? 0) + 1)
  }
  return where
}

/**
 * Per traffic workload: the flows it makes before aggregation (host pairs per east-west
 * entry, plus one per host for egress and for ingress).
 */
export function hostPairFlowCounts(
  index: TrafficIndex,
  where: Map<number, Map<number, number>>,
): Map<number, number> {
  const counts = new Map<number, number>()
  for (const w of index.traffic) {
    const spec = index.design.workloads[w]?.traffic
    const hosts = where.get(w)
    if (!spec || !hosts) continue
    let n = 0
    spec.eastWest.forEach((p, i) => {
      if (!(p.sendGbps > 0)) return
      const peer = index.peers[w]?.[i] ?? -1
      n += hosts.size * (peer >= 0 ? (where.get(peer)?.size ?? 1) : 1)
    })
    if (spec.egressGbps > 0) n += hosts.size
    if (spec.ingressGbps > 0) n += hosts.size
    counts.set(w, n)
  }
  return counts
}

interface Pending {
  src: number
  dst: number
  demandGbps: number
  weight: number
}

/**
 * Adds the tenant flows of the placement `view` to `flows` (aggregated as the module says);
 * throws `TooManyFlowsError` when they would be more than `maxFlows` (before routing any).
 */
export function addTenantFlows(
  flows: FlowTable,
  index: TrafficIndex,
  view: PlacementView,
  maxFlows = MAX_TENANT_FLOWS,
): void {
  const where = runningByHost(view)
  const counts = hostPairFlowCounts(index, where)
  let total = 0
  let worst = -1
  for (const [w, n] of counts) {
    total += n
    if (worst < 0 || n > (counts.get(worst) as number)) worst = w
  }
  const refuse = (): never => {
    throw new TooManyFlowsError(
      maxFlows,
      index.design.workloads[worst]?.id ?? '?',
      counts.get(worst) ?? 0,
      total,
    )
  }
  const running = (w: number): number => {
    let n = 0
    for (const c of where.get(w)?.values() ?? []) n += c
    return n
  }
  let made = 0
  for (const w of index.traffic) {
    const spec = index.design.workloads[w]?.traffic
    const hosts = where.get(w)
    if (!spec || !hosts) continue
    const merged = new Map<string, Pending>()
    /** `perFlowGbps`: the demand of each instance flow (the merge key with the endpoints). */
    const put = (
      src: number,
      dst: number,
      perFlowGbps: number,
      demandGbps: number,
      weight: number,
    ): void => {
      const key = `${src} ${dst} ${perFlowGbps}`
      const p = merged.get(key)
      if (p) {
        p.demandGbps += demandGbps
        p.weight += weight
        return
      }
      if (++made > maxFlows) refuse()
      merged.set(key, { src, dst, demandGbps, weight })
    }
    const endpoint = (h: number): number => index.hostEndpoint[h] ?? -1
    spec.eastWest.forEach((p, i) => {
      const peer = index.peers[w]?.[i] ?? -1
      const peerHosts = peer >= 0 ? where.get(peer) : undefined
      const perInstance = p.sendGbps
      if (!(perInstance > 0)) return
      if (!peerHosts) {
        // No running peer: the demand cannot reach anyone and counts as not served.
        for (const [h, c] of hosts) put(endpoint(h), NOWHERE, perInstance, perInstance * c, c)
        return
      }
      const n = running(peer)
      const perFlow = perInstance / n
      for (const [ha, ca] of hosts)
        for (const [hb, cb] of peerHosts)
          put(endpoint(ha), endpoint(hb), perFlow, (perInstance * ca * cb) / n, ca * cb)
    })
    for (const [h, c] of hosts) {
      if (spec.egressGbps > 0) put(endpoint(h), OUTSIDE, spec.egressGbps, spec.egressGbps * c, c)
      if (spec.ingressGbps > 0) put(OUTSIDE, endpoint(h), spec.ingressGbps, spec.ingressGbps * c, c)
    }
    const tenant = index.tenantOf[w] as number
    for (const p of merged.values()) flows.add(tenant, w, p.src, p.dst, p.demandGbps, p.weight)
  }
}
