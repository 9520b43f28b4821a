/**
 * Where a run's instances were at a time of the run, per host and tenant (review s9u A2): after
 * a run the canvas showed each host's instances as the placement left them, so a host switched
 * off by consolidation still read "9 inst.". The run's result says where every instance started
 * (`InstanceRecord.initialHostId`), every live migration (`MigrationRecord`) and every host
 * failure with where and when its instances restarted (`FailureRecord`): replaying them gives
 * the instances on each host at any time.
 *
 * Counting rule (the engine's, the one its per-host `instances` series uses, so the two agree
 * sample by sample): a migrating instance counts on its destination from the migration's start
 * and on its source until the migration's end (during the copy it holds both hosts, as in
 * CloudSim); an instance on a failed host leaves it at the failure (`atS`) and counts again on
 * the host it restarted on from `restartedAtS`. Events at time t are applied for a time t.
 * Instances inside other instances (`outerInstanceId`, issue 18: a node pool's pods in their
 * VM) ride with the instance on the host under them, at its instants: the engine simulates only
 * that one and gives them its `finalHostId` (`engine/nesting/nested-run.ts`). They count in
 * `at` (a host holds its VMs' pods, as the placement counts them) and not in `direct`, which
 * counts what the per-host series counts.
 *
 * The replay is exact only when the result holds every migration and no instance ended early;
 * otherwise `InstancesOverTime.of` answers `undefined` and the views keep what they know (the
 * per-host totals of the series) rather than guessing.
 */
import { digestInstances, type PlacementDigest } from './placement-digest'
import type { FailureRecord, MigrationRecord, SimulationResult } from './simulation-result'

/** Where an instance started: its host (under its outer instance, if it is nested). */
export interface StartingInstance {
  instanceId: string
  tenantId: string
  hostId: string
  /** Nested instances (issue 18): the outer instance it runs in (and moves with). */
  outerInstanceId?: string
}

/** What the replay reads: where each instance started, and the run's moves. */
export interface ReplayInput {
  /** Each placed instance at the run's start, with its tenant (nested ones with their outer). */
  start: Iterable<StartingInstance>
  migrations: readonly MigrationRecord[]
  failures: readonly FailureRecord[]
  migrationsTruncated: boolean
}

/**
 * The replay input of a whole result (its instance records say where each started); undefined
 * when an instance ended before the horizon (`finished`: CloudSim-compatible runs end an
 * instance whose demand drops to zero), which the replay cannot place in time.
 */
export function replayInputOfResult(result: SimulationResult): ReplayInput | undefined {
  const start: StartingInstance[] = []
  for (const i of result.instances) {
    if (i.status === 'finished') return undefined
    if (i.initialHostId === undefined) continue
    const { instanceId, tenantId, initialHostId: hostId, outerInstanceId } = i
    start.push({
      instanceId,
      tenantId,
      hostId,
      ...(outerInstanceId !== undefined ? { outerInstanceId } : {}),
    })
  }
  return { ...result, start }
}

/**
 * The replay input of a lean result (no instance records) that ran on the placement `digest`
 * (the run's placement, which main publishes when the run starts). Only for runs that end no
 * instance early (not CloudSim-compatible ones).
 */
export function replayInputOfDigest(
  digest: PlacementDigest,
  result: Pick<SimulationResult, 'migrations' | 'failures' | 'migrationsTruncated'>,
): ReplayInput {
  return { ...result, start: digestInstances(digest) }
}

/** Instances of each tenant on one host, in tenant id order. */
export type TenantCounts = ReadonlyArray<{ tenantId: string; count: number }>

/**
 * The replay's changes of a host's count, time-ordered, as parallel arrays (a 10,000-host day
 * has about 280,000 of them: objects per change made building the replay several times slower).
 */
interface CountEvents {
  timeS: Float64Array
  /** `host × tenants + tenant`: the cell of `counts` the change applies to. */
  cell: Int32Array
  /** The change of the cell: ±1 for an instance, ±n for the n instances riding in one. */
  delta: Int32Array
  /** The change of the host's instances placed directly on it (-1, 0 or 1). */
  direct: Int8Array
}

/** The instances on every host at any time of one run; `at` is cheap for increasing times. */
export class InstancesOverTime {
  private readonly counts: Int32Array
  private readonly directCounts: Int32Array
  /** Index of the first event not yet applied to `counts`. */
  private next = 0
  private shownS = Number.NEGATIVE_INFINITY

