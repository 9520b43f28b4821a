/**
 * OpenDC power models <-> Strata's 11-point power curves (watts at 0 %, 10 %, ..., 100 % load;
 * Strata interpolates linearly between the points).
 *
 * The models and their formulas are those of OpenDC's `PowerModels` / `getPowerModel`
 * (opendc-simulator-compute, commit 691036d), with u the CPU utilisation in 0..1:
 * - `constant`: `power`;
 * - `linear`, `sqrt`, `square`, `cubic`: idle + (max - idle) * f(u), f = u, sqrt u, u^2, u^3;
 * - `mse`: idle + (max - idle) * (2u - u^calibrationFactor);
 * - `asymptotic`: idle + (max - idle) / 2 * (1 + u^3 - e^(-u^3 / asymUtil)) with DVFS, or
 *   idle + (max - idle) / 2 * (1 + u - e^(-u / asymUtil)) without.
 */

/** One OpenDC CPU power model with its parameters (watts, ratios). */
export type OpenDcPowerModel =
  | { type: 'constant'; powerW: number }
  | { type: PowerShape; idleW: number; maxW: number }
  | { type: 'mse'; idleW: number; maxW: number; calibrationFactor: number }
  | { type: 'asymptotic'; idleW: number; maxW: number; asymUtil: number; dvfs: boolean }

/** OpenDC model types given by idle and max power alone, with their shape f(u). */
export const POWER_SHAPES = {
  linear: (u: number) => u,
  sqrt: (u: number) => Math.sqrt(u),
  square: (u: number) => u * u,
  cubic: (u: number) => u * u * u,
} as const
export type PowerShape = keyof typeof POWER_SHAPES

/** Every model type OpenDC's `getPowerModel` defines. */
export const OPENDC_MODEL_TYPES = [
  'constant',
  'linear',
  'sqrt',
  'square',
  'cubic',
  'mse',
  'asymptotic',
] as const

/** The model's power in watts at utilisation `u` (0..1), by OpenDC's formula. */
export function modelPowerW(m: OpenDcPowerModel, u: number): number {
  if (m.type === 'constant') return m.powerW
  const span = m.maxW - m.idleW
  if (m.type === 'mse') return m.idleW + span * (2 * u - u ** m.calibrationFactor)
  if (m.type === 'asymptotic') {
    const x = m.dvfs ? u ** 3 : u
    return m.idleW + (span / 2) * (1 + x - Math.exp(-x / m.asymUtil))
  }
  return m.idleW + span * POWER_SHAPES[m.type](Math.max(0, Math.min(1, u)))
}

const round = (w: number): number => Math.round(w * 1000) / 1000

/** The model sampled at 0 %, 10 %, ..., 100 % load (watts, to the milliwatt). */
export function sampleCurve(m: OpenDcPowerModel): number[] {
  return Array.from({ length: 11 }, (_, k) => round(modelPowerW(m, k / 10)))
}

/** The largest gap (W) between the model and Strata's linear interpolation of its 11 samples. */
export function interpolationErrorW(m: OpenDcPowerModel): number {
  const curve = sampleCurve(m)
  let worst = 0
  for (let i = 0; i <= 1000; i++) {
    const u = i / 1000
    const k = Math.min(9, Math.floor(u * 10))
    const t = u * 10 - k
    const strata = (curve[k] ?? 0) * (1 - t) + (curve[k + 1] ?? 0) * t
    worst = Math.max(worst, Math.abs(strata - modelPowerW(m, u)))
  }
  return worst
}

/** The curve of a model with the given shape between idle and max watts. */
export function curveOf(shape: PowerShape, idleW: number, maxW: number): number[] {
  return sampleCurve({ type: shape, idleW, maxW })
}

/** The OpenDC shape that reproduces `curve` best, if it does so within half a watt at every point. */
export function shapeOf(curve: readonly number[]): PowerShape | undefined {
  const idle = curve[0] ?? 0
  const max = curve[10] ?? 0
  let best: { shape: PowerShape; errorW: number } | undefined
  for (const shape of Object.keys(POWER_SHAPES) as PowerShape[]) {
    const fit = curveOf(shape, idle, max)
    const errorW = Math.max(...fit.map((w, k) => Math.abs(w - (curve[k] ?? 0))))
    if (errorW <= 0.5 && (!best || errorW < best.errorW)) best = { shape, errorW }
  }
  return best?.shape
}
