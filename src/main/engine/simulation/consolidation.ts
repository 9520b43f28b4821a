/**
 * Dynamic consolidation at each scheduling instant (CloudSim 3.0.3's
 * `PowerVmAllocationPolicyMigrationAbstract#optimizeAllocation`): find over-loaded hosts,
 * pick instances off them until they are not, place those by power-aware best fit decreasing
 * (PABFD), then evacuate under-loaded hosts whole where every instance fits elsewhere.
 * Placements are tried on the real host lists and undone at the end; the result is the list
 * of migrations to start.
 */
import { demandAt } from './demand'
import { DemandOrder } from './demand-order'
import { isOverloaded } from './detectors'
import { createOn, destroyOn, hostUtil } from './host-cpu'
import { indexable, PabfdIndex, scanForHost } from './pabfd'
import type { PolicySpec } from './policy'
import { powerAt } from './power'
import type { Random } from './random'
import { selectInstance } from './selectors'
import { MemoryRoom } from './memory-room'
import { restore, save, type Saved } from './restore-allocation'
import type { HostEntries, SimState } from './state'
import { TentativePlacements } from './tentative-placements'

/** A decided migration: instance `vm` to host `host`, and why. */
export interface Migration {
  vm: number
  host: number
  reason: 'overload' | 'underload'
}

type MigrationPolicy = Extract<PolicySpec, { kind: 'migration' }>

function overloaded(s: SimState, p: MigrationPolicy, h: number, v = -1): boolean {
  return isOverloaded(s, h, v, p.detector, p.parameter)
}

const powerCache = new WeakMap<SimState, { epoch: number; power: Float64Array }>()

/** Power of each host at its current utilization (host utilizations change only in updates). */
export function powerNow(s: SimState): Float64Array {
  const hit = powerCache.get(s)
  if (hit && hit.epoch === s.epoch) return hit.power
  const out = hit?.power ?? new Float64Array(s.hostCount)
  powerCache.set(s, { epoch: s.epoch, power: out })
  for (let h = 0; h < s.hostCount; h++) {
    const u = hostUtil(s, h)
    out[h] = u < 0 || u > 1 ? Number.NaN : powerAt(s.curves, h * 11, u)
  }
  return out
}

/**
 * PABFD on the current state by a scan of every host (initial placement and restarts; the
 * consolidation decision itself uses the index in `pabfd.ts`, which gives the same host).
 */
export function findHostForVm(
  s: SimState,
  p: MigrationPolicy | undefined,
  v: number,
  excluded: Uint8Array,
  power: Float64Array = powerNow(s),
): number {
  return scanForHost(s, p, v, excluded, power)
}

const indexes = new WeakMap<SimState, PabfdIndex | undefined>()

/**
 * Whether consolidation decisions search through the PABFD index (`true`, the default) or by
 * the plain scan; the scan is the reference the tests and the benchmark compare against.
 */
export const pabfdIndexing = { enabled: true }

/** The run's PABFD index, filed afresh for this decision (undefined: too many classes). */
function indexFor(
  s: SimState,
  p: MigrationPolicy,
  power: Float64Array,
  excluded: Uint8Array,
): PabfdIndex | undefined {
  if (!pabfdIndexing.enabled) return undefined
  let index = indexes.get(s)
  if (index === undefined && !indexes.has(s)) {
    index = indexable(s) ? new PabfdIndex(s, p, power) : undefined
    indexes.set(s, index)
  }
  if (!index) return undefined
  index.reset(p, power, excluded)
  return index
}

/** Placement targets for one decision: by the index when there is one, else by a scan. */
export interface Targets {
  /** PABFD's host for `v` (-1: none). */
  find(v: number): number
  /** Host `h`'s load changed (a tentative placement or its undoing). */
  changed(h: number): void
  /** Host `h` takes nothing more this decision. */
  exclude(h: number): void
  /**
   * True only when instances `vms[0..n)` cannot all be placed together: their memory does not
   * fit the candidate hosts' rooms, whatever hosts the searches choose (`memory-room.ts`).
   */
  cannotHoldAll(vms: Int32Array, n: number): boolean
}

const memoryRooms = new WeakMap<SimState, MemoryRoom>()

/**
 * Whether under-load evacuations whose instances cannot all fit together
 * (`Targets.cannotHoldAll`) are skipped before any tentative placement (`true`, the default;
 * such an evacuation would fail and be undone exactly, so the decision is the same either way,
 * as tests check).
 */
