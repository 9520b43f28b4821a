/**
 * A consolidation decision's undo (CloudSim 3.0.3's `saveAllocation` / `restoreAllocation`):
 * `save` records every host's residents before the decision, `restore` rebuilds each host as
 * its incoming copies followed by its saved residents, re-allocated one by one in order as
 * CloudSim re-creates them. Hosts that would come out identical (same version, incoming copies
 * first) are left alone after a run's first restore. Buffers are kept per run state.
 */
import { allocateEntry, requestedPe } from './host-cpu'
import { memoryCostMiB, type HostEntries, type SimState } from './state'

/**
 * The residents of every host (incoming copies excluded), in order, before a decision; a
 * host's `version` is its `hostVersion` then (an undo that gives a host back exactly may set
 * it to the host's new version: the host then counts as untouched).
 */
export interface Saved {
  start: Int32Array
  count: Int32Array
  vms: Int32Array
  version: Uint32Array
}

const savedOf = new WeakMap<SimState, Saved>()
const restoredAll = new WeakSet<SimState>()

/** Records every host's residents and version before a decision (buffers reused per run). */
export function save(s: SimState): Saved {
  let saved = savedOf.get(s)
  let size = 0
  for (let h = 0; h < s.hostCount; h++) size += (s.entries[h] as HostEntries).vm.length
  if (!saved || saved.vms.length < size) {
    saved = {
      start: new Int32Array(s.hostCount),
      count: new Int32Array(s.hostCount),
      vms: new Int32Array(Math.max(size, s.vmCount)),
      version: new Uint32Array(s.hostCount),
    }
    savedOf.set(s, saved)
  }
  let k = 0
  for (let h = 0; h < s.hostCount; h++) {
    const e = s.entries[h] as HostEntries
    saved.start[h] = k
    for (let i = 0; i < e.vm.length; i++) if (e.migIn[i] === 0) saved.vms[k++] = e.vm[i] as number
    saved.count[h] = k - (saved.start[h] as number)
    saved.version[h] = s.hostVersion[h] as number
  }
  return saved
}

/** Whether restoring host h would rebuild exactly what it holds now. */
function alreadyRestored(s: SimState, saved: Saved, h: number): boolean {
  if (saved.version[h] !== s.hostVersion[h]) return false
  if (s.compat && s.hostMemUsed[h] !== 0) return false
  const e = s.entries[h] as HostEntries
  let seenResident = false
  for (let i = 0; i < e.migIn.length; i++) {
    if (e.migIn[i] === 0) seenResident = true
    else if (seenResident) return false
  }
  return true
}

/**
 * Undoes the tentative placements (CloudSim's restoreAllocation): every host is rebuilt as
 * its incoming copies followed by its saved residents; hosts that would come out identical
 * are left alone.
 */
export function restore(s: SimState, saved: Saved): void {
  const all = !restoredAll.has(s)
  restoredAll.add(s)
  for (let h = 0; h < s.hostCount; h++) {
    if (!all && alreadyRestored(s, saved, h)) continue
    const e = s.entries[h] as HostEntries
    s.hostVersion[h] = (s.hostVersion[h] as number) + 1
    // Rebuild in place (incoming copies first, then the saved residents) without emptying
    // the arrays, which would make V8 drop and regrow their storage.
    let n = 0
    for (let i = 0; i < e.vm.length; i++) if (e.migIn[i] === 1) e.vm[n++] = e.vm[i] as number
    const incoming = n
    const start = saved.start[h] as number
    const end = start + (saved.count[h] as number)
    for (let k = start; k < end; k++) e.vm[n++] = saved.vms[k] as number
    setLength(e, n)
    s.hostMemUsed[h] = 0
    s.hostBwUsed[h] = 0
    s.hostAvail[h] = s.hostTotalMips[h] as number
    for (let i = 0; i < n; i++) {
      const v = e.vm[i] as number
      const migIn = i < incoming
      const bind = !s.compat || s.vmInstantiating[v] === 1
      e.migIn[i] = migIn ? 1 : 0
      e.reqPe[i] = requestedPe(s, v)
      e.memMiB[i] = bind ? memoryCostMiB(s, v, h) : 0
      e.bwMbps[i] = bind ? (s.vmBwMbps[v] as number) : 0
      s.hostMemUsed[h] = (s.hostMemUsed[h] as number) + (e.memMiB[i] as number)
      s.hostBwUsed[h] = (s.hostBwUsed[h] as number) + (e.bwMbps[i] as number)
      if (!migIn) s.vmHome[v] = h
    }
    // Allocated one by one in order, as CloudSim re-creates them.
    for (let i = 0; i < n; i++) allocateEntry(s, h, i)
  }
}

function setLength(e: HostEntries, n: number): void {
  for (const xs of [e.vm, e.reqPe, e.allocPe, e.migIn, e.memMiB, e.bwMbps]) {
    while (xs.length < n) xs.push(0)
    if (xs.length > n) xs.length = n
  }
}
