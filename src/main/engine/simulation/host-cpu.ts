/**
 * CPU sharing on one host, following CloudSim 3.0.3's `VmSchedulerTimeSharedOverSubscription`:
 * each entry asks for its per-PE request capped at the PE speed; entries are granted their
 * request in list order while capacity lasts; once a request does not fit, every entry is
 * scaled by capacity / total requests and floored to whole MIPS. A migrating instance keeps
 * 90 % of its request on the source; the destination reserves 10 %.
 */
import { policyLoadAppended } from './policy-load'
import { memoryCostMiB, type HostEntries, type SimState } from './state'

/** Requested MIPS of entry `i` that counts against capacity, and its per-PE cap. */
function cappedPe(s: SimState, h: number, reqPe: number): number {
  const peMips = s.hostPeMips[h] as number
  return reqPe > peMips ? peMips : reqPe
}

function entryTotal(s: SimState, h: number, e: HostEntries, i: number): number {
  const c = cappedPe(s, h, e.reqPe[i] as number)
  let total = 0
  const pes = s.vmPes[e.vm[i] as number] as number
  for (let p = 0; p < pes; p++) total += c
  if (e.migIn[i] === 1) total *= 0.1
  return total
}

function exactAlloc(s: SimState, h: number, e: HostEntries, i: number): number {
  const c = cappedPe(s, h, e.reqPe[i] as number)
  if (e.migIn[i] === 1) return c * 0.1
  if (s.vmInMig[e.vm[i] as number] === 1) return c * 0.9
  return c
}

/** Scales every entry by capacity / total requests (CloudSim's redistribution). */
function redistribute(s: SimState, h: number): void {
  const e = s.entries[h] as HostEntries
  let required = 0
  for (let i = 0; i < e.vm.length; i++) required += entryTotal(s, h, e, i)
  const scaling = (s.hostTotalMips[h] as number) / required
  for (let i = 0; i < e.vm.length; i++) {
    let mips = cappedPe(s, h, e.reqPe[i] as number)
    if (e.migIn[i] === 1) {
      mips *= 0.1
      mips *= scaling
    } else if (s.vmInMig[e.vm[i] as number] === 1) {
      mips *= scaling
      mips *= 0.9
    } else mips *= scaling
    e.allocPe[i] = Math.floor(mips)
  }
  s.hostAvail[h] = 0
}

/**
 * Allocates entry `i` against the host's free MIPS, redistributing when it does not fit;
 * returns whether it redistributed (every entry's allocation may then have changed).
 */
export function allocateEntry(s: SimState, h: number, i: number): boolean {
  const e = s.entries[h] as HostEntries
  const total = entryTotal(s, h, e, i)
  if ((s.hostAvail[h] as number) >= total) {
    e.allocPe[i] = exactAlloc(s, h, e, i)
    s.hostAvail[h] = (s.hostAvail[h] as number) - total
    return false
  }
  redistribute(s, h)
  return true
}

/** Re-allocates every entry from scratch in list order (after a removal or a refresh). */
export function reallocate(s: SimState, h: number): void {
  const e = s.entries[h] as HostEntries
  s.hostAvail[h] = s.hostTotalMips[h] as number
  let overflow = false
  for (let i = 0; i < e.vm.length; i++) {
    const total = entryTotal(s, h, e, i)
    if ((s.hostAvail[h] as number) >= total) {
      e.allocPe[i] = exactAlloc(s, h, e, i)
      s.hostAvail[h] = (s.hostAvail[h] as number) - total
    } else {
      overflow = true
      s.hostAvail[h] = 0
    }
  }
  if (overflow) redistribute(s, h)
}

/** Current requested MIPS of instance `v`, all PEs (uncapped). */
export function requestedTotal(s: SimState, v: number): number {
  const pes = s.vmPes[v] as number
  const per = s.vmInstantiating[v] === 1 ? (s.vmMips[v] as number) : (s.vmReqPe[v] as number)
  let total = 0
  for (let p = 0; p < pes; p++) total += per
  return total
}

/** Current requested MIPS per PE of instance `v`. */
export function requestedPe(s: SimState, v: number): number {
  return s.vmInstantiating[v] === 1 ? (s.vmMips[v] as number) : (s.vmReqPe[v] as number)
}

/** Whether memory and bandwidth bind for `v` now (CloudSim-compat: only while instantiating). */
function resourcesBind(s: SimState, v: number): boolean {
  return !s.compat || s.vmInstantiating[v] === 1
}

