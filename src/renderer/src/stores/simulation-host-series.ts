/**
 * Per-host series fetched on demand (issue 19): a run too large to ship every host's series
 * in its result keeps them in main; the canvas names the hosts it shows and this asks main for
 * the ones it does not have yet (`simulation:host-series`, `CHUNK` hosts a call, one call at a
 * time), publishing the map once the hosts asked for are all in.
 */
import { api } from '../api'

/** What the canvas needs of one host's series: one value per sample. */
export interface OnDemandSeries {
  /** Allocated CPU / capacity, fraction 0..1. */
  utilization: number[]
  /** Instances resident on the host. */
  instances: number[]
}

/** Hosts per call: one answer stays a small message (200 hosts × 289 samples × 5 series). */
export const CHUNK = 200

/** Most hosts kept (the canvas keeps at most 1,200 created hosts; a margin for panning). */
export const MAX_KEPT = 5000

export class HostSeriesOnDemand {
  private runId: string | undefined
  private series = new Map<string, OnDemandSeries>()
  private readonly queued = new Set<string>()
  private busy = false

  constructor(private readonly publish: (series: ReadonlyMap<string, OnDemandSeries>) => void) {}

  /** Starts over for run `runId` (undefined: the run needs no fetching). */
  reset(runId: string | undefined): void {
    this.runId = runId
    this.series = new Map()
    this.queued.clear()
    this.publish(this.series)
  }

  /** Queues the hosts of `hostIds` not fetched yet. */
  want(hostIds: ReadonlyArray<string>): void {
    if (this.runId === undefined) return
    for (const id of hostIds) if (!this.series.has(id)) this.queued.add(id)
    if (!this.busy) void this.drain()
  }

  private async drain(): Promise<void> {
    this.busy = true
    try {
      while (this.runId !== undefined && this.queued.size > 0) {
        const runId = this.runId
        const hostIds = [...this.queued].slice(0, CHUNK)
        for (const id of hostIds) this.queued.delete(id)
        const r = await api.call('simulation:host-series', { runId, hostIds })
        if (this.runId !== runId) continue
        if (!r.ok) {
          // the run's series are gone (pushed out by newer runs): its racks' means stay
          this.runId = undefined
          this.queued.clear()
          return
        }
        const next = new Map(this.series)
        if (next.size + r.value.hosts.length > MAX_KEPT) next.clear()
        for (const h of r.value.hosts)
          next.set(h.hostId, { utilization: h.utilization, instances: h.instances })
        this.series = next
      }
    } finally {
      this.busy = false
      // one publication per batch: each repaints the frame of every host once
      if (this.runId !== undefined) this.publish(this.series)
    }
  }
}
