/**
 * The per-host sums the over-load detectors read (issue 15), kept as running sums over the
 * host's entries in list order: row i holds the sums over its first i entries (row 0: nothing
 * yet), so the last row is the host's total.
 *
 * - history: per history slot k (`HISTORY_LENGTH` of them), the sum of each entry's
 *   utilization k steps ago × its MIPS / the host's MIPS (the host's utilization history as
 *   CloudSim's `getUtilizationHistory` builds it);
 * - requested: the entries' requested MIPS (recomputed whenever the run's epoch moved);
 * - maxRam: the largest memory of an entry (MiB; -2^31 on an empty host, as CloudSim's).
 *
 * Rows are kept for the host's longest prefix of entries that is unchanged (same instances in
 * the same places) and recomputed after it: an entry appended costs one row, removing the last
 * one costs nothing, removing entry i costs the rows after i. History rows also survive a
 * scheduling step: when every instance of the prefix has pushed exactly one value onto its
 * history since (`SimState.vmHistPushes`), slot k of the new row is slot k - 1 of the old
 * one (the same terms in the same order) and only slot 0 is computed. Each row comes from the
 * one before by the very operations of a recomputation from scratch in entry order, so every
 * sum is the same to the last bit.
 *
 * When the whole list is unchanged and every instance pushed one value (every host with
 * instances at every scheduling step: 100,000 rows a step on the 10k-host day), only the last
 * row is shifted: its new slot 0 is the running sum of the entries' newest values, summed in a
 * register, and the history rows between the first and the last become stale (kept as
 * `histValid`/`histTop`). Writing slot 0 of every row touched one cache line per row (the
 * rows of the busy hosts are megabytes): half of the lr day's running-sum time (issue 15). A
 * later change that needs a stale row recomputes from the last valid one before it; an
 * appended entry (a tentative placement) or a list cut back to the shifted length reads the
 * last row, still valid.
 */
import { requestedTotal } from './host-cpu'
import { histBase, HISTORY_LENGTH, type HostEntries, type SimState } from './state'

/**
 * Values per row of `HostSums.history`: the row's history slots as a ring (every row of a host
 * starts at `head`), so that a shift after a step writes slot 0 alone.
 */
const ROW = HISTORY_LENGTH

/** Position of slot k in a row whose ring starts at `head`. */
function slotAt(head: number, k: number): number {
  const at = head + k
  return at < HISTORY_LENGTH ? at : at - HISTORY_LENGTH
}

/** Running sums over one host's entries (rows 0..count). */
interface HostSums {
  /** (capacity + 1) rows of `ROW` values: slot k of row i is at i × `ROW` + `slotAt(head, k)`. */
  history: Float64Array
  /** Where every row's ring starts (0..`HISTORY_LENGTH` - 1). */
  head: number
  /** (capacity + 1) values, MIPS. */
  requested: Float64Array
  /** (capacity + 1) values, MiB. */
  maxRam: Float64Array
  /** The instance of each entry the rows cover, and its `vmHistPushes` then (capacity values). */
  vms: Int32Array
  pushes: Float64Array
  /**
   * Each entry's instance's MIPS per PE and PEs (fixed for a run), read here in entry order
   * where the instance's own arrays cost a cache miss each at every step.
   */
  mips: Float64Array
  pes: Int32Array
  /** Number of entries covered: the host's total is row `count`. */
  count: number
  /**
   * History rows 0..histValid and histTop..count hold (histValid <= histTop <= count); those
   * between are stale after a shift of the last row alone. Requested and memory rows all hold.
   */
  histValid: number
  histTop: number
  /** `SimState.hostVersion` and `epoch` the rows were brought up to date at. */
  version: number
  epoch: number
}

/**
 * Whether a changed host keeps the rows of its unchanged prefix, and shifts history rows after
 * a step (`true`, the default), or recomputes every row (`false`: the reference the tests
 * compare against).
 */
export const detectorSums = { reuseRows: true }

/**
 * Every host's totals (the last row of its running sums) in flat arrays, kept by version and
 * epoch: what the detectors read. An empty host's are row 0, set without rows of its own. Going
 * through each host's rows for every read, the empty ones included (83 % of the misses on the
 * PlanetLab day), made the lr PlanetLab day 8 % slower than plain per-host sums (issue 15).
 * Host h's history is `history[h × HISTORY_LENGTH ..]`.
 */
export interface HostTotals {
  /** hostCount × `HISTORY_LENGTH` values. */
  history: Float64Array
  /** Requested MIPS of the host's entries. */
  requestedMips: Float64Array
  /** The largest memory of an entry, MiB (-2^31 on an empty host). */
  maxRamMiB: Float64Array
  /** `SimState.hostVersion` and `epoch` each host's totals were copied at. */
  version: Uint32Array
  epoch: Float64Array
}

