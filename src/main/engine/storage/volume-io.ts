/**
 * The I/O one instance issues at a time: its workload's `storageDemand` peak times the
 * fraction its profile gives (a synthetic profile, trace samples, or, with neither, the
 * instance's CPU demand). Samples are held over their interval (the general model's step
 * function); the bursty profile bursts in 10 % of samples, drawn from the run's seed.
 */
import type { StorageDemand } from '../../../shared/design/storage-demand'

const CPU = 0
const CONSTANT = 1
const DIURNAL = 2
const BURSTY = 3
const TRACE = 4

/** A workload's I/O description, ready for per-step evaluation. */
export interface VolumeIo {
  peakIops: number
  peakMBps: number
  readFraction: number
  kind: number
  meanFraction: number
  amplitudeFraction: number
  intervalS: number
  samples?: Float64Array
}

/** Compiles a workload's storage demand; `stepS` is the interval of synthetic profiles. */
export function compileVolumeIo(d: StorageDemand, stepS: number): VolumeIo {
  const base = {
    peakIops: d.peakIops,
    peakMBps: d.peakThroughputMBps,
    readFraction: d.readPercent / 100,
    meanFraction: 0,
    amplitudeFraction: 0,
    intervalS: stepS,
  }
  if (d.trace)
    return {
      ...base,
      kind: TRACE,
      intervalS: d.trace.intervalS,
      samples: Float64Array.from(d.trace.percent, (x) => x / 100),
    }
  if (d.profile) {
    const kind =
      d.profile.profile === 'constant'
        ? CONSTANT
        : d.profile.profile === 'diurnal'
          ? DIURNAL
          : BURSTY
    return {
      ...base,
      kind,
      meanFraction: d.profile.meanPercent / 100,
      amplitudeFraction: d.profile.amplitudePercent / 100,
    }
  }
  return { ...base, kind: CPU }
}

function hash(seed: number, v: number, k: number): number {
  let h = Math.imul(seed ^ 0x51ed270b, 0x85ebca6b) ^ Math.imul(v + 0x6c8e9cf5, 0xc2b2ae35)
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ Math.imul(k + 0x3c6ef372, 0x165667b1)
  h = Math.imul(h ^ (h >>> 13), 0x85ebca6b)
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x
}

/**
 * Fraction (0..1) of its peak that instance `v` issues at `tS`; `cpuFraction` is the
 * instance's CPU demand fraction now (used when the workload follows its CPU).
 */
export function ioFraction(
  io: VolumeIo,
  v: number,
  tS: number,
  seed: number,
  cpuFraction: number,
): number {
  const k = Math.floor(tS / io.intervalS)
  switch (io.kind) {
    case CPU:
      return clamp01(cpuFraction)
    case CONSTANT:
      return io.meanFraction
    case DIURNAL: {
      const t = k * io.intervalS
      const phase = (2 * Math.PI * (t % 86_400)) / 86_400 - Math.PI / 2
      return clamp01(io.meanFraction + io.amplitudeFraction * Math.sin(phase))
    }
    case BURSTY:
      return clamp01(io.meanFraction + (hash(seed, v, k) < 0.1 ? io.amplitudeFraction : 0))
    default: {
      const xs = io.samples as Float64Array
      return xs[k % xs.length] as number
    }
  }
}
