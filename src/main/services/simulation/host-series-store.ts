/**
 * Per-host series of finished runs, kept compactly in main: one `Float64Array` per series kind
 * (utilization, power, instances, memory in use, memory pressure), host-major, so a 10,000-host
 * day of 5-minute steps (289 samples) takes 10,000 × 289 × 5 × 8 B = 115.6 MB instead of a
 * 100 MB JSON on the way to the window. The window asks for the hosts it shows
 * (`simulation:host-series`), at most `MAX_HOST_SERIES_PER_CALL` per call.
 */
import type { HostSeries } from '../../../shared/contract/calls/simulation'

/** Series kinds kept per host and sample. */
export const HOST_SERIES_KINDS = [
  'utilization',
  'powerW',
  'instances',
  'memoryInUseMiB',
  'memoryPressureMiB',
] as const
export type HostSeriesKind = (typeof HOST_SERIES_KINDS)[number]

/** Bytes one host-sample takes: five float64 values. */
export const BYTES_PER_HOST_SAMPLE = HOST_SERIES_KINDS.length * 8

/**
 * Memory all kept runs' per-host series may take together, bytes (256 MiB): a run whose own
 * series would not fit keeps per-rack series only; a newer run's series push out the oldest.
 */
export const HOST_SERIES_MEMORY_BUDGET_BYTES = 256 * 2 ** 20

/** Hosts one `simulation:host-series` call may ask for. */
export const MAX_HOST_SERIES_PER_CALL = 500

/** A run's per-host series, packed (what the worker sends; its buffers are transferred). */
export interface PackedHostSeries {
  hostIds: string[]
  samples: number
  /** `HOST_SERIES_KINDS` order; value of host h at sample i is at `h * samples + i`. */
  values: Record<HostSeriesKind, Float64Array>
  /** Kinds absent from every host (results without memory series). */
  absent: HostSeriesKind[]
}

/** Bytes `hosts` hosts over `samples` samples take packed. */
export function packedBytes(hosts: number, samples: number): number {
  return hosts * samples * BYTES_PER_HOST_SAMPLE
}

/** Packs the engine's per-host series (all of one length, `samples`). */
export function packHostSeries(
  hosts: ReadonlyArray<HostSeries>,
  samples: number,
): PackedHostSeries {
  const n = hosts.length * samples
  const values = Object.fromEntries(
    HOST_SERIES_KINDS.map((k) => [k, new Float64Array(n)]),
  ) as Record<HostSeriesKind, Float64Array>
  const present = new Set<HostSeriesKind>()
  hosts.forEach((h, i) => {
    for (const kind of HOST_SERIES_KINDS) {
      const series = h[kind]
      if (!series) continue
      present.add(kind)
      values[kind].set(series.slice(0, samples), i * samples)
    }
  })
  return {
    hostIds: hosts.map((h) => h.hostId),
    samples,
    values,
    absent: HOST_SERIES_KINDS.filter((k) => !present.has(k)),
  }
}

/** The buffers of `packed`, for a worker's transfer list. */
export function packedBuffers(packed: PackedHostSeries): ArrayBuffer[] {
  return HOST_SERIES_KINDS.map((k) => packed.values[k].buffer as ArrayBuffer)
}

/** Reads hosts' series back out of a packed run. */
export class HostSeriesTable {
  private readonly index: Map<string, number>

  constructor(readonly packed: PackedHostSeries) {
    this.index = new Map(packed.hostIds.map((id, i) => [id, i]))
  }

  get hostCount(): number {
    return this.packed.hostIds.length
  }

  get bytes(): number {
    return packedBytes(this.hostCount, this.packed.samples)
  }

  has(hostId: string): boolean {
    return this.index.has(hostId)
  }

  /** One host's series as the engine gave them; undefined for a host the run did not have. */
  series(hostId: string): HostSeries | undefined {
    const h = this.index.get(hostId)
    if (h === undefined) return undefined
    const { samples, values, absent } = this.packed
    const read = (kind: HostSeriesKind): number[] =>
      Array.from(values[kind].subarray(h * samples, (h + 1) * samples))
    const out: HostSeries = {
      hostId,
      utilization: read('utilization'),
      powerW: read('powerW'),
      instances: read('instances'),
    }
    if (!absent.includes('memoryInUseMiB')) out.memoryInUseMiB = read('memoryInUseMiB')
    if (!absent.includes('memoryPressureMiB')) out.memoryPressureMiB = read('memoryPressureMiB')
    return out
  }

  /** Every host's series, in the run's order. */
  all(): HostSeries[] {
    return this.packed.hostIds.map((id) => this.series(id) as HostSeries)
  }
}
