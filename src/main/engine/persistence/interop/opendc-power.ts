/** OpenDC power models <-> Strata's 11-point power curves (watts at 0 %, 10 %, ..., 100 % load). */

/** OpenDC model types Strata can represent exactly as a curve. */
export const POWER_SHAPES = {
  linear: (u: number) => u,
  sqrt: (u: number) => Math.sqrt(u),
  square: (u: number) => u * u,
  cubic: (u: number) => u * u * u,
} as const
export type PowerShape = keyof typeof POWER_SHAPES

const round = (w: number): number => Math.round(w * 1000) / 1000

/** The curve of a model with the given shape between idle and max watts. */
export function curveOf(shape: PowerShape, idleW: number, maxW: number): number[] {
  return Array.from({ length: 11 }, (_, k) =>
    round(idleW + (maxW - idleW) * POWER_SHAPES[shape](k / 10)),
  )
}

/** The OpenDC shape that reproduces `curve` within half a watt, if any. */
export function shapeOf(curve: readonly number[]): PowerShape | undefined {
  const idle = curve[0] ?? 0
  const max = curve[10] ?? 0
  for (const shape of Object.keys(POWER_SHAPES) as PowerShape[]) {
    const fit = curveOf(shape, idle, max)
    if (fit.every((w, k) => Math.abs(w - (curve[k] ?? 0)) <= 0.5)) return shape
  }
  return undefined
}
