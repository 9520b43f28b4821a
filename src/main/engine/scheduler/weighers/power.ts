/**
 * Power: least added watts. The host's draw is read from its 11-point curve (0 %, 10 %, ...,
 * 100 % CPU load, linear in between) at its CPU load before and after the instance (its MIPS
 * with overhead over the host's physical MIPS). An empty host that the design switches off
 * when idle adds its whole draw. Score = 1 - added watts / the design's highest peak draw.
 */
import { demandOn } from '../ledger'
import type { SchedulerState } from '../state'
import type { SchedulerWeigher } from '../types'

/** Draw of host `h` at CPU load `u` (0..1, clamped), watts. */
export function powerAt(st: SchedulerState, h: number, u: number): number {
  const x = Math.min(1, Math.max(0, u)) * 10
  const i = Math.min(9, Math.floor(x))
  const a = st.powerW[h * 11 + i] ?? 0
  const b = st.powerW[h * 11 + i + 1] ?? 0
  return a + (b - a) * (x - i)
}

/** Watts added by one instance of `w` on host `h`. */
export function addedWatts(st: SchedulerState, w: number, h: number): number {
  const total = st.cap[h]?.totalMips ?? 0
  if (total <= 0) return 0
  const used = st.usedMips[h] ?? 0
  const after = powerAt(st, h, (used + demandOn(st, w, h).mips) / total)
  const empty = (st.usedInstances[h] ?? 0) === 0
  return after - (empty && st.switchOffIdle ? 0 : powerAt(st, h, used / total))
}

export const powerWeigher: SchedulerWeigher = {
  name: 'power',
  score: (st, w, h) => Math.min(1, Math.max(0, 1 - addedWatts(st, w, h) / st.maxPeakW)),
}