  private constructor(
    private readonly hostIds: readonly string[],
    private readonly tenantIds: readonly string[],
    private readonly events: CountEvents,
    private readonly initial: Int32Array,
    private readonly initialDirect: Int32Array,
  ) {
    this.counts = initial.slice()
    this.directCounts = initialDirect.slice()
  }

  /**
   * The replay of `input`, or `undefined` when it cannot be exact (the result kept only the
   * first migrations, `migrationsTruncated`; or no input: see `replayInputOfResult`).
   */
  static of(input: ReplayInput | undefined): InstancesOverTime | undefined {
    if (!input) return undefined
    const steps = InstancesOverTime.building(input)
    let step = steps.next()
    while (!step.done) step = steps.next()
    return step.value
  }

  /**
   * `of` in steps: yields after every `sliceRecords` records read, so a page can build the
   * replay of a large run between frames (a 10,000-host day: 100,000 instances and 140,000
   * migrations, about 0.3 s of CPU in all), and returns what `of` returns.
   */
  static *building(
    result: ReplayInput,
    sliceRecords = 10_000,
  ): Generator<void, InstancesOverTime | undefined> {
    if (result.migrationsTruncated) return undefined
    let read = 0
    const tenantOf = new Map<string, string>()
    const hostIds: string[] = []
    const hostIndex = new Map<string, number>()
    const hostOf = (id: string): number => {
      let h = hostIndex.get(id)
      if (h === undefined) {
        h = hostIds.length
        hostIds.push(id)
        hostIndex.set(id, h)
      }
      return h
    }
    const start = new Map<string, StartingInstance>()
    const outerOf = new Map<string, string>()
    for (const i of result.start) {
      if (++read % sliceRecords === 0) yield
      start.set(i.instanceId, i)
      tenantOf.set(i.instanceId, i.tenantId)
      if (i.outerInstanceId !== undefined) outerOf.set(i.instanceId, i.outerInstanceId)
      hostOf(i.hostId)
    }
    const tenantIds = [...new Set(tenantOf.values())].sort()
    const tenantIndex = new Map(tenantIds.map((t, k) => [t, k]))
    const T = tenantIds.length
    /** The instance on a host that `id` runs in (itself when it is not nested). */
    const topOf = (id: string): string => {
      let cur = id
      for (let guard = 0; guard < 64 && outerOf.has(cur); guard++) cur = outerOf.get(cur) as string
      return cur
    }
    // the nested instances riding in each instance on a host, counted per tenant
    const riders = new Map<string, Map<number, number>>()
    for (const id of outerOf.keys()) {
      const top = topOf(id)
      const perTenant = riders.get(top) ?? new Map<number, number>()
      const t = tenantIndex.get(tenantOf.get(id) as string) as number
      perTenant.set(t, (perTenant.get(t) ?? 0) + 1)
      riders.set(top, perTenant)
    }
    const times: number[] = []
    const hosts: number[] = []
    const tenants: number[] = []
    const deltas: number[] = []
    const directs: number[] = []
    const push = (timeS: number, h: number, t: number, delta: number, direct: number): void => {
      times.push(timeS)
      hosts.push(h)
      tenants.push(t)
      deltas.push(delta)
      directs.push(direct)
    }
    const add = (timeS: number, instanceId: string, hostId: string, delta: 1 | -1): void => {
      const tenantId = tenantOf.get(instanceId)
      // a nested instance moves only with the instance under it (the run simulates that one)
      if (tenantId === undefined || outerOf.has(instanceId)) return
      const h = hostOf(hostId)
      push(timeS, h, tenantIndex.get(tenantId) as number, delta, delta)
      for (const [t, n] of riders.get(instanceId) ?? []) push(timeS, h, t, delta * n, 0)
    }
    for (const m of result.migrations) {
      if (++read % sliceRecords === 0) yield
      add(m.startS, m.instanceId, m.toHostId, 1)
      add(m.endS, m.instanceId, m.fromHostId, -1)
    }
    for (const f of result.failures) {
      for (const x of f.instances) {
        if (++read % sliceRecords === 0) yield
        add(f.atS, x.instanceId, f.hostId, -1)
        if (x.restartedOnHostId !== undefined && x.restartedAtS !== undefined)
          add(x.restartedAtS, x.instanceId, x.restartedOnHostId, 1)
      }
    }
    // time order (the records come nearly in it: a merge sort of few runs); arrivals before
    // departures at one time, so no count dips below zero in between
    const order = Array.from(times, (_, k) => k).sort(
      (a, b) =>
        (times[a] as number) - (times[b] as number) ||
        Math.sign(deltas[b] as number) - Math.sign(deltas[a] as number),
    )
    yield
    const n = order.length
    const events: CountEvents = {
      timeS: new Float64Array(n),
      cell: new Int32Array(n),
      delta: new Int32Array(n),
      direct: new Int8Array(n),
    }
    order.forEach((k, j) => {
      events.timeS[j] = times[k] as number
      events.cell[j] = (hosts[k] as number) * T + (tenants[k] as number)
      events.delta[j] = deltas[k] as number
      events.direct[j] = directs[k] as number
    })
    yield
    const initial = new Int32Array(hostIds.length * T)
    const initialDirect = new Int32Array(hostIds.length)
    for (const i of start.values()) {
      if (++read % sliceRecords === 0) yield
      const t = tenantIndex.get(i.tenantId) as number
      // a nested instance starts on the host its top instance starts on
      const nested = i.outerInstanceId !== undefined
      const h = hostIndex.get((nested ? start.get(topOf(i.instanceId)) : i)?.hostId ?? i.hostId)
      initial[(h as number) * T + t]! += 1
      if (!nested) initialDirect[h as number]! += 1
    }
    return new InstancesOverTime(hostIds, tenantIds, events, initial, initialDirect)
  }