/** CloudSim's `Host#isSuitableForVm`: PE speed, free MIPS, memory and bandwidth. */
export function isSuitable(s: SimState, h: number, v: number): boolean {
  if (s.hostDown[h] === 1) return false
  if (s.rules && !s.rules.allows(h, v, (k) => (s.entries[k] as HostEntries).vm)) return false
  if ((s.hostPeMips[h] as number) < requestedPe(s, v)) return false
  if ((s.hostAvail[h] as number) < requestedTotal(s, v)) return false
  if (!resourcesBind(s, v)) return true
  const e = s.entries[h] as HostEntries
  if (e.vm.length >= (s.hostMaxInstances[h] as number)) return false
  if ((s.hostMemUsed[h] as number) + memoryCostMiB(s, v, h) > (s.hostMemMiB[h] as number))
    return false
  return (s.hostBwUsed[h] as number) + (s.vmBwMbps[v] as number) <= (s.hostBwMbps[h] as number)
}

/** Adds `v` to host `h` (CloudSim's `vmCreate`, also used for tentative placements). */
export function createOn(s: SimState, h: number, v: number, migIn = false): void {
  // Instances' unwritten repeated entries belong to the entries as they were (`entry-lag.ts`).
  if ((s.lag.from[h] as number) >= 0) s.catchUp?.(h)
  const e = s.entries[h] as HostEntries
  const bind = resourcesBind(s, v)
  const mem = bind ? memoryCostMiB(s, v, h) : 0
  const bw = bind ? (s.vmBwMbps[v] as number) : 0
  s.hostVersion[h] = (s.hostVersion[h] as number) + 1
  e.vm.push(v)
  e.reqPe.push(requestedPe(s, v))
  e.allocPe.push(0)
  e.migIn.push(migIn ? 1 : 0)
  e.memMiB.push(mem)
  e.bwMbps.push(bw)
  s.hostMemUsed[h] = (s.hostMemUsed[h] as number) + mem
  s.hostBwUsed[h] = (s.hostBwUsed[h] as number) + bw
  // Only the new entry's allocation changed: its load row is added at once.
  if (!allocateEntry(s, h, e.vm.length - 1)) policyLoadAppended(s, h)
}

/** Index of the first entry of `v` on `h` with the given migIn flag (-1 if none). */
export function entryIndex(s: SimState, h: number, v: number, migIn?: boolean): number {
  const e = s.entries[h] as HostEntries
  for (let i = 0; i < e.vm.length; i++)
    if (e.vm[i] === v && (migIn === undefined || (e.migIn[i] === 1) === migIn)) return i
  return -1
}

/**
 * Removes element `i` in place (no garbage, unlike splice). The last element goes by `pop`,
 * which V8 does in place; setting `length` takes its runtime's slow path (about 9x the cost).
 */
function removeAt(xs: number[], i: number): void {
  for (let k = i + 1; k < xs.length; k++) xs[k - 1] = xs[k] as number
  xs.pop()
}

/** Removes entry `i` of host `h` and re-allocates the others (CloudSim's `vmDestroy`). */
export function removeEntryAt(s: SimState, h: number, i: number): void {
  if ((s.lag.from[h] as number) >= 0) s.catchUp?.(h)
  const e = s.entries[h] as HostEntries
  s.hostVersion[h] = (s.hostVersion[h] as number) + 1
  s.hostMemUsed[h] = (s.hostMemUsed[h] as number) - (e.memMiB[i] as number)
  s.hostBwUsed[h] = (s.hostBwUsed[h] as number) - (e.bwMbps[i] as number)
  removeAt(e.vm, i)
  removeAt(e.reqPe, i)
  removeAt(e.allocPe, i)
  removeAt(e.migIn, i)
  removeAt(e.memMiB, i)
  removeAt(e.bwMbps, i)
  reallocate(s, h)
}

/** Removes the first entry of `v` from `h`, if any. */
export function destroyOn(s: SimState, h: number, v: number): void {
  const i = entryIndex(s, h, v)
  if (i >= 0) removeEntryAt(s, h, i)
}

/** Total allocated MIPS of entry `i`. */
export function allocatedTotal(s: SimState, e: HostEntries, i: number): number {
  const pes = s.vmPes[e.vm[i] as number] as number
  let total = 0
  for (let p = 0; p < pes; p++) total += e.allocPe[i] as number
  return total
}

/** The consolidation policy's view of a host's load (running sums: `policy-load.ts`). */
export { policyUtilMips } from './policy-load'

/** CloudSim's host CPU utilization (values in (1, 1.01) count as 1). */
export function hostUtil(s: SimState, h: number, mips = s.hostUtilMips[h] as number): number {
  let u = mips / (s.hostTotalMips[h] as number)
  if (u > 1 && u < 1.01) u = 1
  return u
}
