/**
 * Storage system outages of a run, like host failures: listed in each system's
 * `failureSchedule` (failure mode `schedule`) or drawn from its MTBF/MTTR with the seed
 * (mode `mtbf`; exponential times between failures and to repair, each system its own stream).
 */
import { DEFAULT_MTTR_HOURS } from '../../../shared/design/defaults'
import type { Design } from '../../../shared/design/schema'
import type { Random } from '../random'

/** `[systemIndex, atS, repairS]`, time-ordered (ties by system order). */
export function plannedStorageFailures(
  design: Design,
  random: Random,
): Array<[number, number, number]> {
  const mode = design.simulation.failures.mode
  const horizonS = design.simulation.horizonS
  const out: Array<[number, number, number]> = []
  design.storage.forEach((s, i) => {
    if (mode === 'schedule')
      for (const f of s.failureSchedule ?? []) out.push([i, f.atS, f.repairS])
    if (mode !== 'mtbf' || s.mtbfHours === undefined) return
    const r = random.split(`storage-failure:${s.id}`)
    let t = 0
    for (;;) {
      t += r.exponential(s.mtbfHours * 3600)
      if (t >= horizonS) break
      const repair = Math.max(1, r.exponential((s.mttrHours ?? DEFAULT_MTTR_HOURS) * 3600))
      out.push([i, Math.round(t), Math.round(repair)])
      t += repair
    }
  })
  out.sort((a, b) => a[1] - b[1] || a[0] - b[0])
  return out
}