  /** Applies the events up to `timeS` (from the start again when moving back). */
  private advance(timeS: number): void {
    if (timeS < this.shownS) {
      this.counts.set(this.initial)
      this.directCounts.set(this.initialDirect)
      this.next = 0
    }
    const T = this.tenantIds.length
    const { timeS: at, cell, delta, direct } = this.events
    while (this.next < at.length && (at[this.next] as number) <= timeS) {
      const c = cell[this.next] as number
      this.counts[c]! += delta[this.next] as number
      this.directCounts[Math.floor(c / T)]! += direct[this.next] as number
      this.next++
    }
    this.shownS = timeS
  }

  /**
   * Instances per host and tenant at `timeS` (s since the run's start), nested ones counted on
   * the host under them: hosts with none are absent. Moving forward applies only the events
   * since the last call; moving back replays from the start.
   */
  at(timeS: number): ReadonlyMap<string, TenantCounts> {
    const steps = this.atSteps(timeS, Number.POSITIVE_INFINITY)
    for (;;) {
      const step = steps.next()
      if (step.done) return step.value
    }
  }

  /**
   * `at` in steps: yields after about every `sliceCells` host × tenant counts read (10,000
   * hosts of 20 tenants are 200,000, and a list per host: tens of ms in one go), so a page can
   * read them between frames; returns what `at` returns. Should the replay be moved to another
   * time between two steps, the next step moves it back first, so every host is read at `timeS`.
   */
  *atSteps(
    timeS: number,
    sliceCells: number,
  ): Generator<void, ReadonlyMap<string, TenantCounts>, void> {
    this.advance(timeS)
    const T = this.tenantIds.length
    const out = new Map<string, TenantCounts>()
    let read = 0
    for (let h = 0; h < this.hostIds.length; h++) {
      if (read >= sliceCells) {
        read = 0
        yield
        if (this.shownS !== timeS) this.advance(timeS)
      }
      read += T
      let list: Array<{ tenantId: string; count: number }> | undefined
      for (let t = 0; t < T; t++) {
        const count = this.counts[h * T + t] as number
        if (count <= 0) continue
        ;(list ??= []).push({ tenantId: this.tenantIds[t] as string, count })
      }
      if (list) out.set(this.hostIds[h] as string, list)
    }
    return out
  }

  /**
   * Instances placed directly on each host at `timeS` (no nested ones: what the run's per-host
   * `instances` series counts); hosts with none are absent.
   */
  direct(timeS: number): ReadonlyMap<string, number> {
    this.advance(timeS)
    const out = new Map<string, number>()
    this.hostIds.forEach((hostId, h) => {
      const n = this.directCounts[h] as number
      if (n > 0) out.set(hostId, n)
    })
    return out
  }
}
