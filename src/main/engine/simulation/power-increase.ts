/**
 * The quantity power-aware best fit (PABFD) minimises: how much a host's power rises (watts)
 * when an instance's requested MIPS are added to it, and a lower bound of it per host class
 * and utilization sub-band (hundredths) that lets `pabfd.ts` skip whole groups of hosts.
 *
 * - CloudSim-compatible runs compute it exactly as CloudSim 3.0.3 does,
 *   `powerAt(uAfter) - powerNow`, floating-point noise included: two hosts whose increases are
 *   equal in exact arithmetic may differ in the last bits, and CloudSim's choice follows
 *   those bits, so Strata's does too.
 * - Strata's own runs compute the same quantity in a canonical form, offset + increment,
 *   where the increment inside one band of the 11-point curve is `slope x q`
 *   (q = requested MIPS / host MIPS). Hosts of one class whose load equals their measured
 *   utilization and that stay inside their band then get bit-identical increases, so ties
 *   really are ties and go to the first host in design order.
 *
 * Sources: CloudSim 3.0.3 `PowerVmAllocationPolicyMigrationAbstract#findHostForVm`;
 * Beloglazov & Buyya, "Optimal online deterministic algorithms and adaptive heuristics for
 * energy and performance efficient dynamic consolidation of virtual machines in cloud data
 * centers" (CCPE 2012), section 6.2 (PABFD).
 */
import { hostUtil } from './host-cpu'
import { powerAt } from './power'
import type { SimState } from './state'

/** Per-class slope tables of one run (slopes in watts per unit of utilization). */
export interface CurveTables {
  /** slopes[c * 10 + k]: power slope of class c in band k (k/10 .. (k+1)/10). */
  slopes: Float64Array
  /** lowest[(c * 10 + k) * 11 + w]: least slope of class c over bands k .. min(9, k + w). */
  lowest: Float64Array
  /** Total MIPS of each class. */
  classMips: Float64Array
  /** A host of each class (its curve, MIPS and idle power stand for the class). */
  representative: Int32Array
}

const tables = new WeakMap<SimState, CurveTables>()

/** The slope tables of `s` (built once per run). */
export function curveTables(s: SimState): CurveTables {
  const hit = tables.get(s)
  if (hit) return hit
  const C = s.classCount
  const slopes = new Float64Array(C * 10)
  const lowest = new Float64Array(C * 110)
  const classMips = new Float64Array(C)
  const representative = new Int32Array(C).fill(-1)
  for (let h = 0; h < s.hostCount; h++) {
    const c = s.hostClass[h] as number
    if (representative[c] !== -1) continue
    representative[c] = h
    classMips[c] = s.hostTotalMips[h] as number
    for (let k = 0; k < 10; k++)
      slopes[c * 10 + k] =
        ((s.curves[h * 11 + k + 1] as number) - (s.curves[h * 11 + k] as number)) * 10
    for (let k = 0; k < 10; k++) {
      let low = Number.POSITIVE_INFINITY
      for (let w = 0; w <= 10; w++) {
        if (k + w <= 9) low = Math.min(low, slopes[c * 10 + k + w] as number)
        lowest[(c * 10 + k) * 11 + w] = low
      }
    }
  }
  const out = { slopes, lowest, classMips, representative }
  tables.set(s, out)
  return out
}

/** Band of utilization `x` (0..9; 1 and above count as band 9). */
export function bandOf(x: number): number {
  if (x >= 1) return 9
  if (x <= 0) return 0
  return Math.floor(x * 10)
}

/** Sub-band of utilization `x`: hundredths, 0..99 (1 and above count as 99). */
export function subBandOf(x: number): number {
  if (x >= 1) return 99
  if (x <= 0) return 0
  return Math.min(99, Math.floor(x * 100))
}

/**
 * Least slope of class `c` that an increment of `q` can meet from anywhere in sub-band `j`
 * (the bands from j's own up to the one holding (j + 1) / 100 + q).
 */
