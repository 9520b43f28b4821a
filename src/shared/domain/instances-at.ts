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
 * Instances inside other instances (`outerInstanceId`, issue 18) ride with their outer instance
 * and are not counted, as the series does not count them.
 *
 * The replay is exact only when the result holds every migration and no instance ended early;
 * otherwise `InstancesOverTime.of` answers `undefined` and the views keep what they know (the
 * per-host totals of the series) rather than guessing.
 */
import type { PlacementDigest } from './placement-digest'
import type { FailureRecord, MigrationRecord, SimulationResult } from './simulation-result'

/** What the replay reads: where each instance started, and the run's moves. */
export interface ReplayInput {
  /** Each instance placed directly on a host at the run's start, with its tenant. */
  start: Iterable<{ instanceId: string; tenantId: string; hostId: string }>
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
  const start: Array<{ instanceId: string; tenantId: string; hostId: string }> = []
  for (const i of result.instances) {
    if (i.status === 'finished') return undefined
    if (i.outerInstanceId === undefined && i.initialHostId !== undefined)
      start.push({ instanceId: i.instanceId, tenantId: i.tenantId, hostId: i.initialHostId })
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
  function* start(): Generator<{ instanceId: string; tenantId: string; hostId: string }> {
    for (const g of digest.groups)
      for (let i = 0; i < g.hosts.length; i++) {
        const h = g.hosts[i] as number
        if (h >= 0)
          yield {
            instanceId: `${g.workloadId}#${i}`,
            tenantId: g.tenantId,
            hostId: digest.hostIds[h] as string,
          }
      }
  }
  return { ...result, start: start() }
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
  delta: Int8Array
}

/** The instances on every host at any time of one run; `at` is cheap for increasing times. */
export class InstancesOverTime {
  private readonly counts: Int32Array
  private readonly initial: Int32Array
  /** Index of the first event not yet applied to `counts`. */
  private next = 0
  private shownS = Number.NEGATIVE_INFINITY

  private constructor(
    private readonly hostIds: readonly string[],
    private readonly tenantIds: readonly string[],
    private readonly events: CountEvents,
    initial: Int32Array,
  ) {
    this.initial = initial
    this.counts = initial.slice()
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
    const start: Array<{ instanceId: string; tenantId: string; hostId: string }> = []
    for (const i of result.start) {
      if (++read % sliceRecords === 0) yield
      start.push(i)
      tenantOf.set(i.instanceId, i.tenantId)
      hostOf(i.hostId)
    }
    const tenantIds = [...new Set(tenantOf.values())].sort()
    const tenantIndex = new Map(tenantIds.map((t, k) => [t, k]))
    const T = tenantIds.length
    const times: number[] = []
    const hosts: number[] = []
    const tenants: number[] = []
    const deltas: Array<1 | -1> = []
    const add = (timeS: number, instanceId: string, hostId: string, delta: 1 | -1): void => {
      const tenantId = tenantOf.get(instanceId)
      if (tenantId === undefined) return
      times.push(timeS)
      hosts.push(hostOf(hostId))
      tenants.push(tenantIndex.get(tenantId) as number)
      deltas.push(delta)
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
        (deltas[b] as number) - (deltas[a] as number),
    )
    yield
    const n = order.length
    const events: CountEvents = {
      timeS: new Float64Array(n),
      cell: new Int32Array(n),
      delta: new Int8Array(n),
    }
    order.forEach((k, j) => {
      events.timeS[j] = times[k] as number
      events.cell[j] = (hosts[k] as number) * T + (tenants[k] as number)
      events.delta[j] = deltas[k] as number
    })
    yield
    const initial = new Int32Array(hostIds.length * T)
    for (const i of start) {
      if (++read % sliceRecords === 0) yield
      const t = tenantIndex.get(i.tenantId) as number
      initial[(hostIndex.get(i.hostId) as number) * T + t]! += 1
    }
    return new InstancesOverTime(hostIds, tenantIds, events, initial)
  }

  /**
   * Instances per host and tenant at `timeS` (s since the run's start): hosts with none are
   * absent. Moving forward applies only the events since the last call; moving back replays
   * from the start.
   */
  at(timeS: number): ReadonlyMap<string, TenantCounts> {
    if (timeS < this.shownS) {
      this.counts.set(this.initial)
      this.next = 0
    }
    const T = this.tenantIds.length
    const { timeS: at, cell, delta } = this.events
    while (this.next < at.length && (at[this.next] as number) <= timeS) {
      this.counts[cell[this.next] as number]! += delta[this.next] as number
      this.next++
    }
    this.shownS = timeS
    const out = new Map<string, TenantCounts>()
    this.hostIds.forEach((hostId, h) => {
      let list: Array<{ tenantId: string; count: number }> | undefined
      for (let t = 0; t < T; t++) {
        const count = this.counts[h * T + t] as number
        if (count <= 0) continue
        ;(list ??= []).push({ tenantId: this.tenantIds[t] as string, count })
      }
      if (list) out.set(hostId, list)
    })
    return out
  }
}
