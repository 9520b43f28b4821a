/**
 * Failures in a run: host failures and repairs, injected instance failures (issue 18),
 * storage failures and repairs (issue 17), and instance restarts (on another host through
 * placement, or waiting for capacity or for their volume).
 */
import { processAll, updateHost, type RunCounters } from './datacenter'
import { settleHostPower } from './energy'
import { toMs } from './events'
import { failHost as takeHostDown, restarted } from './failures'
import type { Metrics } from './metrics'
import { failInstance as takeInstanceDown } from '../nesting/instance-failure'
import type { RunLoop } from './run-loop'
import type { SimState } from './state'
import type { StorageLink } from './storage-link'

export function failHost(ctx: RunLoop, h: number, tS: number, repairS: number): void {
  const s = ctx.state
  if (s.hostDown[h] === 1) return
  if (tS > ctx.counters.lastProcessS) processAll(s, ctx.metrics, ctx.counters, tS, ctx.isNpa)
  const down = takeHostDown(s, ctx.metrics, ctx.failures, h, tS)
  if (!s.compat) settleHostPower(s, ctx.counters, h, tS)
  ctx.placement.hostState(h, false)
  const startS = s.hostStartTimeS[h] as number
  for (const v of down) {
    const at = tS + startS
    ctx.queue.push(toMs(at), {
      type: 'restart',
      tS: at,
      vm: v,
      failure: ctx.failures.records.length - 1,
    })
  }
  ctx.storage?.update(tS, false)
  const back = tS + repairS
  ctx.queue.push(toMs(back), { type: 'repair', tS: back, host: h })
}

/** An injected instance failure: it stops, and restarts after repair + its host's start time. */
export function failInstance(ctx: RunLoop, v: number, tS: number, repairS: number): void {
  const s = ctx.state
  if (tS > ctx.counters.lastProcessS) processAll(s, ctx.metrics, ctx.counters, tS, ctx.isNpa)
  const h = takeInstanceDown(s, ctx.metrics, ctx.failures, v, tS)
  if (h < 0) return
  updateHostAt(s, ctx.metrics, ctx.counters, h, tS)
  const at = tS + repairS + (s.hostStartTimeS[h] as number)
  const failure = ctx.failures.records.length - 1
  ctx.queue.push(toMs(at), { type: 'restart', tS: at, vm: v, failure })
}

export function repairHost(ctx: RunLoop, h: number, tS: number): void {
  if (tS > ctx.counters.lastProcessS)
    processAll(ctx.state, ctx.metrics, ctx.counters, tS, ctx.isNpa)
  const s = ctx.state
  s.hostDown[h] = 0
  ctx.placement.hostState(h, true)
  if (!s.compat) settleHostPower(s, ctx.counters, h, tS)
  const id = ctx.state.hostIds[h]
  const open = ctx.failures.records.findLast(
    (r) => r.hostId === id && r.repairedAtS === undefined && r.instanceId === undefined,
  )
  if (open) open.repairedAtS = tS
  // General mode: instances waiting for capacity restart at the repair instant (CloudSim-compat
  // keeps retrying them at processing instants only).
  if (!s.compat && ctx.failures.waiting.length > 0)
    for (const v of ctx.failures.waiting.splice(0)) restart(ctx, v, tS)
}

/** A storage system fails: instances that held their only copy there go down (issue 17). */
export function failStorage(ctx: RunLoop, system: number, tS: number, repairS: number): void {
  const link = ctx.storage as StorageLink
  if (tS > ctx.counters.lastProcessS)
    processAll(ctx.state, ctx.metrics, ctx.counters, tS, ctx.isNpa)
  for (const h of link.fail(system, tS, ctx.metrics, ctx.failures))
    updateHostAt(ctx.state, ctx.metrics, ctx.counters, h, tS)
  const back = tS + repairS
  ctx.queue.push(toMs(back), { type: 'storage-repair', tS: back, system })
}

/** A storage system is repaired: the instances waiting for it restart after their start time. */
export function repairStorage(ctx: RunLoop, system: number, tS: number): void {
  for (const [vm, atS] of (ctx.storage as StorageLink).repair(system, tS))
    ctx.queue.push(toMs(atS), { type: 'restart', tS: atS, vm, failure: -1 })
}

export function restart(ctx: RunLoop, v: number, tS: number): void {
  const s = ctx.state
  if (s.vmDown[v] === 0) return
  if (ctx.storage?.blocks(v)) return
  const h = ctx.placement.start(v)
  if (h < 0) {
    ctx.failures.waiting.push(v)
    return
  }
  restarted(s, ctx.failures, v, h, tS)
  updateHostAt(s, ctx.metrics, ctx.counters, h, tS)
  ctx.storage?.update(tS, false)
}

/** Updates host `h` at `tS` unless it is down (or none). */
export function updateHostAt(s: SimState, m: Metrics, c: RunCounters, h: number, tS: number): void {
  if (h < 0 || s.hostDown[h] === 1) return
  updateHost(s, m, c, h, tS)
}