export const evacuationPrecheck: {
  enabled: boolean
  /** For tests: told the outcome of every evacuation of a host with residents to move. */
  observe?: (under: number, outcome: 'moved' | 'failed' | 'skipped') => void
} = { enabled: true }

/**
 * The placement targets of one decision over `excluded` (read and written live): searches
 * (index or scan), re-filing, exclusion, and the memory pre-check (exported for tests).
 */
export function targets(
  s: SimState,
  p: MigrationPolicy,
  power: Float64Array,
  excluded: Uint8Array,
): Targets {
  const index = indexFor(s, p, power, excluded)
  let memory = memoryRooms.get(s)
  if (!memory) memoryRooms.set(s, (memory = new MemoryRoom(s)))
  memory.reset(excluded)
  const room = memory
  return {
    find: (v) => (index ? index.find(v, excluded) : scanForHost(s, p, v, excluded, power)),
    changed: (h) => {
      index?.touch(h)
      room.changed(h)
    },
    exclude: (h) => {
      excluded[h] = 1
      index?.remove(h)
      room.changed(h)
    },
    cannotHoldAll: (vms, n) => room.cannotHoldAll(vms, n),
  }
}

let sortKey = new Float64Array(0)

/** Instance `v`'s current CPU demand in MIPS, the key instances are placed by. */
function demandKey(s: SimState, v: number, nowS: number): number {
  return demandAt(s.demand, v, nowS) * (s.vmMips[v] as number)
}

/** Sorts instances by current CPU demand in MIPS, decreasing (stable). */
function sortByDemand(s: SimState, vms: number[], nowS: number): void {
  if (vms.length < 2) return
  if (sortKey.length < s.vmCount) sortKey = new Float64Array(s.vmCount)
  const key = sortKey
  for (const v of vms) key[v] = demandKey(s, v, nowS)
  vms.sort((a, b) => (key[b] as number) - (key[a] as number))
}

/**
 * Under-load evacuations of consolidation decisions, for the benchmark: tried (a host with
 * residents to move), skipped (its instances cannot all fit by memory: no placement tried),
 * failed (some instance found no host after tentative placements, undone).
 */
export const evacuationCounters = { tried: 0, skipped: 0, failed: 0 }

/** The under-load phase's evacuation order and its tentative placements (reused buffers). */
const demandOrder = new DemandOrder()
const tentativePlacements = new TentativePlacements()
let placedVm = new Int32Array(64)
let placedHost = new Int32Array(64)
/** The instances of the host being evacuated, in list order. */
let evacuees = new Int32Array(64)

/** Decides this instant's migrations (the host lists are unchanged afterwards). */
export function optimizeAllocation(
  s: SimState,
  p: MigrationPolicy,
  random: Random,
  nowS: number,
): Migration[] {
  const H = s.hostCount
  const over: number[] = []
  // A host without entries is never over-loaded (no demand, no history: every detector says
  // no, as tests check); most hosts of a consolidated datacentre are empty.
  for (let h = 0; h < H; h++)
    if (s.hostDown[h] === 0 && (s.entries[h] as HostEntries).vm.length > 0 && overloaded(s, p, h))
      over.push(h)
  const saved = save(s)
  const toMove: number[] = []
  for (const h of over) {
    for (;;) {
      const v = selectInstance(s, h, p.selector, random, nowS)
      if (v < 0) break
      toMove.push(v)
      destroyOn(s, h, v)
      if (!overloaded(s, p, h)) break
    }
  }
  const excluded = new Uint8Array(H)
  for (let h = 0; h < H; h++) if (s.hostDown[h] === 1) excluded[h] = 1
  for (const h of over) excluded[h] = 1
  // With nothing to relieve, the under-load phase's exclusions (idle hosts: it never moves
  // instances there) hold from the start: the index then does not file hosts only to take
  // them out again (7,241 of 10,000 each step of the lr 10k day). Its searches give the same
  // hosts either way (`pabfd.ts`).
  if (toMove.length === 0) for (let h = 0; h < H; h++) if (hostUtil(s, h) === 0) excluded[h] = 1
  const migrations: Migration[] = []
  const power = powerNow(s)
  const place = targets(s, p, power, excluded)
  sortByDemand(s, toMove, nowS)
  for (const v of toMove) {
    const target = place.find(v)
    if (target >= 0) {
      createOn(s, target, v)
      place.changed(target)
      migrations.push({ vm: v, host: target, reason: 'overload' })
    }
  }
  underload(s, over, place, migrations, nowS, saved)
  restore(s, saved)
  return migrations
}

