/**
 * The classes of the PABFD index (hosts of one power-curve class that accept the same guests)
 * and its memory budget.
 */
import { requestedTotal } from './host-cpu'
import type { HostEntries, SimState } from './state'

/** Group-words (groups x 32-host words) beyond which the index would cost too much memory. */
const MAX_GROUP_WORDS = 2_000_000
/**
 * Groups per class: 100 utilization sub-bands (hundredths) of hosts whose load is their
 * measured utilization (offset 0), the same 100 for hosts whose load has moved (tentative
 * placements: positive offsets), and the idle hosts.
 */
export const MOVED = 100
export const IDLE = 200
export const BANDS = 201
/** Tiers per class: the 10 bands (10 sub-bands each) and the idle hosts. */
export const TIERS = 11
export const IDLE_TIER = 10
/** Tier (class and band, or the class's idle hosts) of group `g`. */
export function tierOf(g: number): number {
  const c = (g / BANDS) | 0
  const j = g - c * BANDS
  return c * TIERS + (j === IDLE ? IDLE_TIER : Math.floor((j % MOVED) / 10))
}

/** Index classes: one per (curve class, guest class) pair met, in design order. */
export function indexClasses(s: SimState): {
  classOf: Int32Array
  curveClass: number[]
  rep: number[]
} {
  const keys = new Map<number, number>()
  const classOf = new Int32Array(s.hostCount)
  const curveClass: number[] = []
  const rep: number[] = []
  for (let h = 0; h < s.hostCount; h++) {
    const key = (s.hostClass[h] as number) * 65_536 + (s.rules?.guestClass[h] ?? 0)
    let k = keys.get(key)
    if (k === undefined) {
      keys.set(key, (k = keys.size))
      curveClass.push(s.hostClass[h] as number)
      rep.push(h)
    }
    classOf[h] = k
  }
  return { classOf, curveClass, rep }
}

/** Whether an index of `s` stays within its memory budget (else PABFD scans). */
export function indexable(s: SimState): boolean {
  const words = Math.ceil(s.hostCount / 32)
  return indexClasses(s).rep.length * BANDS * words <= MAX_GROUP_WORDS
}

/** Requested MIPS of everything on `h` (what the static-threshold detector sums). */
export function requestedOn(s: SimState, h: number): number {
  const e = s.entries[h] as HostEntries
  let sum = 0
  for (let i = 0; i < e.vm.length; i++) sum += requestedTotal(s, e.vm[i] as number)
  return sum
}
