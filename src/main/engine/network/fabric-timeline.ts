/**
 * When fabric elements (switches, links, external uplinks) fail and come back, from the
 * design's settings: with failure mode `schedule`, `fabric.failureSchedule`; with `mtbf`,
 * exponential draws from each element's `mtbfHours` / `mttrHours` (default 1 h), from its own
 * stream of the seeded random source (`fabric:<id>`), as hosts' failures are drawn.
 */
import { DEFAULT_MTTR_HOURS } from '../../../shared/design/defaults'
import type { Design } from '../../../shared/design/schema'
import type { Random } from '../random'

interface Outage {
  elementId: string
  atS: number
  repairS: number
}

/** The fabric's outages in time order, handed out as the run reaches them. */
export class FabricTimeline {
  private readonly outages: Outage[] = []
  /** Changes `[elementId, down]` at a time, in time order. */
  private readonly changes: Array<{ tS: number; id: string; down: boolean }> = []
  private next = 0

  constructor(design: Design, random?: Random) {
    const mode = design.simulation.failures.mode
    if (mode === 'schedule')
      for (const f of design.fabric?.failureSchedule ?? [])
        this.outages.push({ elementId: f.elementId, atS: f.atS, repairS: f.repairS })
    else if (mode === 'mtbf' && random) {
      const elements = [
        ...design.switches,
        ...design.links,
        ...(design.fabric?.externalUplinks ?? []),
      ]
      for (const e of elements) {
        if (e.mtbfHours === undefined) continue
        const r = random.split(`fabric:${e.id}`)
        let t = 0
        for (;;) {
          t += r.exponential(e.mtbfHours * 3600)
          if (t >= design.simulation.horizonS) break
          const repair = Math.max(1, r.exponential((e.mttrHours ?? DEFAULT_MTTR_HOURS) * 3600))
          this.outages.push({ elementId: e.id, atS: Math.round(t), repairS: Math.round(repair) })
          t += repair
        }
      }
    }
    this.outages.sort((a, b) => a.atS - b.atS || (a.elementId < b.elementId ? -1 : 1))
    for (const o of this.outages) {
      this.changes.push({ tS: o.atS, id: o.elementId, down: true })
      this.changes.push({ tS: o.atS + o.repairS, id: o.elementId, down: false })
    }
    this.changes.sort((a, b) => a.tS - b.tS)
  }

  /** The changes due at or before `tS` not handed out yet, in time order. */
  changesUpTo(tS: number): Array<[string, boolean]> {
    const out: Array<[string, boolean]> = []
    while (this.next < this.changes.length && (this.changes[this.next]?.tS as number) <= tS) {
      const c = this.changes[this.next++] as { id: string; down: boolean }
      out.push([c.id, c.down])
    }
    return out
  }

  /** The outages that started before `endS`, with their repair time when it came before it. */
  records(endS: number): Array<{ elementId: string; atS: number; repairedAtS?: number }> {
    return this.outages
      .filter((o) => o.atS < endS)
      .map((o) =>
        o.atS + o.repairS <= endS
          ? { elementId: o.elementId, atS: o.atS, repairedAtS: o.atS + o.repairS }
          : { elementId: o.elementId, atS: o.atS },
      )
  }
}
