/**
 * An injected instance failure (issue 18, `simulation.failures.instanceSchedule`): the
 * instance stops on its host (its migration, if any, is called off), is down from then on,
 * and restarts through the run's placement after the failure's repair time plus its host
 * kind's start time. Its host stays up. The failure is recorded like a host failure, with
 * `instanceId` naming the instance. Inner instances go down with it (./nested-run.ts).
 */
import type { FailureRecord } from '../../../shared/domain/simulation-result'
import type { Design } from '../../../shared/design/schema'
import type { FailureLog } from '../simulation/failures'
import { entryIndex, removeEntryAt } from '../simulation/host-cpu'
import { vmStop, type Metrics } from '../simulation/metrics'
import type { SimState } from '../simulation/state'

/** Injected failures of simulated instances: `[instanceIndex, atS, repairS]`, time-ordered. */
export function plannedInstanceFailures(
  design: Design,
  s: Pick<SimState, 'vmIds' | 'compat'>,
): Array<[number, number, number]> {
  const list = design.simulation.failures.instanceSchedule
  if (!list || s.compat) return []
  const index = new Map(s.vmIds.map((id, v) => [id, v]))
  const out: Array<[number, number, number]> = []
  for (const f of list) {
    const v = index.get(f.instanceId)
    if (v !== undefined) out.push([v, f.atS, f.repairS])
  }
  return out.sort((a, b) => a[1] - b[1] || a[0] - b[0])
}

/**
 * Fails instance `v` at `tS`. Returns the host it was on (whose state the caller updates and
 * whose kind's start time applies), or -1 when it was not running (down, unplaced, finished).
 */
export function failInstance(
  s: SimState,
  m: Metrics,
  log: FailureLog,
  v: number,
  tS: number,
): number {
  const h = s.vmHome[v] as number
  if (s.vmDown[v] === 1 || h < 0) return -1
  if (s.vmInMig[v] === 1) {
    for (let t = 0; t < s.hostCount; t++) {
      const k = entryIndex(s, t, v, true)
      if (k >= 0) removeEntryAt(s, t, k)
    }
    s.vmInMig[v] = 0
    log.migToken[v] = (log.migToken[v] as number) + 1
  }
  const i = entryIndex(s, h, v, false)
  if (i >= 0) removeEntryAt(s, h, i)
  vmStop(m, v, tS)
  const id = s.vmIds[v] as string
  const record: FailureRecord = {
    hostId: s.hostIds[h] as string,
    atS: tS,
    instances: [{ instanceId: id }],
    instanceId: id,
  }
  log.failureOf[v] = log.records.length
  log.records.push(record)
  s.vmHome[v] = -1
  s.vmDown[v] = 1
  log.downSinceS[v] = tS
  s.epoch++
  return h
}
