/**
 * Over-load detectors (CloudSim 3.0.3's `isHostOverUtilized` of each migration policy):
 * static threshold (thr), inter-quartile range (iqr), median absolute deviation (mad), local
 * regression (lr) and robust local regression (lrr). The adaptive ones fall back to a 0.7
 * threshold until the host has enough history (12 values; 10 for regression).
 *
 * `isOverloaded(s, h, v)` answers "would host h be over-loaded with instance v added last"
 * without touching the host: the host's own sums are running sums over its entries
 * (`detector-sums.ts`: a change recomputes only the rows after its unchanged prefix) and v's
 * share is added last, in CloudSim's summation order. Local regression computes only the
 * history values it reads.
 */
import { hostTotals, type HostTotals } from './detector-sums'
import { requestedTotal } from './host-cpu'
import type { Detector } from './policy'
import { countNonZeroBeginning, iqr, linearFit, mad } from './stats'
import { histBase, HISTORY_LENGTH, type HostEntries, type SimState } from './state'

const history = new Float64Array(HISTORY_LENGTH)
const reversed = new Float64Array(10)

/** Fills `history` for host h (+ instance v if >= 0); returns its trimmed length. */
function fillHistory(s: SimState, c: HostTotals, h: number, v: number): number {
  const off = h * HISTORY_LENGTH
  for (let k = 0; k < HISTORY_LENGTH; k++) history[k] = c.history[off + k] as number
  if (v >= 0) {
    const vb = histBase(s, v)
    const len = s.vmHistLen[v] as number
    const mips = s.vmMips[v] as number
    const hostMips = s.hostTotalMips[h] as number
    for (let k = 0; k < len; k++)
      history[k] = (history[k] as number) + ((s.vmHist[vb + k] as number) * mips) / hostMips
  }
  return countNonZeroBeginning(history)
}

/**
 * Value `k` of host h's history with instance v's added (v < 0: none), as `fillHistory`
 * computes it.
 */
function historyAt(s: SimState, c: HostTotals, h: number, v: number, k: number): number {
  const own = c.history[h * HISTORY_LENGTH + k] as number
  if (v < 0 || k >= (s.vmHistLen[v] as number)) return own
  const term =
    ((s.vmHist[histBase(s, v) + k] as number) * (s.vmMips[v] as number)) /
    (s.hostTotalMips[h] as number)
  return own + term
}

/**
 * Local regression's window: the 10 newest values of host h's history (+ instance v's) into
 * `reversed`, oldest first. Returns false when the history's trimmed length
 * (`countNonZeroBeginning`) is under 10. Only the values that decide are computed: the trimmed
 * length from the oldest end down to the first non-zero value, then the 10 newest.
 */
function regressionWindow(s: SimState, c: HostTotals, h: number, v: number): boolean {
  let k = HISTORY_LENGTH - 1
  while (k >= 9 && historyAt(s, c, h, v, k) === 0) k--
  if (k < 9) return false
  for (let i = 0; i < 10; i++) reversed[i] = historyAt(s, c, h, v, 9 - i)
  return true
}

/** What a detector decides on (see `overloadFigures`). */
export interface OverloadFigures {
  /** Requested MIPS over capacity, the instance included. */
  utilization: number
  /** Too little history for the adaptive detector: the 0.7 fallback threshold applies. */
  short: boolean
  /**
   * iqr/mad: the spread of the history; lr/lrr: the regression's prediction before the safety
   * parameter; thr (and when `short`): NaN.
   */
  statistic: number
}

const figures: OverloadFigures = { utilization: 0, short: false, statistic: Number.NaN }

const requestedCaches = new WeakMap<
  SimState,
  { mips: Float64Array; version: Uint32Array; epoch: Float64Array }
>()

/**
 * thr's figures: it reads only the requested MIPS, cached per host (by version and epoch) as
 * the sum in entry order. On small hosts (PlanetLab's) this costs less than keeping the running
 * sums of `detector-sums.ts`, which only pay off for the history sums.
 */
function thresholdFigures(s: SimState, h: number, v: number): Readonly<OverloadFigures> {
  let c = requestedCaches.get(s)
  if (!c) {
    c = {
      mips: new Float64Array(s.hostCount),
      version: new Uint32Array(s.hostCount),
      epoch: new Float64Array(s.hostCount).fill(-1),
    }
    requestedCaches.set(s, c)
  }
  if (c.epoch[h] !== s.epoch || c.version[h] !== s.hostVersion[h]) {
    const e = s.entries[h] as HostEntries
    let requested = 0
    for (let i = 0; i < e.vm.length; i++) requested += requestedTotal(s, e.vm[i] as number)
    c.mips[h] = requested
    c.epoch[h] = s.epoch
    c.version[h] = s.hostVersion[h] as number
  }
  let requested = c.mips[h] as number
  if (v >= 0) requested += requestedTotal(s, v)
  figures.utilization = requested / (s.hostTotalMips[h] as number)
  figures.short = false
  figures.statistic = Number.NaN
  return figures
}

/**
 * The figures `isOverloaded` decides on for host `h` (with instance `v` added last when
 * `v >= 0`) under `detector`. The object is reused by the next call.
 */
export function overloadFigures(
  s: SimState,
  h: number,
  v: number,
  detector: Detector,
): Readonly<OverloadFigures> {
  if (detector === 'thr') return thresholdFigures(s, h, v)
  const c = hostTotals(s, h)
  let requested = c.requestedMips[h] as number
  if (v >= 0) requested += requestedTotal(s, v)
  figures.utilization = requested / (s.hostTotalMips[h] as number)
  figures.short = false
  figures.statistic = Number.NaN
  switch (detector) {
    case 'iqr':
    case 'mad': {
      const n = fillHistory(s, c, h, v)
      if (n < 12) figures.short = true
      else figures.statistic = detector === 'iqr' ? iqr(history, n) : mad(history, n)
      break
    }
    case 'lr':
    case 'lrr': {
      if (!regressionWindow(s, c, h, v)) {
        figures.short = true
        break
      }
      const [a, b] = linearFit(reversed, 10)
      let maxRam = c.maxRamMiB[h] as number
      if (v >= 0 && (s.vmMemMiB[v] as number) > maxRam) maxRam = s.vmMemMiB[v] as number
      const migrationS = maxRam / (((s.hostNicGbps[h] as number) * 1_000_000) / (2 * 8000))
      figures.statistic = a + b * (10 + Math.ceil(migrationS / s.stepS))
    }
  }
  return figures
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
  const f = overloadFigures(s, h, v, detector)
  if (detector === 'thr') return f.utilization > parameter
  if (f.short) return f.utilization > 0.7
  if (detector === 'iqr' || detector === 'mad') return f.utilization > 1 - parameter * f.statistic
  return f.statistic * parameter >= 1
}
