/**
 * Where instances start and restart.
 *
 * - CloudSim-compat designs follow CloudSim exactly: first fit in host order for
 *   `npa`/`dvfs`, PABFD for the migration policies, the instance asking for its full
 *   capacity while it is being instantiated.
 * - Other designs start where the scheduler (`../scheduler`, filters + weighers, tenant
 *   isolation, affinity, quotas) puts them. Restarts after a host failure go through the same
 *   scheduler under `npa`/`dvfs`; under a consolidation policy (where live migrations have
 *   moved instances away from the scheduler's picture) they use PABFD on the simulated state.
 */
import type { Design } from '../../../shared/design/schema'
import { createScheduler, type Scheduler } from '../scheduler'
import { findHostForVm } from './consolidation'
import { createOn, isSuitable } from './host-cpu'
import type { PolicySpec } from './policy'
import type { SimState } from './state'

type MigrationPolicy = Extract<PolicySpec, { kind: 'migration' }>

/** First host in order where `v` fits, or -1. */
export function firstFit(s: SimState, v: number, excluded?: Uint8Array): number {
  for (let h = 0; h < s.hostCount; h++) {
    if (excluded && excluded[h] === 1) continue
    if (isSuitable(s, h, v)) return h
  }
  return -1
}

/** Chooses a host for `v` on the simulated state under the run's policy (-1 if none). */
export function chooseHost(s: SimState, v: number, excluded?: Uint8Array): number {
  const p = s.policy
  if (p.kind === 'migration')
    return findHostForVm(s, p as MigrationPolicy, v, excluded ?? new Uint8Array(s.hostCount))
  return firstFit(s, v, excluded)
}

/** Puts `v` on host `h` as a freshly started instance. */
function startOn(s: SimState, v: number, h: number): void {
  s.vmInstantiating[v] = 1
  createOn(s, h, v)
  s.vmInstantiating[v] = 0
  s.vmHome[v] = h
  s.vmReqPe[v] = 0
  s.vmLastUpdateS[v] = -1
}

/** Places instances on the simulated hosts; one per run. */
export class Placement {
  private readonly scheduler?: Scheduler
  private readonly hostIndex: Map<string, number>

  /**
   * `placed`: a scheduler that placed the run's design already (the run's one initial
   * placement, review s11 #4); its assignments are where instances start, and it places
   * restarts. Without it, a scheduler of `design` places them here.
   */
  constructor(
    private readonly s: SimState,
    design: Design,
    seed: number,
    private readonly placed?: Scheduler,
  ) {
    this.hostIndex = new Map(s.hostIds.map((id, i) => [id, i]))
    if (!s.compat) this.scheduler = placed ?? createScheduler(design, { seed })
  }

  /** Initial placement of every instance. Returns how many could not be placed. */
  placeAll(): number {
    const s = this.s
    let unplaced = 0
    const assigned = this.scheduler
      ? (this.placed ?? this.scheduler.placeAll(), this.scheduler.assignments())
      : undefined
    for (let v = 0; v < s.vmCount; v++) {
      let h: number
      if (assigned) {
        const hostId = assigned.get(s.vmIds[v] as string)
        h = hostId === undefined ? -1 : (this.hostIndex.get(hostId) ?? -1)
        if (h >= 0) startOn(s, v, h)
      } else h = this.start(v)
      s.vmInitialHost[v] = h
      if (h < 0) unplaced++
    }
    return unplaced
  }

  /** Starts (or restarts) instance `v`; returns its host or -1 when nothing fits. */
  start(v: number): number {
    const s = this.s
    if (this.scheduler && s.policy.kind !== 'migration') {
      const id = s.vmIds[v] as string
      this.scheduler.remove(id)
      const out = this.scheduler.placeInstance(id)
      if (!out.ok) return -1
      const h = this.hostIndex.get(out.hostId) ?? -1
      if (h >= 0) startOn(s, v, h)
      return h
    }
    s.vmInstantiating[v] = 1
    const h = chooseHost(s, v)
    s.vmInstantiating[v] = 0
    if (h >= 0) startOn(s, v, h)
    return h
  }

  /** Instance id → storage system id holding its volume, as the scheduler placed it. */
  storageOf(): Map<string, string> {
    const out = new Map<string, string>()
    for (const p of this.scheduler?.result().placed ?? [])
      if (p.storageId !== undefined) out.set(p.instanceId, p.storageId)
    return out
  }

  /** Tells the scheduler a host went down or came back. */
  hostState(h: number, up: boolean): void {
    this.scheduler?.setHostState(this.s.hostIds[h] as string, up ? 'up' : 'down')
  }
}
