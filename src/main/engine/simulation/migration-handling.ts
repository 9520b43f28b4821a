/**
 * Live migrations in a run: a migration starts (the instance gets an incoming copy on its
 * target, its completion is scheduled from the rate the flow model gives it or from CloudSim's
 * rule), is re-timed when the flow model re-shares the fabric (issue 17), and completes (the
 * copy becomes the instance's home).
 */
import { migrationDurationS } from '../network'
import { hostUpdates, processAll } from './datacenter'
import { toMs } from './events'
import { updateHostAt } from './failure-handling'
import { createOn, entryIndex, removeEntryAt } from './host-cpu'
import type { MigrateEvent, RunLoop } from './run-loop'

/** A migration a consolidation decision starts. */
export interface MigrationStart {
  vm: number
  host: number
  reason: 'overload' | 'underload'
}

/**
 * Starts the migrations of one scheduling instant `tS` in order, then updates each host they
 * touch once (in the order first touched). That is the state the per-migration updates of
 * `startMigration` leave: an update at `tS` is a function of the host's entries and its
 * instances' demands and flags alone, it replaces the entries written at `tS` before, no
 * energy is charged within one instant, and between two starts nothing reads what an update
 * writes (a host's allocation is recomputed from scratch by its next update). Hosts keep or
 * gain entries here, so no host goes from drawing power to none in between either.
 */
export function startMigrations(
  ctx: RunLoop,
  starts: readonly MigrationStart[],
  tS: number,
  /** Per start, the rate the flow model gives it (absent: no flow model). */
  ratesGbps?: readonly number[],
): void {
  const s = ctx.state
  const touched: number[] = []
  const mark = ctx.hostMarks
  const touch = (h: number): void => {
    if (h < 0 || mark[h] === 1) return
    mark[h] = 1
    touched.push(h)
  }
  const once = hostUpdates.incremental
  starts.forEach((m, i) => {
    if (once) {
      touch(m.host)
      touch(s.vmHome[m.vm] as number)
    }
    startMigration(ctx, m.vm, m.host, tS, m.reason, ratesGbps?.[i], !once)
  })
  for (const h of touched) {
    mark[h] = 0
    updateHostAt(s, ctx.metrics, ctx.counters, h, tS)
  }
}

export function startMigration(
  ctx: RunLoop,
  v: number,
  target: number,
  tS: number,
  reason: 'overload' | 'underload',
  /** The rate the flow model gives the migration on its path (absent: no flow model). */
  rateGbps?: number,
  /** Update the target and the source now (false: the caller does, `startMigrations`). */
  update = true,
): void {
  const s = ctx.state
  s.vmInMig[v] = 1
  createOn(s, target, v, true)
  if (update) {
    updateHostAt(s, ctx.metrics, ctx.counters, target, tS)
    updateHostAt(s, ctx.metrics, ctx.counters, s.vmHome[v] as number, tS)
  }
  ctx.counters.migrations++
  ctx.migrations.perVm[v] = (ctx.migrations.perVm[v] as number) + 1
  const bandwidth = ((s.hostNicGbps[target] as number) * 1_000_000) / (2 * 8000)
  const end =
    rateGbps !== undefined && rateGbps > 0
      ? tS + migrationDurationS(s.vmMemMiB[v] as number, rateGbps)
      : tS + (s.vmMemMiB[v] as number) / bandwidth
  let record = -1
  if (ctx.migrations.records.length < ctx.migrations.limit) {
    record = ctx.migrations.records.length
    ctx.migrations.records.push({
      instanceId: s.vmIds[v] as string,
      fromHostId: s.hostIds[s.vmHome[v] as number] ?? '',
      toHostId: s.hostIds[target] as string,
      startS: tS,
      endS: end,
      reason,
    })
  } else ctx.migrations.truncated = true
  const event: MigrateEvent = {
    type: 'migrate',
    tS: end,
    vm: v,
    host: target,
    from: s.vmHome[v] as number,
    token: ctx.failures.migToken[v] as number,
    record,
  }
  ctx.pendingMigrations.set(v, event)
  ctx.queue.push(toMs(end), event)
}

/**
 * The flow model re-shared the fabric and instance `v`'s running migration now ends at
 * `endS`: its completion moves there (the old event is voided by a new token) and so does
 * its record's end.
 */
export function retimeMigration(ctx: RunLoop, v: number, endS: number): void {
  const old = ctx.pendingMigrations.get(v)
  if (!old || old.token !== ctx.failures.migToken[v]) return
  const token = (ctx.failures.migToken[v] as number) + 1
  ctx.failures.migToken[v] = token
  const event: MigrateEvent = { ...old, tS: endS, token }
  ctx.pendingMigrations.set(v, event)
  ctx.queue.push(toMs(endS), event)
  const record = ctx.migrations.records[old.record]
  if (record) record.endS = endS
}

export function completeMigration(ctx: RunLoop, e: MigrateEvent): void {
  if (e.token !== ctx.failures.migToken[e.vm]) return
  ctx.pendingMigrations.delete(e.vm)
  const s = ctx.state
  // These passes may leave unchanged hosts' instance entries unwritten (`entry-lag.ts`).
  if (e.tS > ctx.counters.lastProcessS)
    processAll(s, ctx.metrics, ctx.counters, e.tS, ctx.isNpa, true)
  const home = s.vmHome[e.vm] as number
  if (home >= 0) {
    const i = entryIndex(s, home, e.vm)
    if (i >= 0) removeEntryAt(s, home, i)
  }
  s.vmHome[e.vm] = -1
  const k = entryIndex(s, e.host, e.vm, true)
  if (k >= 0) removeEntryAt(s, e.host, k)
  s.vmInMig[e.vm] = 0
  createOn(s, e.host, e.vm)
  s.vmHome[e.vm] = e.host
  s.vmRemoved[e.vm] = 0
  if (!moreMigrationsAt(ctx, e.tS)) processAll(s, ctx.metrics, ctx.counters, e.tS, ctx.isNpa, true)
}

export function moreMigrationsAt(ctx: RunLoop, tS: number): boolean {
  const next = ctx.queue.peek()
  return next !== undefined && next.payload.type === 'migrate' && next.timeMs === toMs(tS)
}
