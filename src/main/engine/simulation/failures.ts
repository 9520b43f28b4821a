/**
 * Host failures and repairs, and what happens to the instances of a failed host: incoming
 * migrations to it are cancelled, outgoing ones too, and every instance on it goes down and
 * restarts elsewhere after its virtualization kind's start time (or waits for capacity and is
 * retried at every scheduling instant). Downtime runs from the failure to the restart.
 */
import type { FailureRecord } from '../../../shared/domain/simulation-result'
import { DEFAULT_MTTR_HOURS } from '../../../shared/design/defaults'
import type { Design } from '../../../shared/design/schema'
import { entryIndex, removeEntryAt } from './host-cpu'
import { vmStop, hostEntry, type Metrics } from './metrics'
import type { Random } from './random'
import type { HostEntries, SimState } from './state'

/** Failure bookkeeping of a run. */
export interface FailureLog {
  records: FailureRecord[]
  /** Per instance: failure time it is down since (-1 if up), downtime so far, record index. */
  downSinceS: Float64Array
  downtimeS: Float64Array
  failureOf: Int32Array
  /** Per instance: increments cancel its in-flight migration event. */
  migToken: Int32Array
  /** Instances waiting for a host, in failure order. */
  waiting: number[]
}

export function createFailureLog(V: number): FailureLog {
  return {
    records: [],
    downSinceS: new Float64Array(V).fill(-1),
    downtimeS: new Float64Array(V),
    failureOf: new Int32Array(V).fill(-1),
    migToken: new Int32Array(V),
    waiting: [],
  }
}

/** Failure events from the design's settings: `[hostIndex, atS, repairS]`, time-ordered. */
export function plannedFailures(design: Design, random: Random): Array<[number, number, number]> {
  const f = design.simulation.failures
  const index = new Map(design.hosts.map((h, i) => [h.id, i]))
  const out: Array<[number, number, number]> = []
  if (f.mode === 'schedule') {
    for (const e of f.schedule) {
      const h = index.get(e.hostId)
      if (h !== undefined) out.push([h, e.atS, e.repairS])
    }
  } else if (f.mode === 'mtbf') {
    design.hosts.forEach((h, i) => {
      if (h.mtbfHours === undefined) return
      const r = random.split(`failure:${h.id}`)
      let t = 0
      for (;;) {
        t += r.exponential(h.mtbfHours * 3600)
        if (t >= design.simulation.horizonS) break
        const repair = Math.max(1, r.exponential((h.mttrHours ?? DEFAULT_MTTR_HOURS) * 3600))
        out.push([i, Math.round(t), Math.round(repair)])
        t += repair
      }
    })
  }
  out.sort((a, b) => a[1] - b[1] || a[0] - b[0])
  return out
}

/**
 * Fails host `h` at `tS`: cancels migrations touching it, takes its instances down and
 * returns them (to be restarted).
 */
export function failHost(
  s: SimState,
  m: Metrics,
  log: FailureLog,
  h: number,
  tS: number,
): number[] {
  const e = s.entries[h] as HostEntries
  const record: FailureRecord = { hostId: s.hostIds[h] as string, atS: tS, instances: [] }
  const recordIndex = log.records.length
  log.records.push(record)
  const down: number[] = []
  for (let i = e.vm.length - 1; i >= 0; i--) {
    const v = e.vm[i] as number
    if (e.migIn[i] === 1) {
      // An incoming copy: the instance stays where it is; its migration is off.
      s.vmInMig[v] = 0
      log.migToken[v] = (log.migToken[v] as number) + 1
      continue
    }
    down.push(v)
  }
  for (const v of down) {
    if (s.vmInMig[v] === 1) {
      for (let t = 0; t < s.hostCount; t++) {
        if (t === h) continue
        const k = entryIndex(s, t, v, true)
        if (k >= 0) removeEntryAt(s, t, k)
      }
      s.vmInMig[v] = 0
      log.migToken[v] = (log.migToken[v] as number) + 1
    }
    vmStop(m, v, tS)
    s.vmHome[v] = -1
    s.vmDown[v] = 1
    log.downSinceS[v] = tS
    log.failureOf[v] = recordIndex
    record.instances.push({ instanceId: s.vmIds[v] as string })
  }
  s.hostVersion[h] = (s.hostVersion[h] as number) + 1
  e.vm.length = 0
  e.reqPe.length = 0
  e.allocPe.length = 0
  e.migIn.length = 0
  e.memMiB.length = 0
  e.bwMbps.length = 0
  s.hostMemUsed[h] = 0
  s.hostBwUsed[h] = 0
  s.hostAvail[h] = s.hostTotalMips[h] as number
  s.hostUtilMips[h] = 0
  s.hostPrevUtilMips[h] = 0
  s.epoch++
  s.hostDown[h] = 1
  hostEntry(m, h, tS, 0, 0)
  down.reverse()
  return down
}

/** Marks instance `v` restarted on host `h` at `tS`. */
export function restarted(s: SimState, log: FailureLog, v: number, h: number, tS: number): void {
  const since = log.downSinceS[v] as number
  if (since >= 0) log.downtimeS[v] = (log.downtimeS[v] as number) + (tS - since)
  log.downSinceS[v] = -1
  s.vmDown[v] = 0
  const rec = log.records[log.failureOf[v] as number]
  const item = rec?.instances.find(
    (x) => x.instanceId === s.vmIds[v] && x.restartedAtS === undefined,
  )
  if (item) {
    item.restartedOnHostId = s.hostIds[h] as string
    item.restartedAtS = tS
  }
}
