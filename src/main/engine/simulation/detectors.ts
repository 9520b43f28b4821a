/**
 * Over-load detectors (CloudSim 3.0.3's `isHostOverUtilized` of each migration policy):
 * static threshold (thr), inter-quartile range (iqr), median absolute deviation (mad), local
 * regression (lr) and robust local regression (lrr). The adaptive ones fall back to a 0.7
 * threshold until the host has enough history (12 values; 10 for regression).
 *
 * `isOverloaded(s, h, v)` answers "would host h be over-loaded with instance v added last"
 * without touching the host: the host's own sums are cached per host (invalidated by its
 * version and the run's epoch) and v's share is added last, in CloudSim's summation order.
 */
import { requestedTotal } from './host-cpu'
import type { Detector } from './policy'
import { countNonZeroBeginning, iqr, linearFit, mad } from './stats'
import { HISTORY_LENGTH, type HostEntries, type SimState } from './state'

interface DetectorCache {
  history: Float64Array
  requested: Float64Array
  maxRam: Float64Array
  version: Uint32Array
  epoch: Float64Array
}

const caches = new WeakMap<SimState, DetectorCache>()
const history = new Float64Array(HISTORY_LENGTH)
const reversed = new Float64Array(10)

function cacheOf(s: SimState): DetectorCache {
  let c = caches.get(s)
  if (!c) {
    const H = s.hostCount
    c = {
      history: new Float64Array(H * HISTORY_LENGTH),
      requested: new Float64Array(H),
      maxRam: new Float64Array(H),
      version: new Uint32Array(H),
      epoch: new Float64Array(H).fill(-1),
    }
    caches.set(s, c)
  }
  return c
}

/** Refreshes host `h`'s cached history sum, requested MIPS and largest memory. */
function base(s: SimState, h: number): DetectorCache {
  const c = cacheOf(s)
  if (c.epoch[h] === s.epoch && c.version[h] === s.hostVersion[h]) return c
  const e = s.entries[h] as HostEntries
  const hostMips = s.hostTotalMips[h] as number
  const off = h * HISTORY_LENGTH
  c.history.fill(0, off, off + HISTORY_LENGTH)
  let requested = 0
  let maxRam = -2147483648
  for (let i = 0; i < e.vm.length; i++) {
    const v = e.vm[i] as number
    const vb = v * HISTORY_LENGTH
    const len = s.vmHistLen[v] as number
    const mips = s.vmMips[v] as number
    for (let k = 0; k < len; k++)
      c.history[off + k] =
        (c.history[off + k] as number) + ((s.vmHist[vb + k] as number) * mips) / hostMips
    requested += requestedTotal(s, v)
    const ram = s.vmMemMiB[v] as number
    if (ram > maxRam) maxRam = ram
  }
  c.requested[h] = requested
  c.maxRam[h] = maxRam
  c.epoch[h] = s.epoch
  c.version[h] = s.hostVersion[h] as number
  return c
}

/** Fills `history` for host h (+ instance v if >= 0); returns its trimmed length. */
function fillHistory(s: SimState, c: DetectorCache, h: number, v: number): number {
  const off = h * HISTORY_LENGTH
  for (let k = 0; k < HISTORY_LENGTH; k++) history[k] = c.history[off + k] as number
  if (v >= 0) {
    const vb = v * HISTORY_LENGTH
    const len = s.vmHistLen[v] as number
    const mips = s.vmMips[v] as number
    const hostMips = s.hostTotalMips[h] as number
    for (let k = 0; k < len; k++)
      history[k] = (history[k] as number) + ((s.vmHist[vb + k] as number) * mips) / hostMips
  }
  return countNonZeroBeginning(history)
}

/**
 * Whether host `h` (with instance `v` added last when `v >= 0`) is over-loaded under
 * `detector` with `parameter`.
 */
export function isOverloaded(
  s: SimState,
  h: number,
  v: number,
  detector: Detector,
  parameter: number,
): boolean {
  const c = base(s, h)
  let requested = c.requested[h] as number
  if (v >= 0) requested += requestedTotal(s, v)
  const util = requested / (s.hostTotalMips[h] as number)
  switch (detector) {
    case 'thr':
      return util > parameter
    case 'iqr':
    case 'mad': {
      const n = fillHistory(s, c, h, v)
      if (n < 12) return util > 0.7
      const spread = detector === 'iqr' ? iqr(history, n) : mad(history, n)
      return util > 1 - parameter * spread
    }
    case 'lr':
    case 'lrr': {
      const n = fillHistory(s, c, h, v)
      if (n < 10) return util > 0.7
      for (let i = 0; i < 10; i++) reversed[i] = history[9 - i] as number
      const [a, b] = linearFit(reversed, 10)
      let maxRam = c.maxRam[h] as number
      if (v >= 0 && (s.vmMemMiB[v] as number) > maxRam) maxRam = s.vmMemMiB[v] as number
      const migrationS = maxRam / (((s.hostNicGbps[h] as number) * 1_000_000) / (2 * 8000))
      const predicted = (a + b * (10 + Math.ceil(migrationS / s.stepS))) * parameter
      return predicted >= 1
    }
  }
}
