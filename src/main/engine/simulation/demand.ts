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

/**
 * Fields of an instance's row in `DemandTable.row` (`DEMAND_ROW` values per instance): its
 * demand kind (`DEMAND_*`), trace index (-1: none), mean and amplitude fractions (synthetic
 * profiles), sample interval (s) and memory-trace index (-1: memory fully in use).
 */
export const DEMAND_ROW = 6
const R_KIND = 0
const R_TRACE = 1
const R_MEAN = 2
const R_AMPLITUDE = 3
/** Row field: the instance's sample interval, s. */
export const R_INTERVAL = 4
const R_MEM_TRACE = 5

/**
 * Per-instance demand description: one row of `DEMAND_ROW` values per instance (row v at
 * v × `DEMAND_ROW`), so that a demand lookup reads one instance's figures from one or two
 * cache lines instead of one line from each of six arrays (instances are visited in host
 * order, scattered over the arrays, at every host update).
 */
export interface DemandTable {
  row: Float64Array
  /** Trace samples as fractions, the last sample repeated once (CloudSim's padding). */
  traces: Float64Array[]
  seed: number
  /**
   * General mode (true): the demand is a step function of the samples, sample k holding over
   * [k·interval, (k+1)·interval). CloudSim-compat (false): linear between samples, as CloudSim.
   */
  hold: boolean
  /** Memory traces as fractions of the instance's memory, one per design trace with one. */
  memTraces: Float64Array[]
  /**
   * The sample interval (s) every instance's row holds when they all hold the same one (an
   * instance of no workload holds 0), NaN otherwise or without instances: a host's instances
   * then cross into their next samples together (`datacenter.ts`).
   */
  uniformIntervalS: number
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
  const row = new Float64Array(n * DEMAND_ROW)
  const table: DemandTable = {
    row,
    traces,
    seed,
    hold: !design.simulation.cloudsimCompat,
    memTraces,
    uniformIntervalS: Number.NaN,
  }
  for (let v = 0; v < n; v++) {
    const o = v * DEMAND_ROW
    row[o + R_TRACE] = -1
    row[o + R_MEM_TRACE] = -1
    const w = design.workloads[instanceWorkload[v] as number]
    if (!w) continue
    row[o + R_INTERVAL] = design.simulation.stepS
    if (w.traceId !== undefined && traceIndex.has(w.traceId)) {
      const ti = traceIndex.get(w.traceId) as number
      row[o + R_KIND] = DEMAND_TRACE
      row[o + R_TRACE] = ti
      row[o + R_INTERVAL] = design.traces[ti]?.intervalS ?? design.simulation.stepS
      row[o + R_MEM_TRACE] = memIndex.get(w.traceId) ?? -1
    } else if (w.demand) {
      row[o + R_KIND] =
        w.demand.profile === 'constant'
          ? DEMAND_CONSTANT
          : w.demand.profile === 'diurnal'
            ? DEMAND_DIURNAL
            : DEMAND_BURSTY
      row[o + R_MEAN] = w.demand.meanPercent / 100
      row[o + R_AMPLITUDE] = w.demand.amplitudePercent / 100
    } else {
      row[o + R_KIND] = DEMAND_CONSTANT
      row[o + R_MEAN] = 1
    }
  }
  table.uniformIntervalS = uniformInterval(row, n)
  return table
}

/** The interval all `n` rows hold, NaN when they differ or there are none. */
function uniformInterval(row: Float64Array, n: number): number {
  if (n === 0) return Number.NaN
  const first = row[R_INTERVAL] as number
  for (let v = 1; v < n; v++) if (row[v * DEMAND_ROW + R_INTERVAL] !== first) return Number.NaN
  return first
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
  const o = v * DEMAND_ROW
  const r = d.row
  switch (r[o + R_KIND]) {
    case DEMAND_TRACE: {
      const data = d.traces[r[o + R_TRACE] as number] as Float64Array
      if (k < data.length) return data[k] as number
      return data[k % (data.length - 1)] as number
    }
    case DEMAND_CONSTANT:
      return r[o + R_MEAN] as number
    case DEMAND_DIURNAL: {
      const tS = k * (r[o + R_INTERVAL] as number)
      const phase = (2 * Math.PI * (tS % 86_400)) / 86_400 - Math.PI / 2
      return clamp01((r[o + R_MEAN] as number) + (r[o + R_AMPLITUDE] as number) * Math.sin(phase))
    }
    default: {
      const burst = hash3(d.seed, v, k) < 0.1
      return clamp01((r[o + R_MEAN] as number) + (burst ? (r[o + R_AMPLITUDE] as number) : 0))
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
  const interval = d.row[v * DEMAND_ROW + R_INTERVAL] as number
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
  const o = v * DEMAND_ROW
  const m = d.row[o + R_MEM_TRACE] as number
  if (m < 0) return 1
  const data = d.memTraces[m] as Float64Array
  const k = Math.floor(tS / (d.row[o + R_INTERVAL] as number))
  return data[k < data.length ? k : k % data.length] as number
}