function allMovingOutOrAnyComingIn(s: SimState, h: number): boolean {
  const e = s.entries[h] as HostEntries
  for (let i = 0; i < e.vm.length; i++) {
    if (s.vmInMig[e.vm[i] as number] === 0) return false
    if (e.migIn[i] === 1) return true
  }
  return true
}

let candidates = new Int32Array(0)
let candidateUtil = new Float64Array(0)

/**
 * Under-loaded hosts in the order CloudSim's `getUnderUtilizedHost` would pick them one by
 * one: least utilization first, then design order. Hosts that become targets are excluded
 * as the loop goes, and the others' entries do not change meanwhile, so one sort suffices.
 */
function underloadOrder(s: SimState, pickExcluded: Uint8Array): Int32Array {
  const H = s.hostCount
  if (candidates.length < H) {
    candidates = new Int32Array(H)
    candidateUtil = new Float64Array(H)
  }
  let n = 0
  for (let h = 0; h < H; h++) {
    if (pickExcluded[h] === 1) continue
    const u = hostUtil(s, h)
    if (u > 0 && u < 1 && !allMovingOutOrAnyComingIn(s, h)) {
      candidates[n++] = h
      candidateUtil[h] = u
    }
  }
  const out = candidates.subarray(0, n)
  out.sort((a, b) => (candidateUtil[a] as number) - (candidateUtil[b] as number) || a - b)
  return out
}

function underload(
  s: SimState,
  over: number[],
  place: Targets,
  migrations: Migration[],
  nowS: number,
  saved: Saved,
): void {
  const H = s.hostCount
  const pickExcluded = new Uint8Array(H)
  for (const h of over) pickExcluded[h] = 1
  for (let h = 0; h < H; h++) {
    if (s.hostDown[h] === 1 || hostUtil(s, h) === 0) {
      pickExcluded[h] = 1
      place.exclude(h)
    }
  }
  const order = demandOrder
  // A host an undo gives back exactly as it was at the decision's start is, for `restore`,
  // untouched (as if the evacuation had been skipped).
  const undone = (h: number, versionBefore: number): void => {
    place.changed(h)
    if (saved.version[h] === versionBefore) saved.version[h] = s.hostVersion[h] as number
  }
  for (const under of underloadOrder(s, pickExcluded)) {
    if (pickExcluded[under] === 1) continue
    pickExcluded[under] = 1
    place.exclude(under)
    const e = s.entries[under] as HostEntries
    // CloudSim also evacuates instances only tentatively placed here this instant (and then
    // migrates them twice); Strata's own mode moves only the host's residents.
    if (evacuees.length < e.vm.length) evacuees = new Int32Array(2 * e.vm.length)
    let n = 0
    for (const v of e.vm)
      if (s.vmInMig[v] === 0 && (s.compat || s.vmHome[v] === under)) evacuees[n++] = v
    if (n === 0) continue
    evacuationCounters.tried++
    // Instances that cannot all fit together doom the evacuation: skip it untried.
    if (evacuationPrecheck.enabled && place.cannotHoldAll(evacuees, n)) {
      evacuationCounters.skipped++
      evacuationPrecheck.observe?.(under, 'skipped')
      continue
    }
    order.start(n)
    for (let i = 0; i < n; i++) {
      const v = evacuees[i] as number
      order.set(i, v, demandKey(s, v, nowS))
    }
    if (placedVm.length < n) {
      placedVm = new Int32Array(Math.max(n, placedVm.length * 2))
      placedHost = new Int32Array(placedVm.length)
    }
    // In decreasing demand, drawn one by one: most evacuations fail after a few placements.
    const tentative = tentativePlacements
    for (let i = 0; i < n; i++) {
      const v = order.next()
      const target = place.find(v)
      if (target < 0) {
        evacuationCounters.failed++
        evacuationPrecheck.observe?.(under, 'failed')
        // Every host back to the very figures it had before (not by subtraction).
        tentative.undo(s, undone)
        break
      }
      tentative.place(s, target, v)
      place.changed(target)
      placedVm[i] = v
      placedHost[i] = target
    }
    if (tentative.placed > 0) evacuationPrecheck.observe?.(under, 'moved')
    for (let k = 0; k < tentative.placed; k++) {
      const host = placedHost[k] as number
      pickExcluded[host] = 1
      migrations.push({ vm: placedVm[k] as number, host, reason: 'underload' })
    }
    tentative.forget()
  }
}