const totalsOf = new WeakMap<SimState, HostTotals>()

/** The totals of host `h` brought up to date (the other hosts' may be stale). */
export function hostTotals(s: SimState, h: number): HostTotals {
  let t = totalsOf.get(s)
  if (!t) {
    const H = s.hostCount
    t = {
      history: new Float64Array(H * HISTORY_LENGTH),
      requestedMips: new Float64Array(H),
      maxRamMiB: new Float64Array(H),
      version: new Uint32Array(H),
      epoch: new Float64Array(H).fill(-1),
    }
    totalsOf.set(s, t)
  }
  if (t.epoch[h] === s.epoch && t.version[h] === s.hostVersion[h]) return t
  const off = h * HISTORY_LENGTH
  if ((s.entries[h] as HostEntries).vm.length === 0) {
    // An empty host (most hosts of a consolidated day): row 0, without rows of its own.
    t.history.fill(0, off, off + HISTORY_LENGTH)
    t.requestedMips[h] = 0
    t.maxRamMiB[h] = -2147483648
  } else {
    const p = hostSums(s, h)
    const row = p.count * ROW
    for (let k = 0; k < HISTORY_LENGTH; k++)
      t.history[off + k] = p.history[row + slotAt(p.head, k)] as number
    t.requestedMips[h] = p.requested[p.count] as number
    t.maxRamMiB[h] = p.maxRam[p.count] as number
  }
  t.epoch[h] = s.epoch
  t.version[h] = s.hostVersion[h] as number
  return t
}

const sumsOf = new WeakMap<SimState, Array<HostSums | undefined>>()

function create(capacity: number): HostSums {
  const maxRam = new Float64Array(capacity + 1)
  maxRam[0] = -2147483648
  return {
    history: new Float64Array((capacity + 1) * ROW),
    head: 0,
    requested: new Float64Array(capacity + 1),
    maxRam,
    vms: new Int32Array(capacity),
    pushes: new Float64Array(capacity),
    mips: new Float64Array(capacity),
    pes: new Int32Array(capacity),
    count: 0,
    histValid: 0,
    histTop: 0,
    version: 0,
    epoch: -1,
  }
}

/** A copy of `p` with room for `n` entries (rows 0..keep carried over). */
function grown(p: HostSums, n: number, keep: number): HostSums {
  let capacity = p.vms.length
  while (capacity < n) capacity += capacity >> 1
  const q = create(capacity)
  q.history.set(p.history.subarray(0, (keep + 1) * ROW))
  q.head = p.head
  q.histValid = p.histValid
  q.histTop = p.histTop
  q.requested.set(p.requested.subarray(0, keep + 1))
  q.maxRam.set(p.maxRam.subarray(0, keep + 1))
  q.vms.set(p.vms.subarray(0, keep))
  q.pushes.set(p.pushes.subarray(0, keep))
  q.mips.set(p.mips.subarray(0, keep))
  q.pes.set(p.pes.subarray(0, keep))
  return q
}

/**
 * Rows 1..rows of host h's history after every instance of them pushed one value: slot k takes
 * slot k - 1 (the rings' start moves back by one, for every row of the host: rows after `rows`
 * are recomputed after it), slot 0 is computed.
 */
function shiftRows(s: SimState, p: HostSums, e: HostEntries, h: number, rows: number): void {
  const { history } = p
  const hostMips = s.hostTotalMips[h] as number
  const head = p.head === 0 ? HISTORY_LENGTH - 1 : p.head - 1
  p.head = head
  for (let i = 0; i < rows; i++) {
    const v = e.vm[i] as number
    const prev = i * ROW + head
    history[prev + ROW] =
      (history[prev] as number) +
      ((s.vmHist[histBase(s, v)] as number) * (s.vmMips[v] as number)) / hostMips
    p.pushes[i] = s.vmHistPushes[v] as number
  }
}

/**
 * Shifts host h's last row when its list is the one the rows cover and each of its instances
 * pushed one value since (else changes nothing and returns false): slot k takes slot k - 1
 * (the ring's start moves back), slot 0 is the running sum of the entries' newest values in
 * entry order, as row by row; with `requested`, the requested rows are recomputed on the way.
 * The history rows between the first and the last go stale. One pass checks and sums.
 */
