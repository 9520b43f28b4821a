/**
 * CPU demand of each instance over time, as a fraction of its capacity (0..1).
 * Samples come from a trace (one value per `intervalS`), a synthetic profile drawn from the
 * seed (constant, diurnal, bursty) or a constant 100 %. Between samples: CloudSim-compat
 * interpolates linearly exactly as CloudSim's `UtilizationModelPlanetLabInMemory` does; the
 * general model holds each sample until the next (a step function, so integrals are exact).
 */
import type { Design } from '../../../shared/design/schema'

export const DEMAND_TRACE = 0
export const DEMAND_CONSTANT = 1
export const DEMAND_DIURNAL = 2
export const DEMAND_BURSTY = 3

/** Per-instance demand description, struct-of-arrays. */
export interface DemandTable {
  kind: Uint8Array
  /** Index into `traces` for trace demand. */
  trace: Int32Array
  meanFraction: Float64Array
  amplitudeFraction: Float64Array
  intervalS: Float64Array
  /** Trace samples as fractions, the last sample repeated once (CloudSim's padding). */
  traces: Float64Array[]
  seed: number
  /**
   * General mode (true): the demand is a step function of the samples, sample k holding over
   * [k·interval, (k+1)·interval). CloudSim-compat (false): linear between samples, as CloudSim.
   */
  hold: boolean
  /** Per instance: index into `memTraces` of its memory trace, or -1 (memory fully in use). */
  memTrace: Int32Array
  /** Memory traces as fractions of the instance's memory, one per design trace with one. */
  memTraces: Float64Array[]
}

/** Builds the demand table of the instances of `design` (instances in workload order). */
export function buildDemand(
  design: Design,
  instanceWorkload: Int32Array,
  seed: number,
): DemandTable {
  const n = instanceWorkload.length
  const traceIndex = new Map<string, number>()
  const traces: Float64Array[] = []
  const memIndex = new Map<string, number>()
  const memTraces: Float64Array[] = []
  for (const t of design.traces) {
    if (t.memoryPercent && t.memoryPercent.length > 0) {
      memIndex.set(t.id, memTraces.length)
      memTraces.push(Float64Array.from(t.memoryPercent, (x) => x / 100))
    }
    const data = new Float64Array(t.cpuPercent.length + 1)
    for (let i = 0; i < t.cpuPercent.length; i++) data[i] = (t.cpuPercent[i] as number) / 100
    data[t.cpuPercent.length] = data[t.cpuPercent.length - 1] as number
    traceIndex.set(t.id, traces.length)
    traces.push(data)
  }
  const table: DemandTable = {
    kind: new Uint8Array(n),
    trace: new Int32Array(n).fill(-1),
    meanFraction: new Float64Array(n),
    amplitudeFraction: new Float64Array(n),
    intervalS: new Float64Array(n),
    traces,
    seed,
    hold: !design.simulation.cloudsimCompat,
    memTrace: new Int32Array(n).fill(-1),
    memTraces,
  }
  for (let v = 0; v < n; v++) {
    const w = design.workloads[instanceWorkload[v] as number]
    if (!w) continue
    table.intervalS[v] = design.simulation.stepS
    if (w.traceId !== undefined && traceIndex.has(w.traceId)) {
      const ti = traceIndex.get(w.traceId) as number
      table.kind[v] = DEMAND_TRACE
      table.trace[v] = ti
      table.intervalS[v] = design.traces[ti]?.intervalS ?? design.simulation.stepS
      table.memTrace[v] = memIndex.get(w.traceId) ?? -1
    } else if (w.demand) {
      table.kind[v] =
        w.demand.profile === 'constant'
          ? DEMAND_CONSTANT
          : w.demand.profile === 'diurnal'
            ? DEMAND_DIURNAL
            : DEMAND_BURSTY
      table.meanFraction[v] = w.demand.meanPercent / 100
      table.amplitudeFraction[v] = w.demand.amplitudePercent / 100
    } else {
      table.kind[v] = DEMAND_CONSTANT
      table.meanFraction[v] = 1
    }
  }
  return table
}

function hash3(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be59b, 0xc2b2ae35)
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ Math.imul(c + 0x27d4eb2f, 0x165667b1)
  h = Math.imul(h ^ (h >>> 13), 0x85ebca6b)
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x
}

/** Sample `k` (at time k x interval) of instance `v`, fraction 0..1. */
export function sampleAt(d: DemandTable, v: number, k: number): number {
  switch (d.kind[v]) {
    case DEMAND_TRACE: {
      const data = d.traces[d.trace[v] as number] as Float64Array
      if (k < data.length) return data[k] as number
      return data[k % (data.length - 1)] as number
    }
    case DEMAND_CONSTANT:
      return d.meanFraction[v] as number
    case DEMAND_DIURNAL: {
      const tS = k * (d.intervalS[v] as number)
      const phase = (2 * Math.PI * (tS % 86_400)) / 86_400 - Math.PI / 2
      return clamp01(
        (d.meanFraction[v] as number) + (d.amplitudeFraction[v] as number) * Math.sin(phase),
      )
    }
    default: {
      const burst = hash3(d.seed, v, k) < 0.1
      return clamp01(
        (d.meanFraction[v] as number) + (burst ? (d.amplitudeFraction[v] as number) : 0),
      )
    }
  }
}

/** Per-instant interpolation constants, shared by every instance with the same interval. */
const memo = {
  tS: Number.NaN,
  interval: Number.NaN,
  exact: false,
  k1: 0,
  k2: 0,
  span: 0,
  offset: 0,
}

/** Demand of instance `v` at time `tS` (seconds, may be fractional), fraction 0..1. */
export function demandAt(d: DemandTable, v: number, tS: number): number {
  const interval = d.intervalS[v] as number
  if (d.hold) return sampleAt(d, v, Math.floor(tS / interval))
  if (memo.tS !== tS || memo.interval !== interval) {
    memo.tS = tS
    memo.interval = interval
    memo.exact = tS % interval === 0
    memo.k1 = memo.exact ? Math.trunc(tS) / interval : Math.floor(tS / interval)
    memo.k2 = Math.ceil(tS / interval)
    memo.span = (memo.k2 - memo.k1) * interval
    memo.offset = tS - memo.k1 * interval
  }
  if (memo.exact) return sampleAt(d, v, memo.k1)
  const u1 = sampleAt(d, v, memo.k1)
  const u2 = sampleAt(d, v, memo.k2)
  const delta = (u2 - u1) / memo.span
  return u1 + delta * memo.offset
}

/**
 * Memory in use by instance `v` at `tS`, as a fraction of its memory: its memory trace's
 * sample in force (held, wrapping like the CPU trace), or 1 when it has no memory trace.
 */
export function memoryAt(d: DemandTable, v: number, tS: number): number {
  const m = d.memTrace[v] as number
  if (m < 0) return 1
  const data = d.memTraces[m] as Float64Array
  const k = Math.floor(tS / (d.intervalS[v] as number))
  return data[k < data.length ? k : k % data.length] as number
}
