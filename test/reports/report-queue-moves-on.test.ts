/**
 * The report pool's queue moves on by itself (review s7b #1): when both running jobs are
 * aborted and their threads terminated, the jobs waiting behind them start at once, with no
 * other job submitted. piscina 5.3.2 (minThreads 0) terminated an aborted task's thread and
 * started no other for the tasks still queued: they waited until some later submission
 * spawned one (for ever on a quiet host). Real worker threads (the report worker from
 * source); the bound below is a liveness bound, not a timing: a waiting sample report takes
 * seconds, and on the old pool it never started at all.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkIntegrity } from '../../src/main/engine/model/validate'
import {
  ReportCancelled,
  type ReportProgress,
} from '../../src/main/services/reports/produce-report'
import { ReportPool, reportWorkerFile } from '../../src/main/services/reports/report-off-thread'
import type { Design } from '../../src/shared/design/schema'
import { slowReportDesign } from '../support/services/slow-report-design'

const sample = checkIntegrity(
  JSON.parse(readFileSync(join(__dirname, '../../resources/samples/two-hall.strata.json'), 'utf8')),
).design as Design

/** Liveness bound for a waiting sample report once the pool is free (it takes seconds). */
const LIVENESS_MS = 120_000

const pools: ReportPool[] = []
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.destroy()))
})
function pool(threads?: number): ReportPool {
  const filename = reportWorkerFile()
  if (!filename) throw new Error('no report worker module')
  const made = new ReportPool({ filename, ...(threads ? { threads } : {}) })
  pools.push(made)
  return made
}

/** A slow job and a promise that resolves once it is simulating (so it holds a thread). */
function slowJob(on: ReportPool, signal: AbortSignal) {
  let simulating!: () => void
  const inSimulation = new Promise<void>((resolve) => (simulating = resolve))
  const outcome = on
    .run({
      design: slowReportDesign(),
      csv: true,
      signal,
      onProgress: (p: ReportProgress) => {
        if (p.stage === 'simulation' && p.fraction > 0.05) simulating()
      },
    })
    .then(
      () => 'done',
      (error: unknown) => (error instanceof ReportCancelled ? 'cancelled' : String(error)),
    )
  return { outcome, running: Promise.race([inSimulation, outcome]) }
}

/** `promise`'s outcome, or 'still waiting' after `ms`. */
const within = <T>(promise: Promise<T>, ms: number): Promise<T | 'still waiting'> =>
  Promise.race([
    promise,
    new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), ms)),
  ])

describe('the report queue after running jobs are aborted', () => {
  it(
    'both running jobs aborted: the two waiting jobs start and finish with nothing else submitted',
    { timeout: 2 * LIVENESS_MS + 300_000 },
    async () => {
      const reports = pool()
      const a = new AbortController()
      const b = new AbortController()
      const jobA = slowJob(reports, a.signal)
      const jobB = slowJob(reports, b.signal)
      await Promise.all([jobA.running, jobB.running])
      expect(reports.threads).toBe(2)
      const waiting = [0, 1].map(() =>
        reports.run({ design: sample, csv: true }).then(
          (out) => (out.csv?.length ?? 0) > 0,
          (error: unknown) => String(error),
        ),
      )
      expect(reports.jobs).toBe(4)
      a.abort()
      b.abort()
      expect(await jobA.outcome).toBe('cancelled')
      expect(await jobB.outcome).toBe('cancelled')
      expect(await within(Promise.all(waiting), LIVENESS_MS)).toEqual([true, true])
      expect(reports.jobs).toBe(0)
    },
  )

  it(
    'one running job aborted: the waiting job takes its place while the other still runs',
    { timeout: LIVENESS_MS + 300_000 },
    async () => {
      const reports = pool()
      const a = new AbortController()
      const b = new AbortController()
      const jobA = slowJob(reports, a.signal)
      const jobB = slowJob(reports, b.signal)
      await Promise.all([jobA.running, jobB.running])
      const waiting = reports.run({ design: sample, csv: true }).then(
        (out) => (out.csv?.length ?? 0) > 0,
        (error: unknown) => String(error),
      )
      a.abort()
      expect(await jobA.outcome).toBe('cancelled')
      // It does not wait for job B (which simulates far longer than the bound).
      expect(await within(waiting, LIVENESS_MS)).toBe(true)
      expect(reports.jobs).toBe(1)
      b.abort()
      expect(await jobB.outcome).toBe('cancelled')
    },
  )

  it(
    'shutdown ends the running job and the waiting one alike; the pool takes no more',
    { timeout: 300_000 },
    async () => {
      const reports = pool(1)
      const running = slowJob(reports, new AbortController().signal)
      await running.running
      const waiting = reports.run({ design: sample, csv: true }).then(
        () => 'done',
        (error: unknown) => String(error),
      )
      expect(reports.jobs).toBe(2)
      await reports.destroy()
      expect(await running.outcome).toMatch(/report worker stopped/)
      expect(await waiting).toMatch(/report worker stopped: the report pool was closed/)
      expect(reports.jobs).toBe(0)
      const late = await reports.run({ design: sample, csv: true }).catch((e: unknown) => e)
      expect(String(late)).toMatch(/the report pool was closed/)
    },
  )
})
