/**
 * Flows of one processing instant: each logical flow (an aggregate of identical instance
 * flows between two endpoints) is routed over the fabric and split evenly over its
 * equal-cost paths into sub-flows, which the max-min allocator shares out.
 *
 * An aggregate of n identical instance flows of demand d each is one flow of demand n·d and
 * weight n: weighted max-min gives it exactly n times what each of them would get. A flow
 * split over k paths becomes k sub-flows of demand and weight divided by k (ECMP hashes
 * about 1/k of the instance flows onto each path).
 *
 * The typed structure and its max-min solver are kept until a flow is added or dropped, so an
 * instant whose flows are those of the previous one (only demands changed) reuses them.
 */
import { OUTSIDE, type Fabric } from './fabric'
import { MaxMinSolver } from './max-min-solver'

/** Logical flows and their sub-flows, with the allocation once `allocate` ran. */
export class FlowTable {
  count = 0
  /** Per flow: tenant index, workload index (-1 for migrations), demand, sub-flow range. */
  tenant: number[] = []
  workload: number[] = []
  /** Per flow: 1 when it comes in from outside the datacenter (ingress), else 0. */
  inbound: number[] = []
  demandGbps: number[] = []
  firstSub: number[] = [0]
  /** Per flow after `allocate`: rate received, Gbps (0 when unreachable). */
  rateGbps: Float64Array = new Float64Array(0)
  /** Per resource after `allocate`: load, Gbps. */
  loadGbps: Float64Array = new Float64Array(0)
  /** Per sub-flow after `allocate`: rate, Gbps (the solver's buffer: read before the next). */
  private subRateGbps: Float64Array = new Float64Array(0)
  private readonly linkStart: number[] = [0]
  private readonly linkIndex: number[] = []
  private readonly subDemand: number[] = []
  private readonly subWeight: number[] = []
  /** The solver of the current structure and its sub-flow demands (dropped on add/truncate). */
  private solved?: { solver: MaxMinSolver; demand: Float64Array }

  constructor(private readonly fabric: Fabric) {}

  /**
   * Adds a flow of `demandGbps` aggregating `weight` instance flows from endpoint `src` to
   * `dst` (see `Fabric.route`); returns its index. With no route it gets no sub-flow (rate 0).
   */
  add(
    tenant: number,
    workload: number,
    src: number,
    dst: number,
    demandGbps: number,
    weight: number,
  ): number {
    const route = this.fabric.route(src, dst)
    if (route && route.length > 0) {
      const k = route.length
      for (const path of route) {
        for (let i = 0; i < path.length; i++) this.linkIndex.push(path[i] as number)
        this.linkStart.push(this.linkIndex.length)
        this.subDemand.push(demandGbps / k)
        this.subWeight.push(weight / k)
      }
    }
    this.tenant.push(tenant)
    this.workload.push(workload)
    this.inbound.push(src === OUTSIDE ? 1 : 0)
    this.demandGbps.push(demandGbps)
    this.firstSub.push(this.subDemand.length)
    this.solved = undefined
    return this.count++
  }

  /** Drops every flow from number `count` on (the table keeps its first `count` flows). */
  truncate(count: number): void {
    if (count >= this.count) return
    this.solved = undefined
    const subs = this.firstSub[count] as number
    this.count = count
    this.tenant.length = count
    this.workload.length = count
    this.inbound.length = count
    this.demandGbps.length = count
    this.firstSub.length = count + 1
    this.subDemand.length = subs
    this.subWeight.length = subs
    this.linkStart.length = subs + 1
    this.linkIndex.length = this.linkStart[subs] as number
  }

  /** Sets flow `f`'s demand (split evenly over its paths again). */
  setDemand(f: number, demandGbps: number): void {
    this.demandGbps[f] = demandGbps
    const first = this.firstSub[f] as number
    const k = (this.firstSub[f + 1] as number) - first
    const demand = this.solved?.demand
    for (let s = first; s < first + k; s++) {
      this.subDemand[s] = demandGbps / k
      if (demand) demand[s] = demandGbps / k
    }
  }

  get subflowCount(): number {
    return this.subDemand.length
  }

  /**
   * Shares `capacityGbps` (per resource; the fabric's by default) among the flows (max-min)
   * and sums sub-flow rates.
   */
  allocate(capacityGbps: Float64Array = this.fabric.capacityGbps): void {
    if (!this.solved)
      this.solved = {
        solver: new MaxMinSolver(
          {
            flowCount: this.subDemand.length,
            linkStart: Int32Array.from(this.linkStart),
            linkIndex: Int32Array.from(this.linkIndex),
            weight: Float64Array.from(this.subWeight),
          },
          this.fabric.capacityGbps.length,
        ),
        demand: Float64Array.from(this.subDemand),
      }
    const a = this.solved.solver.solve(this.solved.demand, capacityGbps)
    this.loadGbps = a.loadGbps
    this.subRateGbps = a.rateGbps
    if (this.rateGbps.length !== this.count) this.rateGbps = new Float64Array(this.count)
    for (let f = 0; f < this.count; f++) {
      let r = 0
      for (let s = this.firstSub[f] as number; s < (this.firstSub[f + 1] as number); s++)
        r += a.rateGbps[s] as number
      this.rateGbps[f] = Math.min(r, this.demandGbps[f] as number)
    }
  }

  /**
   * Flow `f`'s load on each resource it crosses after `allocate`, Gbps: its sub-flows' rates
   * summed per resource (resource indices as in `Fabric.capacityGbps`).
   */
  loadOf(f: number): Map<number, number> {
    const out = new Map<number, number>()
    for (let s = this.firstSub[f] as number; s < (this.firstSub[f + 1] as number); s++) {
      const rate = this.subRateGbps[s] as number
      if (!(rate > 0)) continue
      for (let i = this.linkStart[s] as number; i < (this.linkStart[s + 1] as number); i++) {
        const r = this.linkIndex[i] as number
        out.set(r, (out.get(r) ?? 0) + rate)
      }
    }
    return out
  }
}
