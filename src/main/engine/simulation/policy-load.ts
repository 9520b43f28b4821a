/**
 * The consolidation policy's view of a host's load (issue 15): allocated MIPS of its entries,
 * an incoming copy counted at its full MIPS (it holds 10 % while it migrates), as CloudSim's
 * `getUtilizationOfCpuMips` adds them. Kept as running sums over the host's entries in list
 * order, as `detector-sums.ts` does: row i is the load of its first i entries, and a change
 * recomputes only the rows after the longest prefix of entries whose instance, per-PE
 * allocation and migration flag are all unchanged. Each row comes from the one before by the
 * operations of a recomputation from scratch, so the load is the same to the last bit.
 */
import type { HostEntries, SimState } from './state'

/** Running load sums of one host (rows 0..count) and what each entry's row was made of. */
interface LoadRows {
  /** (capacity + 1) values, MIPS. */
  mips: Float64Array
  vm: Int32Array
  allocPe: Float64Array
  migIn: Uint8Array
  count: number
  version: number
  epoch: number
}

/**
 * Whether a changed host keeps the rows of its unchanged prefix (`true`, the default) or
 * recomputes every row (`false`: the reference the tests compare against).
 */
export const policyLoad = { reuseRows: true }

const rowsOf = new WeakMap<SimState, Array<LoadRows | undefined>>()

function create(capacity: number): LoadRows {
  return {
    mips: new Float64Array(capacity + 1),
    vm: new Int32Array(capacity),
    allocPe: new Float64Array(capacity),
    migIn: new Uint8Array(capacity),
    count: 0,
    version: 0,
    epoch: -1,
  }
}

function grown(p: LoadRows, n: number, keep: number): LoadRows {
  let capacity = p.vm.length
  while (capacity < n) capacity += capacity >> 1
  const q = create(capacity)
  q.mips.set(p.mips.subarray(0, keep + 1))
  q.vm.set(p.vm.subarray(0, keep))
  q.allocPe.set(p.allocPe.subarray(0, keep))
  q.migIn.set(p.migIn.subarray(0, keep))
  return q
}

/**
 * Every host's load (the last row of its running sums) in flat arrays, kept by version and
 * epoch, as `detector-sums.ts` keeps the detectors' totals: a read costs no visit to the host's
 * own rows, scattered over the heap, and an empty host's load is 0 without rows of its own.
 */
interface LoadTotals {
  mips: Float64Array
  version: Uint32Array
  epoch: Float64Array
}

const totalsOf = new WeakMap<SimState, LoadTotals>()

/** The consolidation policy's view of host `h`'s load (MIPS): incoming copies at full MIPS. */
export function policyUtilMips(s: SimState, h: number): number {
  let t = totalsOf.get(s)
  if (!t) {
    t = {
      mips: new Float64Array(s.hostCount),
      version: new Uint32Array(s.hostCount),
      epoch: new Float64Array(s.hostCount).fill(-1),
    }
    totalsOf.set(s, t)
  }
  if (t.version[h] === s.hostVersion[h] && t.epoch[h] === s.epoch) return t.mips[h] as number
  const mips = (s.entries[h] as HostEntries).vm.length === 0 ? 0 : loadRows(s, h)
  t.mips[h] = mips
  t.version[h] = s.hostVersion[h] as number
  t.epoch[h] = s.epoch
  return mips
}

/** Host `h`'s running load rows brought up to date; returns the last one (MIPS). */
function loadRows(s: SimState, h: number): number {
  let all = rowsOf.get(s)
  if (!all) {
    all = new Array<LoadRows | undefined>(s.hostCount)
    rowsOf.set(s, all)
  }
  let p = all[h] ?? create(8)
  if (p.version === s.hostVersion[h] && p.epoch === s.epoch) return p.mips[p.count] as number
  const e = s.entries[h] as HostEntries
  const n = e.vm.length
  let from = 0
  if (policyLoad.reuseRows) {
    const limit = Math.min(p.count, n)
    while (
      from < limit &&
      p.vm[from] === e.vm[from] &&
      p.allocPe[from] === e.allocPe[from] &&
      p.migIn[from] === e.migIn[from]
    )
      from++
  }
  if (n > p.vm.length) p = grown(p, n, from)
  all[h] = p
  for (let i = from; i < n; i++) writeRow(s, p, e, i)
  p.count = n
  p.version = s.hostVersion[h] as number
  p.epoch = s.epoch
  return p.mips[n] as number
}

/** Row `i + 1` of `p` from row `i` and entry `i` of `e` (what the entry adds, in list order). */
function writeRow(s: SimState, p: LoadRows, e: HostEntries, i: number): void {
  const v = e.vm[i] as number
  const alloc = e.allocPe[i] as number
  const migIn = e.migIn[i] as number
  p.vm[i] = v
  p.allocPe[i] = alloc
  p.migIn[i] = migIn
  // `allocatedTotal`: the per-PE allocation added once per PE.
  let a = 0
  const pes = s.vmPes[v] as number
  for (let k = 0; k < pes; k++) a += alloc
  let m = p.mips[i] as number
  if (migIn === 1) m += (a * 0.9) / 0.1
  m += a
  p.mips[i + 1] = m
}

/**
 * Host `h` has just had one entry appended (its `hostVersion` moved on by one) and its other
 * entries' allocations are unchanged (`createOn` without a re-share): when its rows were
 * current just before, the new entry's row is added now, so the next `policyUtilMips` of the
 * host need not compare its whole entry list (issue 15: a tentative placement, then a search
 * that examines the host). The row is the one a recomputation would write.
 */
export function policyLoadAppended(s: SimState, h: number): void {
  if (!policyLoad.reuseRows) return
  const all = rowsOf.get(s)
  let p = all?.[h]
  if (!all || !p || p.epoch !== s.epoch) return
  const e = s.entries[h] as HostEntries
  const n = e.vm.length
  if (p.count !== n - 1 || p.version !== (s.hostVersion[h] as number) - 1) return
  if (n > p.vm.length) all[h] = p = grown(p, n, n - 1)
  writeRow(s, p, e, n - 1)
  p.count = n
  p.version = s.hostVersion[h] as number
}
