/**
 * Where instances start and restart. CloudSim-compat designs follow CloudSim exactly:
 * first fit in host order for `npa`/`dvfs`, PABFD for the migration policies, with the
 * instance asking for its full capacity while it is being instantiated.
 *
 * SEAM: designs without `cloudsimCompat` should be placed by the scheduler
 * (`src/main/engine/scheduler`, `createScheduler(design).placeInstance`). Until that module
 * exports it, they use the same rules here with memory, bandwidth and density binding.
 */
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

/** Chooses a host for `v` under the run's policy (-1 if none). */
export function chooseHost(s: SimState, v: number, excluded?: Uint8Array): number {
  const p = s.policy
  if (p.kind === 'migration')
    return findHostForVm(s, p as MigrationPolicy, v, excluded ?? new Uint8Array(s.hostCount))
  return firstFit(s, v, excluded)
}

/**
 * Starts instance `v` on a host: it asks for its full capacity while instantiating, then
 * (CloudSim) its demand is unknown until the first update. Returns the host or -1.
 */
export function startInstance(s: SimState, v: number, excluded?: Uint8Array): number {
  s.vmInstantiating[v] = 1
  const h = chooseHost(s, v, excluded)
  if (h >= 0) {
    createOn(s, h, v)
    s.vmHome[v] = h
    s.vmReqPe[v] = 0
    s.vmLastUpdateS[v] = -1
  }
  s.vmInstantiating[v] = 0
  return h
}

/** Initial placement of every instance in order. Returns how many could not be placed. */
export function placeAll(s: SimState): number {
  let unplaced = 0
  for (let v = 0; v < s.vmCount; v++) {
    const h = startInstance(s, v)
    s.vmInitialHost[v] = h
    if (h < 0) unplaced++
  }
  return unplaced
}
