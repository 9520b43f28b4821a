/**
 * A workload's traffic level over time, as a fraction (0..1) of its declared rates. One value
 * per workload and time (every instance of a workload follows it, so its flows aggregate
 * exactly). Like CPU demand in the general model, a sample holds until the next.
 * - trace: `percent[k]` over [k·interval, (k+1)·interval), the last value held after the end;
 * - constant: mean; diurnal: mean + amplitude · sin(2π t / 1 day − π/2) (lowest at midnight);
 * - bursty: mean, plus amplitude in 10 % of steps drawn from the seed (a hash, no state);
 * - neither: 1 (the declared rates).
 */
import type { WorkloadTraffic } from '../../../shared/design/network-traffic'

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x
}

function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x7f4a7c15, 0x85ebca6b) ^ Math.imul(b + 0x632be59b, 0xc2b2ae35)
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ Math.imul(c + 0x27d4eb2f, 0x165667b1)
  h = Math.imul(h ^ (h >>> 13), 0x85ebca6b)
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296
}

/**
 * The level of `traffic` (of workload number `workload`) at `tS` seconds, 0..1. `stepS` is
 * the run's step (the bursty profile draws once per step), `seed` the run's seed.
 */
export function trafficLevel(
  traffic: WorkloadTraffic,
  workload: number,
  tS: number,
  stepS: number,
  seed: number,
): number {
  if (traffic.trace) {
    const { percent, intervalS } = traffic.trace
    const k = Math.min(percent.length - 1, Math.floor(tS / intervalS))
    return clamp01((percent[k] as number) / 100)
  }
  const p = traffic.profile
  if (!p) return 1
  const mean = p.meanPercent / 100
  const amplitude = p.amplitudePercent / 100
  switch (p.profile) {
    case 'constant':
      return clamp01(mean)
    case 'diurnal':
      return clamp01(
        mean + amplitude * Math.sin((2 * Math.PI * (tS % 86_400)) / 86_400 - Math.PI / 2),
      )
    default:
      return clamp01(mean + (hash3(seed, workload, Math.floor(tS / stepS)) < 0.1 ? amplitude : 0))
  }
}

/**
 * The mean of `trafficLevel` over [0, `periodS`) seconds, 0..1, as an estimate knows it before
 * a run: a trace's time-weighted mean; constant: the mean; diurnal: the curve's mean over the
 * period (midpoint rule, one sample a minute); bursty: its expectation, 0.9 · mean + 0.1 ·
 * (mean + amplitude), each clamped; neither: 1. `periodS` ≤ 0 gives the level at 0.
 */
export function meanTrafficLevel(traffic: WorkloadTraffic, periodS: number): number {
  if (traffic.trace) {
    const { percent, intervalS } = traffic.trace
    if (!(periodS > 0)) return clamp01((percent[0] as number) / 100)
    let sum = 0
    for (let k = 0; k * intervalS < periodS; k++) {
      const from = k * intervalS
      const to = Math.min(periodS, from + intervalS)
      const p = percent[Math.min(percent.length - 1, k)] as number
      sum += clamp01(p / 100) * (to - from)
    }
    return sum / periodS
  }
  const p = traffic.profile
  if (!p) return 1
  const mean = p.meanPercent / 100
  const amplitude = p.amplitudePercent / 100
  if (p.profile === 'constant') return clamp01(mean)
  if (p.profile !== 'diurnal') return 0.9 * clamp01(mean) + 0.1 * clamp01(mean + amplitude)
  if (!(periodS > 0)) return trafficLevel(traffic, 0, 0, 1, 0)
  const n = Math.max(1, Math.ceil(periodS / 60))
  let sum = 0
  for (let i = 0; i < n; i++) sum += trafficLevel(traffic, 0, ((i + 0.5) * periodS) / n, 1, 0)
  return sum / n
}
