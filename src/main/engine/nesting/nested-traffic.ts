/**
 * A nested workload's own network traffic in a run (review s7c #1): the run simulates only the
 * instances on hosts (`NestedRun.simDesign`), but the pods of a node pool, or the VMs inside
 * VMs, send and receive on their own (their `traffic`, peers and tenant). Their flows leave
 * from the host of the outer instance they run in, so the network model sees each inner
 * instance as an instance on its top outer instance's host.
 *
 * Numbering: the network model numbers workloads as the run does (the simulated workloads in
 * design order, so each keeps its own traffic level draw), followed by the nested workloads in
 * design order; inner instances follow the run's own instances. Where a nested workload sits in
 * the design's list therefore changes nothing (the metamorphic test in `sample.test.ts`).
 *
 * An inner instance runs while its top outer instance runs, except (as `nested-run.ts` counts
 * its availability) for the start times of the layers between them after that instance
 * restarts, and its own injected failures (and those of the nested instances it sits in), each
 * from the failure to its repair plus the start times from that instance down to this one.
 * Unplaced inner instances never run (they send nothing, as an unplaced instance of the run).
 */
import type { Design, Workload } from '../../../shared/design/schema'
import type { PlacementView } from '../network'
import type { FailureLog } from '../simulation/failures'
import { INNER_LAYER_DEFAULTS, innerLayerOf } from './inner-layer'
import type { Interval, NestedRun } from './nested-run'
import { workloadIdOf } from './stack'

/** What the network reads of the run's state: its instances and their placement. */
export type RunPlacement = PlacementView & { vmIds: readonly string[] }

/** The run's instances and the inner instances of nested workloads, for the network model. */
export class NestedTraffic {
  /** The design the network model runs on: the run's workloads, then the nested ones. */
  readonly design: Design
  /** Per inner instance: index of its top outer instance in the run (placed ones only). */
  private readonly top: Int32Array
  /** Per inner instance: its workload's index in `design`. */
  private readonly workload: Int32Array
  /** Per inner instance: the start times of the layers from its top instance down to it, s. */
  private readonly delayS: Float64Array
  /** Per inner instance: its own (and its nested outers') injected downtime, sorted. */
  private readonly injectedDown: Interval[][]
  private readonly view: PlacementView

  private constructor(
    full: Design,
    run: NestedRun,
    private readonly state: RunPlacement,
    private readonly log: FailureLog,
  ) {
    const nested = full.workloads.filter((w) => w.nesting)
    this.design = { ...full, workloads: [...run.simDesign.workloads, ...nested] }
    const byId = new Map(full.workloads.map((w) => [w.id, w]))
    const vmIndex = new Map(state.vmIds.map((id, v) => [id, v]))
    const injected = new Map<string, Interval[]>()
    for (const f of full.simulation.failures.instanceSchedule ?? []) {
      const list = injected.get(f.instanceId) ?? []
      list.push([f.atS, f.atS + f.repairS])
      injected.set(f.instanceId, list)
    }
    /** Start time of instance `id`'s layer inside its outer instance `outerId`, s. */
    const startS = (id: string, outerId: string): number => {
      const inner = byId.get(workloadIdOf(id)) as Workload
      const outer = byId.get(workloadIdOf(outerId)) as Workload
      return INNER_LAYER_DEFAULTS[innerLayerOf(outer, inner.kind).kind].startTimeS
    }
    const top: number[] = []
    const workload: number[] = []
    const delay: number[] = []
    const down: Interval[][] = []
    const first = run.simDesign.workloads.length
    nested.forEach((w, k) => {
      for (let i = 0; i < w.count; i++) {
        const id = `${w.id}#${i}`
        let cur = id
        let sumS = 0
        const own: Interval[] = []
        for (let guard = 0; guard < 8 && run.outerOf.has(cur); guard++) {
          const outerId = run.outerOf.get(cur) as string
          sumS += startS(cur, outerId)
          for (const [a, b] of injected.get(cur) ?? []) own.push([a, b + sumS])
          cur = outerId
        }
        top.push(cur === id ? -1 : (vmIndex.get(cur) ?? -1))
        workload.push(first + k)
        delay.push(sumS)
        down.push(own.sort((x, y) => x[0] - y[0]))
      }
    })
    this.top = Int32Array.from(top)
    this.workload = Int32Array.from(workload)
    this.delayS = Float64Array.from(delay)
    this.injectedDown = down
    const n = state.vmCount + top.length
    this.view = {
      vmCount: n,
      vmWorkload: new Int32Array(n),
      vmHome: new Int32Array(n),
      vmDown: new Uint8Array(n),
      hostDown: state.hostDown,
      vmInMig: new Uint8Array(n),
    }
  }

