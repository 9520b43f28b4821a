/**
 * Over-load detectors (CloudSim 3.0.3's `isHostOverUtilized` of each migration policy):
 * static threshold (thr), inter-quartile range (iqr), median absolute deviation (mad), local
 * regression (lr) and robust local regression (lrr). The adaptive ones fall back to a 0.7
 * threshold until the host has enough history (12 values; 10 for regression).
 */
import { requestedTotal } from './host-cpu'
import type { Detector } from './policy'
import { countNonZeroBeginning, iqr, linearFit, mad } from './stats'
import { HISTORY_LENGTH, type HostEntries, type SimState } from './state'

const history = new Float64Array(HISTORY_LENGTH)
const reversed = new Float64Array(10)

/** The host's utilization history (newest first), zero tail trimmed; returns its length. */
function hostHistory(s: SimState, h: number): number {
  history.fill(0)
  const e = s.entries[h] as HostEntries
  const hostMips = s.hostTotalMips[h] as number
  for (let i = 0; i < e.vm.length; i++) {
    const v = e.vm[i] as number
    const base = v * HISTORY_LENGTH
    const len = s.vmHistLen[v] as number
    const mips = s.vmMips[v] as number
    for (let k = 0; k < len; k++)
      history[k] = (history[k] as number) + ((s.vmHist[base + k] as number) * mips) / hostMips
  }
  return countNonZeroBeginning(history)
}

function requestedUtil(s: SimState, h: number): number {
  const e = s.entries[h] as HostEntries
  let total = 0
  for (let i = 0; i < e.vm.length; i++) total += requestedTotal(s, e.vm[i] as number)
  return total / (s.hostTotalMips[h] as number)
}

function maxMigrationTimeS(s: SimState, h: number): number {
  const e = s.entries[h] as HostEntries
  let maxRam = -2147483648
  for (let i = 0; i < e.vm.length; i++) {
    const ram = s.vmMemMiB[e.vm[i] as number] as number
    if (ram > maxRam) maxRam = ram
  }
  return maxRam / (((s.hostNicGbps[h] as number) * 1_000_000) / (2 * 8000))
}

/** Whether host `h` is over-loaded under `detector` with `parameter`. */
export function isOverloaded(
  s: SimState,
  h: number,
  detector: Detector,
  parameter: number,
): boolean {
  switch (detector) {
    case 'thr':
      return requestedUtil(s, h) > parameter
    case 'iqr':
    case 'mad': {
      const n = hostHistory(s, h)
      if (n < 12) return requestedUtil(s, h) > 0.7
      const spread = detector === 'iqr' ? iqr(history, n) : mad(history, n)
      return requestedUtil(s, h) > 1 - parameter * spread
    }
    case 'lr':
    case 'lrr': {
      const n = hostHistory(s, h)
      if (n < 10) return requestedUtil(s, h) > 0.7
      for (let i = 0; i < 10; i++) reversed[i] = history[9 - i] as number
      const [a, b] = linearFit(reversed, 10)
      const intervals = Math.ceil(maxMigrationTimeS(s, h) / s.stepS)
      const predicted = (a + b * (10 + intervals)) * parameter
      return predicted >= 1
    }
  }
}