function shiftTotal(
  s: SimState,
  p: HostSums,
  e: HostEntries,
  h: number,
  requested: boolean,
): boolean {
  const n = p.count
  if (e.vm.length !== n || n === 0) return false
  const hostMips = s.hostTotalMips[h] as number
  const { vms, pushes, mips, pes } = p
  const req = p.requested
  let sum = 0
  for (let i = 0; i < n; i++) {
    const v = e.vm[i] as number
    const pushed = s.vmHistPushes[v] as number
    if (vms[i] !== v || pushed - (pushes[i] as number) !== 1) {
      // Not this case: the entries seen so far get their push counts back.
      for (let j = 0; j < i; j++) pushes[j] = (pushes[j] as number) - 1
      return false
    }
    pushes[i] = pushed
    const vmMips = mips[i] as number
    sum += ((s.vmHist[histBase(s, v)] as number) * vmMips) / hostMips
    if (requested) {
      // `requestedTotal` with the entry's MIPS and PEs: the same sum, PE by PE.
      const per = s.vmInstantiating[v] === 1 ? vmMips : (s.vmReqPe[v] as number)
      const count = pes[i] as number
      let total = 0
      for (let k = 0; k < count; k++) total += per
      req[i + 1] = (req[i] as number) + total
    }
  }
  const head = p.head === 0 ? HISTORY_LENGTH - 1 : p.head - 1
  p.head = head
  // Row 0 is zero in every slot: the running sum starts from it, as row by row.
  p.history[n * ROW + head] = (p.history[head] as number) + sum
  p.histValid = 0
  p.histTop = n
  return true
}

/** Whether the rows `historyRowsKept` counted are to be shifted. */
let keptShifted = false

/**
 * How many of the first `same` rows of host h's history still hold (shifted when it sets
 * `keptShifted`): the run of entries whose instances pushed no value since, or each exactly one.
 */
function historyRowsKept(s: SimState, p: HostSums, e: HostEntries, same: number): number {
  keptShifted = false
  if (!s.keepHistory || same === 0) return same
  const d = (s.vmHistPushes[e.vm[0] as number] as number) - (p.pushes[0] as number)
  if (d !== 0 && d !== 1) return 0
  let rows = 1
  while (
    rows < same &&
    (s.vmHistPushes[e.vm[rows] as number] as number) - (p.pushes[rows] as number) === d
  )
    rows++
  keptShifted = d === 1
  return rows
}

/** Host `h`'s running sums, brought up to date (the object may be replaced when it grows). */
function hostSums(s: SimState, h: number): HostSums {
  let all = sumsOf.get(s)
  if (!all) {
    all = new Array<HostSums | undefined>(s.hostCount)
    sumsOf.set(s, all)
  }
  let p = all[h] ?? create(8)
  if (p.epoch === s.epoch && p.version === s.hostVersion[h]) return p
  const e = s.entries[h] as HostEntries
  const epochMoved = p.epoch !== s.epoch
  // The common case first: the list unchanged, every instance pushed once (see the top).
  if (detectorSums.reuseRows && s.keepHistory && shiftTotal(s, p, e, h, epochMoved)) {
    p.version = s.hostVersion[h] as number
    p.epoch = s.epoch
    return p
  }
  const n = e.vm.length
  let same = 0
  if (detectorSums.reuseRows) {
    const limit = Math.min(p.count, n)
    while (same < limit && p.vms[same] === e.vm[same]) same++
  }
  const rows = historyRowsKept(s, p, e, same)
  // The last history row that holds at or before `rows`.
  const from = rows >= p.histTop ? rows : Math.min(rows, p.histValid)
  if (keptShifted) shiftRows(s, p, e, h, from)
  const { requested } = p
  if (epochMoved)
    for (let i = 0; i < from; i++)
      requested[i + 1] = (requested[i] as number) + requestedTotal(s, e.vm[i] as number)
  // Rows after `from` are recomputed below: from the valid head, every row then holds.
  if (from <= p.histValid) {
    p.histValid = n
    p.histTop = n
  }
  if (n > p.vms.length) p = grown(p, n, from)
  all[h] = p
  const hostMips = s.hostTotalMips[h] as number
  const { history, maxRam, vms, pushes, head } = p
  for (let i = from; i < n; i++) {
    const v = e.vm[i] as number
    vms[i] = v
    pushes[i] = s.vmHistPushes[v] as number
    p.mips[i] = s.vmMips[v] as number
    p.pes[i] = s.vmPes[v] as number
    const prev = i * ROW
    const row = prev + ROW
    const vb = histBase(s, v)
    const len = s.vmHistLen[v] as number
    const mips = s.vmMips[v] as number
    if (s.keepHistory) {
      for (let k = 0; k < len; k++) {
        const at = slotAt(head, k)
        history[row + at] =
          (history[prev + at] as number) + ((s.vmHist[vb + k] as number) * mips) / hostMips
      }
      for (let k = len; k < HISTORY_LENGTH; k++) {
        const at = slotAt(head, k)
        history[row + at] = history[prev + at] as number
      }
    }
    p.requested[i + 1] = (p.requested[i] as number) + requestedTotal(s, v)
    const ram = s.vmMemMiB[v] as number
    const before = maxRam[i] as number
    maxRam[i + 1] = ram > before ? ram : before
  }
  p.count = n
  p.version = s.hostVersion[h] as number
  p.epoch = s.epoch
  return p
}