  /**
   * The network's view of a run whose design has nested workloads (`run.nesting`), or
   * undefined when it has none (the network then reads the run's state as it is). `state` and
   * `log` are the run's own, read at each `placement`.
   */
  static of(
    design: Design,
    run: NestedRun | undefined,
    state: RunPlacement,
    log: FailureLog,
  ): NestedTraffic | undefined {
    return run?.nesting ? new NestedTraffic(design, run, state, log) : undefined
  }

  /**
   * Where every instance is at `tS`: the run's instances as they are (same indices), then each
   * inner instance on its top outer instance's host, or down (module docstring).
   */
  placement(tS: number): PlacementView {
    const s = this.state
    const v = this.view
    const V = s.vmCount
    v.vmWorkload.set(s.vmWorkload.subarray(0, V))
    v.vmHome.set(s.vmHome.subarray(0, V))
    v.vmDown.set(s.vmDown.subarray(0, V))
    v.vmInMig.set(s.vmInMig.subarray(0, V))
    v.hostDown = s.hostDown
    for (let i = 0; i < this.top.length; i++) {
      const t = this.top[i] as number
      v.vmWorkload[V + i] = this.workload[i] as number
      const up = t >= 0 && this.runs(t, tS, i)
      v.vmHome[V + i] = up ? (s.vmHome[t] as number) : -1
      v.vmDown[V + i] = up ? 0 : 1
    }
    return v
  }

  /**
   * When inner instances start again after their top instance `t` restarted at `tS` (each
   * after its layers' start times), s, distinct and ascending: instants where the network
   * state changes between processing instants.
   */
  startsAfterRestart(t: number, tS: number): number[] {
    const out = new Set<number>()
    this.top.forEach((top, i) => {
      if (top === t) out.add(tS + (this.delayS[i] as number))
    })
    return [...out].sort((a, b) => a - b)
  }

  /** Every end of an inner instance's injected downtime (failures and restarts), s, ascending. */
  injectedChangesS(): number[] {
    const out = new Set<number>()
    for (const list of this.injectedDown) for (const [a, b] of list) out.add(a).add(b)
    return [...out].sort((a, b) => a - b)
  }

  /** Whether inner instance `i`, whose top instance is `t`, runs at `tS`. */
  private runs(t: number, tS: number, i: number): boolean {
    const s = this.state
    const h = s.vmHome[t] as number
    if (h < 0 || s.vmDown[t] === 1 || s.hostDown[h] === 1) return false
    const restartedS = this.restartedAtS(t)
    if (restartedS !== undefined && tS < restartedS + (this.delayS[i] as number)) return false
    for (const [a, b] of this.injectedDown[i] as Interval[]) {
      if (a > tS) break
      if (tS < b) return false
    }
    return true
  }

  /** When the run's instance `t` last restarted after a recorded failure, s (none: undefined). */
  private restartedAtS(t: number): number | undefined {
    const record = this.log.records[this.log.failureOf[t] as number]
    if (!record) return undefined
    const id = this.state.vmIds[t]
    let at: number | undefined
    for (const x of record.instances)
      if (x.instanceId === id && x.restartedAtS !== undefined) at = x.restartedAtS
    return at
  }
}
