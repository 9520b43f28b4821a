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
import type { SimulationResult } from './simulation-result'

/** Instances of each tenant on one host, in tenant id order. */
export type TenantCounts = ReadonlyArray<{ tenantId: string; count: number }>

/** One change of a host's count: `delta` instances of tenant `tenant` on host `host`. */
interface CountEvent {
  timeS: number
  host: number
  tenant: number
  delta: 1 | -1
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
    private readonly events: readonly CountEvent[],
    initial: Int32Array,
  ) {
    this.initial = initial
    this.counts = initial.slice()
  }

  /**
   * The replay of `result`, or `undefined` when it cannot be exact: the result kept only the
   * first migrations (`migrationsTruncated`), or an instance ended before the horizon
   * (`finished`: CloudSim-compatible runs end an instance whose demand drops to zero).
   */
  static of(result: SimulationResult): InstancesOverTime | undefined {
    if (result.migrationsTruncated) return undefined
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
    for (const i of result.instances) {
      if (i.outerInstanceId !== undefined) continue
      if (i.status === 'finished') return undefined
      tenantOf.set(i.instanceId, i.tenantId)
      if (i.initialHostId !== undefined) hostOf(i.initialHostId)
    }
    const tenantIds = [...new Set(tenantOf.values())].sort()
    const tenantIndex = new Map(tenantIds.map((t, k) => [t, k]))
    const T = tenantIds.length
    const events: CountEvent[] = []
    const add = (timeS: number, instanceId: string, hostId: string, delta: 1 | -1): void => {
      const tenantId = tenantOf.get(instanceId)
      if (tenantId === undefined) return
      events.push({
        timeS,
        host: hostOf(hostId),
        tenant: tenantIndex.get(tenantId) as number,
        delta,
      })
    }
    for (const m of result.migrations) {
      add(m.startS, m.instanceId, m.toHostId, 1)
      add(m.endS, m.instanceId, m.fromHostId, -1)
    }
    for (const f of result.failures) {
      for (const x of f.instances) {
        add(f.atS, x.instanceId, f.hostId, -1)
        if (x.restartedOnHostId !== undefined && x.restartedAtS !== undefined)
          add(x.restartedAtS, x.instanceId, x.restartedOnHostId, 1)
      }
    }
    // arrivals before departures at the same time, so no count dips below zero in between
    events.sort((a, b) => a.timeS - b.timeS || b.delta - a.delta)
    const initial = new Int32Array(hostIds.length * T)
    for (const i of result.instances) {
      if (i.outerInstanceId !== undefined || i.initialHostId === undefined) continue
      const t = tenantIndex.get(i.tenantId) as number
      initial[(hostIndex.get(i.initialHostId) as number) * T + t]! += 1
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
    while (this.next < this.events.length) {
      const e = this.events[this.next] as CountEvent
      if (e.timeS > timeS) break
      this.counts[e.host * T + e.tenant]! += e.delta
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