export function floorSlope(t: CurveTables, c: number, j: number, q: number): number {
  const b = Math.floor(j / 10)
  const top = (j + 1) / 100 + q
  const last = top >= 1 ? 9 : Math.max(b, Math.floor(top * 10))
  return t.lowest[(c * 10 + b) * 11 + (last - b)] as number
}

/** Canonical power increment of class `c` from utilization `x` by `q` (both fractions). */
export function increment(t: CurveTables, c: number, x: number, q: number): number {
  let k = bandOf(x)
  const end = (k + 1) / 10
  if (k === 9 || x + q <= end) return (t.slopes[c * 10 + k] as number) * q
  let sum = (t.slopes[c * 10 + k] as number) * (end - x)
  let rest = x + q - end
  k++
  while (rest > 0) {
    const seg = k >= 9 ? rest : Math.min(rest, 0.1)
    sum += (t.slopes[c * 10 + Math.min(k, 9)] as number) * seg
    rest -= seg
    k++
  }
  return sum
}

/**
 * Least canonical increment by `q` from anywhere in sub-band `j` of class `c`: the increment
 * is piecewise linear in the starting point, so its least value lies at an end of the
 * sub-band or where the end point `x + q` crosses a band edge.
 */
export function leastIncrement(t: CurveTables, c: number, j: number, q: number): number {
  return leastIncrementOver(t, c, j / 100, (j + 1) / 100, q)
}

/**
 * Least canonical increment by `q` from anywhere in `[from, to]`, a range inside one
 * sub-band (so the start stays in one band and `x + q` crosses at most one band edge).
 */
export function leastIncrementOver(
  t: CurveTables,
  c: number,
  from: number,
  to: number,
  q: number,
): number {
  let least = increment(t, c, from, q)
  const atEnd = increment(t, c, to, q)
  if (atEnd < least) least = atEnd
  const edge = Math.ceil((from + q) * 10) / 10 - q
  if (edge > from && edge < to) {
    const atEdge = increment(t, c, edge, q)
    if (atEdge < least) least = atEdge
  }
  return least
}

/**
 * Power at load `loadMips` minus power now (`powerNow`, from the measured utilization):
 * the part of the increase that does not depend on the instance. Zero when the load is the
 * measured utilization. Requires `loadMips <= ` the host's MIPS.
 */
export function offsetOf(
  s: SimState,
  t: CurveTables,
  h: number,
  loadMips: number,
  powerNow: number,
): number {
  const total = s.hostTotalMips[h] as number
  if (s.compat) return powerAt(s.curves, h * 11, loadMips / total) - powerNow
  if (loadMips === s.hostUtilMips[h]) return 0
  const c = s.hostClass[h] as number
  const x = loadMips / total
  const u = hostUtil(s, h)
  return x >= u ? increment(t, c, u, x - u) : -increment(t, c, x, u - x)
}

/** Power increase of an idle host of class `c` (load 0, measured 0) by `requestMips`. */
export function idleIncrease(s: SimState, t: CurveTables, c: number, requestMips: number): number {
  const rep = t.representative[c] as number
  const q = requestMips / (t.classMips[c] as number)
  const idle = s.curves[rep * 11] as number
  if (s.compat) return powerAt(s.curves, rep * 11, requestMips / (t.classMips[c] as number)) - idle
  const inc = increment(t, c, 0, q)
  const floor = leastIncrement(t, c, 0, q)
  return 0 + (inc > floor ? inc : floor)
}

/**
 * Power increase of host `h` (load `loadMips`, power now `powerNow`) when `requestMips` are
 * added. The caller has checked that the host stays within 100 %.
 */
export function powerIncrease(
  s: SimState,
  t: CurveTables,
  h: number,
  loadMips: number,
  requestMips: number,
  powerNow: number,
): number {
  const total = s.hostTotalMips[h] as number
  if (s.compat) return powerAt(s.curves, h * 11, (loadMips + requestMips) / total) - powerNow
  const c = s.hostClass[h] as number
  const x = loadMips / total
  const q = requestMips / total
  const floor = leastIncrement(t, c, subBandOf(x), q)
  const inc = increment(t, c, x, q)
  return offsetOf(s, t, h, loadMips, powerNow) + (inc > floor ? inc : floor)
}
