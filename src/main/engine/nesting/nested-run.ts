/**
 * Nesting in a simulation run. The run simulates the instances that sit on hosts (the design
 * without its nested workloads: an outer VM's own demand profile stands for the load of what
 * runs inside it); the inner instances ride along with their outer instance: they move when it
 * migrates, go down when it goes down (its host fails, or its injected failure), and come back
 * their own start time after it restarts. Their tenant is billed for the VMs only (the
 * containers use capacity the tenant already pays for), and the tenant's availability counts
 * every instance, inner ones included:
 * `1 - sum(downtime) / sum(uptime + downtime)` (the general accounting of ../simulation).
 */
import type { InstanceRecord, SimulationResult } from '../../../shared/domain/simulation-result'
import type { Design, Workload } from '../../../shared/design/schema'
import { createScheduler, type Scheduler } from '../scheduler'
import { INNER_LAYER_DEFAULTS, innerLayerOf } from './inner-layer'
import { layerCosts } from './layer-costs'
import { usesNesting } from './scheduler'
import { workloadIdOf } from './stack'

/** A half-open interval of virtual time, seconds. */
export type Interval = readonly [startS: number, endS: number]

/** The union of `intervals` clipped to [0, horizonS], as sorted disjoint intervals. */
export function mergeIntervals(intervals: readonly Interval[], horizonS: number): Interval[] {
  const sorted = intervals
    .map(([a, b]) => [Math.max(0, a), Math.min(horizonS, b)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0])
  const out: Array<[number, number]> = []
  for (const [a, b] of sorted) {
    const last = out.at(-1)
    if (last && a <= last[1]) last[1] = Math.max(last[1], b)
    else out.push([a, b])
  }
  return out
}

/** Total length of disjoint intervals, seconds. */
export const totalS = (xs: readonly Interval[]): number => xs.reduce((s, [a, b]) => s + b - a, 0)

/** What a run needs to know about nesting and injected instance failures. */
export interface NestedRun {
  /** The design the run simulates: without the nested workloads. */
  simDesign: Design
  /** Outer instance of each placed inner instance. */
  outerOf: ReadonlyMap<string, string>
  /** Whether any workload is nested (then the result gains `layers`). */
  nesting: boolean
}

/**
 * Prepares a run of `design` placed by `placed` (a scheduler whose `placeAll` ran; else it is
 * placed here): undefined when it has neither nested workloads nor injected
 * instance failures (or is CloudSim-compatible), and the run is exactly as before.
 */
export function prepareNestedRun(
  design: Design,
  seed: number,
  placed?: Scheduler,
): NestedRun | undefined {
  if (design.simulation.cloudsimCompat) return undefined
  const nesting = usesNesting(design)
  if (!nesting && (design.simulation.failures.instanceSchedule ?? []).length === 0) return undefined
  if (!nesting) return { simDesign: design, outerOf: new Map(), nesting }
  // the run's own initial placement when given (it is placed once, review s11 #4)
  const result = placed ? placed.result() : createScheduler(design, { seed }).placeAll()
  const outerOf = new Map<string, string>()
  for (const p of result.placed)
    if (p.outerInstanceId !== undefined) outerOf.set(p.instanceId, p.outerInstanceId)
  return {
    simDesign: { ...design, workloads: design.workloads.filter((w) => !w.nesting) },
    outerOf,
    nesting,
  }
}

/**
 * Counts only host failures as host failures (injected instance failures are records too), and
 * adds the inner instances to a finished run's result: their records (down while any outer
 * instance under them is down, plus their own start time after it is back, plus their own
 * injected failures), their tenants' instance counts, downtime and availability, the mean
 * availability, and the per-layer costs (`layers`). `spanS(id)` is a simulated instance's
 * uptime + downtime.
 */
