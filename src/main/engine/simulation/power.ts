/**
 * Host power from an 11-point curve (watts at 0 %, 10 %, ..., 100 % CPU), linear in between,
 * computed exactly as CloudSim 3.0.3's `PowerModelSpecPower#getPower` (same floating-point
 * operations, so energies agree to the last digit), and the trapezoidal energy of an interval.
 */

/** Power in watts at utilization `u` (0..1) of a curve stored at `offset` in `curves`. */
export function powerAt(curves: Float64Array, offset: number, u: number): number {
  if (u < 0 || u > 1) throw new Error(`utilization ${u} outside [0, 1]`)
  if (u % 0.1 === 0) return curves[offset + Math.trunc(u * 10)] as number
  const u1 = Math.floor(u * 10)
  const u2 = Math.ceil(u * 10)
  const p1 = curves[offset + u1] as number
  const p2 = curves[offset + u2] as number
  const delta = (p2 - p1) / 10
  return p1 + delta * (u - u1 / 10) * 100
}

/**
 * Energy in joules over `durationS` when utilization goes linearly from `fromU` to `toU`
 * (a host at 0 at the start of the interval was off and draws nothing).
 */
export function intervalEnergyJ(
  curves: Float64Array,
  offset: number,
  fromU: number,
  toU: number,
  durationS: number,
): number {
  if (fromU === 0) return 0
  const fromP = powerAt(curves, offset, fromU)
  const toP = powerAt(curves, offset, toU)
  return (fromP + (toP - fromP) / 2) * durationS
}
