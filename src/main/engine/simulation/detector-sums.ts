/**
 * The per-host sums the over-load detectors read (issue 15), kept as running sums over the
 * host's entries in list order: row i holds the sums over its first i entries (row 0: nothing
 * yet), so the last row is the host's total.
 *
 * - history: per history slot k (`HISTORY_LENGTH` of them), the sum of each entry's
 *   utilization k steps ago × its MIPS / the host's MIPS (the host's utilization history as
 *   CloudSim's `getUtilizationHistory` builds it);
 * - requested: the entries' requested MIPS;
 * - maxRam: the largest memory of an entry (MiB; -2^31 on an empty host, as CloudSim's).
 *
 * Within one epoch (demands and histories unchanged) a host that changed keeps the rows of its
 * longest unchanged prefix of entries and recomputes only the rows after it: an entry appended
 * costs one row, removing the last one costs nothing, removing entry i costs the rows after
 * i. Each row is computed from the one before with the very operations of a recomputation from
 * scratch in entry order, so every sum is the same to the last bit.
 */
import { requestedTotal } from './host-cpu'
import { HISTORY_LENGTH, type HostEntries, type SimState } from './state'

/** Running sums over one host's entries (rows 0..count). */
export interface HostSums {
  /** (capacity + 1) rows of `HISTORY_LENGTH` values. */
  history: Float64Array
  /** (capacity + 1) values, MIPS. */
  requested: Float64Array
  /** (capacity + 1) values, MiB. */
  maxRam: Float64Array
  /** The instance of each entry the rows cover (capacity values). */
  vms: Int32Array
  /** Number of entries covered: the host's total is row `count`. */
  count: number
  /** `SimState.hostVersion` and `epoch` the rows were brought up to date at. */
  version: number
  epoch: number
}

/**
 * Whether a changed host keeps the rows of its unchanged prefix (`true`, the default) or
 * recomputes every row (`false`: the reference the tests compare against).
 */
export const detectorSums = { reusePrefix: true }

const sumsOf = new WeakMap<SimState, Array<HostSums | undefined>>()

function create(capacity: number): HostSums {
  const maxRam = new Float64Array(capacity + 1)
  maxRam[0] = -2147483648
  return {
    history: new Float64Array((capacity + 1) * HISTORY_LENGTH),
    requested: new Float64Array(capacity + 1),
    maxRam,
    vms: new Int32Array(capacity),
    count: 0,
    version: 0,
    epoch: -1,
  }
}

/** A copy of `p` with room for `n` entries (rows 0..keep carried over). */
function grown(p: HostSums, n: number, keep: number): HostSums {
  let capacity = p.vms.length
  while (capacity < n) capacity *= 2
  const q = create(capacity)
  q.history.set(p.history.subarray(0, (keep + 1) * HISTORY_LENGTH))
  q.requested.set(p.requested.subarray(0, keep + 1))
  q.maxRam.set(p.maxRam.subarray(0, keep + 1))
  q.vms.set(p.vms.subarray(0, keep))
  return q
}

/** Host `h`'s running sums, brought up to date (the object may be replaced when it grows). */
export function hostSums(s: SimState, h: number): HostSums {
  let all = sumsOf.get(s)
  if (!all) {
    all = new Array<HostSums | undefined>(s.hostCount)
    sumsOf.set(s, all)
  }
  let p = all[h] ?? create(8)
  const e = s.entries[h] as HostEntries
  const n = e.vm.length
  let from = 0
  if (p.epoch === s.epoch) {
    if (p.version === s.hostVersion[h]) return p
    if (detectorSums.reusePrefix) {
      const same = Math.min(p.count, n)
      while (from < same && p.vms[from] === e.vm[from]) from++
    }
  }
  if (n > p.vms.length) p = grown(p, n, from)
  all[h] = p
  const hostMips = s.hostTotalMips[h] as number
  const { history, requested, maxRam, vms } = p
  for (let i = from; i < n; i++) {
    const v = e.vm[i] as number
    vms[i] = v
    const prev = i * HISTORY_LENGTH
    const row = prev + HISTORY_LENGTH
    const vb = v * HISTORY_LENGTH
    const len = s.vmHistLen[v] as number
    const mips = s.vmMips[v] as number
    if (s.keepHistory) {
      for (let k = 0; k < len; k++)
        history[row + k] =
          (history[prev + k] as number) + ((s.vmHist[vb + k] as number) * mips) / hostMips
      for (let k = len; k < HISTORY_LENGTH; k++) history[row + k] = history[prev + k] as number
    }
    requested[i + 1] = (requested[i] as number) + requestedTotal(s, v)
    const ram = s.vmMemMiB[v] as number
    const before = maxRam[i] as number
    maxRam[i + 1] = ram > before ? ram : before
  }
  p.count = n
  p.version = s.hostVersion[h] as number
  p.epoch = s.epoch
  return p
}