export function finishNestedRun(
  design: Design,
  run: NestedRun,
  result: SimulationResult,
  spanS: (instanceId: string) => number,
): void {
  result.summary.hostFailures = result.failures.filter((f) => f.instanceId === undefined).length
  if (!run.nesting) return
  const H = result.summary.horizonS
  const byId = new Map(design.workloads.map((w) => [w.id, w]))
  const records = new Map(result.instances.map((r) => [r.instanceId, r]))
  const down = new Map<string, Interval[]>()
  for (const f of result.failures)
    for (const i of f.instances) {
      const list = down.get(i.instanceId) ?? []
      list.push([f.atS, i.restartedAtS ?? H])
      down.set(i.instanceId, list)
    }
  const injected = design.simulation.failures.instanceSchedule ?? []
  const memo = new Map<string, Interval[]>()
  /** Down intervals of an inner instance, through its chain of outer instances. */
  const innerDown = (id: string): Interval[] => {
    const hit = memo.get(id)
    if (hit) return hit
    const outerId = run.outerOf.get(id) as string
    const inner = byId.get(workloadIdOf(id)) as Workload
    const outer = byId.get(workloadIdOf(outerId)) as Workload
    const startS = INNER_LAYER_DEFAULTS[innerLayerOf(outer, inner.kind).kind].startTimeS
    const under = run.outerOf.has(outerId)
      ? innerDown(outerId)
      : mergeIntervals(down.get(outerId) ?? [], H)
    const own = injected
      .filter((f) => f.instanceId === id)
      .map((f): Interval => [f.atS, f.atS + f.repairS + startS])
    const out = mergeIntervals([...under.map(([a, b]): Interval => [a, b + startS]), ...own], H)
    memo.set(id, out)
    return out
  }
  const topOf = (id: string): string => {
    let cur = id
    for (let guard = 0; guard < 8 && run.outerOf.has(cur); guard++)
      cur = run.outerOf.get(cur) as string
    return cur
  }
  const extra = new Map<string, { n: number; down: number }>()
  for (const w of design.workloads) {
    if (!w.nesting) continue
    for (let i = 0; i < w.count; i++) {
      const id = `${w.id}#${i}`
      const top = records.get(topOf(id))
      const placed = run.outerOf.has(id) && top !== undefined && top.status !== 'unplaced'
      // unplaced: down over the whole horizon, as the run's own instances
      const downtimeS = placed ? totalS(innerDown(id)) : H
      const span = placed ? spanS(top.instanceId) : 0
      const rec: InstanceRecord = {
        instanceId: id,
        workloadId: w.id,
        tenantId: w.tenantId,
        status: placed ? top.status : 'unplaced',
        migrations: placed ? top.migrations : 0,
        downtimeS,
        availabilityPercent: placed ? (span > 0 ? 100 * (1 - downtimeS / span) : 100) : 0,
        requestedCpuMi: 0,
        allocatedCpuMi: 0,
        interferenceLostMi: 0,
      }
      if (placed) {
        rec.outerInstanceId = run.outerOf.get(id) as string
        if (top.initialHostId !== undefined) rec.initialHostId = top.initialHostId
        if (top.finalHostId !== undefined) rec.finalHostId = top.finalHostId
      }
      result.instances.push(rec)
      const e = extra.get(w.tenantId) ?? { n: 0, down: 0 }
      e.n++
      e.down += downtimeS
      extra.set(w.tenantId, e)
    }
  }
  for (const t of result.tenants) {
    const e = extra.get(t.tenantId)
    if (!e) continue
    // As the run's own rule: an unplaced instance is down for the whole horizon.
    let down = 0
    let span = 0
    let unplaced = 0
    for (const r of result.instances) {
      if (r.tenantId !== t.tenantId) continue
      if (r.status === 'unplaced') {
        unplaced++
        continue
      }
      down += r.downtimeS
      span += r.outerInstanceId === undefined ? spanS(r.instanceId) : spanS(topOf(r.instanceId))
    }
    t.instances += e.n
    t.unplacedInstances = unplaced
    t.downtimeS += e.down
    t.availabilityPercent =
      span + unplaced * H > 0 ? 100 * (1 - (down + unplaced * H) / (span + unplaced * H)) : 100
    t.slaViolation = t.availabilityPercent < t.slaAvailabilityPercent
  }
  result.summary.unplacedInstances = result.instances.filter((r) => r.status === 'unplaced').length
  result.summary.meanAvailabilityPercent =
    result.instances.length > 0
      ? result.instances.reduce((s, r) => s + r.availabilityPercent, 0) / result.instances.length
      : 100
  const layers = layerCosts(
    design,
    result.instances
      .filter((r) => r.initialHostId !== undefined)
      .map((r) => ({
        instanceId: r.instanceId,
        workloadId: r.workloadId,
        tenantId: r.tenantId,
        hostId: r.initialHostId as string,
        ...(r.outerInstanceId !== undefined ? { outerInstanceId: r.outerInstanceId } : {}),
      })),
  )
  result.layers = layers
}
