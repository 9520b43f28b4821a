/**
 * Report jobs on a bounded pool of worker threads (review s6 #1, #2): a cancel terminates the
 * cancelled job's own thread at once, in whatever long step it is (the shared worker checked
 * only between slices: 166 s on a 2,000-host design), and no other job's; a waiting job
 * leaves the queue; past the queue bound a job is refused at once; threads are reused between
 * jobs (a thread from source costs seconds); a heap bound fails the job with a clear message;
 * shutdown ends every thread. Real worker threads (the report worker from source), a real
 * event hub; counted in threads and jobs, never timed.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkIntegrity } from '../../src/main/engine/model/validate'
import { EventHub } from '../../src/main/services/event-hub'
import {
  ReportCancelled,
  type ReportProgress,
} from '../../src/main/services/reports/produce-report'
import { ReportJobs } from '../../src/main/services/reports/report-jobs'
import {
  ReportPool,
  ReportQueueFull,
  ReportWorkerError,
  reportWorkerFile,
  type ReportPoolOptions,
} from '../../src/main/services/reports/report-off-thread'
import type { Design } from '../../src/shared/design/schema'
import { generateDesign } from '../../src/main/cli/commands/generate'
import { slowReportDesign } from '../support/services/slow-report-design'

const sample = checkIntegrity(
  JSON.parse(readFileSync(join(__dirname, '../../resources/samples/two-hall.strata.json'), 'utf8')),
).design as Design

const pools: ReportPool[] = []
function pool(options: Omit<ReportPoolOptions, 'filename'> = {}): ReportPool {
  const filename = reportWorkerFile()
  if (!filename) throw new Error('no report worker module')
  const made = new ReportPool({ filename, ...options })
  pools.push(made)
  return made
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.destroy()))
})

/** Starts a slow job; resolves `simulating` once it is in its simulation. */
function slowJob(on: ReportPool, signal?: AbortSignal) {
  let simulating!: () => void
  const inSimulation = new Promise<void>((resolve) => (simulating = resolve))
  const outcome = on
    .run({
      design: slowReportDesign(),
      csv: true,
      ...(signal ? { signal } : {}),
      onProgress: (p: ReportProgress) => {
        if (p.stage === 'simulation' && p.fraction > 0.1) simulating()
      },
    })
    .then(
      () => 'done',
      (error: unknown) => (error instanceof ReportCancelled ? 'cancelled' : String(error)),
    )
  return { outcome, running: Promise.race([inSimulation, outcome]) }
}

describe('report jobs on a pool of worker threads', () => {
  it(
    'a cancel mid-simulation terminates that job\u2019s thread only; the other job runs on',
    { timeout: 600_000 },
    async () => {
      const reports = pool()
      const a = new AbortController()
      const b = new AbortController()
      const jobA = slowJob(reports, a.signal)
      const jobB = slowJob(reports, b.signal)
      await Promise.all([jobA.running, jobB.running])
      expect(reports.threads).toBe(2)
      a.abort()
      expect(await jobA.outcome).toBe('cancelled')
      expect(reports.threads).toBe(1)
      expect(reports.jobs).toBe(1)
      b.abort()
      expect(await jobB.outcome).toBe('cancelled')
      expect(reports.threads).toBe(0)
      expect(reports.jobs).toBe(0)
    },
  )

  it(
    'refuses a job past the queue bound at once; a waiting job cancelled leaves the queue',
    { timeout: 600_000 },
    async () => {
      const reports = pool({ threads: 1, queued: 1 })
      const running = new AbortController()
      const waiting = new AbortController()
      const first = slowJob(reports, running.signal)
      const second = slowJob(reports, waiting.signal)
      const third = await reports
        .run({ design: slowReportDesign(), csv: true })
        .catch((e: unknown) => e)
      expect(third).toBeInstanceOf(ReportQueueFull)
      expect(String(third)).toMatch(/already running or waiting \(at most 1 run and 1 wait\)/)
      waiting.abort()
      expect(await second.outcome).toBe('cancelled')
      expect(reports.jobs).toBe(1)
      await first.running
      running.abort()
      expect(await first.outcome).toBe('cancelled')
      expect(reports.jobs).toBe(0)
    },
  )

  it(
    'reuses its threads: five reports in turn start one thread',
    { timeout: 600_000 },
    async () => {
      const reports = pool()
      for (let i = 0; i < 5; i++) {
        const out = await reports.run({ design: sample, csv: true })
        expect(out.csv?.length ?? 0).toBeGreaterThan(0)
        expect(reports.threads).toBe(1)
      }
      expect(reports.threadsStarted).toBe(1)
    },
  )

  it(
    'a job past the heap bound fails with a clear message; the pool serves the next job',
    { timeout: 600_000 },
    async () => {
      const reports = pool({ heapMiB: 32 })
      const big = generateDesign({
        hosts: 2000,
        racks: 50,
        tenants: 2,
        instances: 16_000,
        seed: 1,
        horizonH: 24,
      })
      const error = await reports.run({ design: big, html: true }).catch((e: unknown) => e)
      expect(String(error)).toMatch(/the report needs more memory than allowed \(32 MiB\)/)
      // A ReportWorkerError: the handler answers it `unavailable` with these words.
      expect(error).toBeInstanceOf(ReportWorkerError)
      const out = await reports.run({ design: sample, csv: true })
      expect(out.csv?.length ?? 0).toBeGreaterThan(0)
    },
  )

  it(
    'shutdown terminates a running job\u2019s thread; its job fails',
    { timeout: 600_000 },
    async () => {
      const reports = pool()
      const job = slowJob(reports)
      await job.running
      expect(reports.jobs).toBe(1)
      await reports.destroy()
      expect(await job.outcome).toMatch(/report worker stopped/)
      expect(reports.threads).toBe(0)
    },
  )
})

describe('a caller gone', () => {
  it('cancels its jobs when its last outlet closes, and no one else\u2019s', () => {
    const hub = new EventHub()
    const jobs = new ReportJobs()
    hub.onCallerGone((caller) => jobs.cancelAllOf(caller))
    const session = { role: 'tenant', tenantId: 't-acme' } as const
    const tabA = hub.subscribe(session, () => undefined, 'tok-a')
    const tabB = hub.subscribe(session, () => undefined, 'tok-a')
    const other = hub.subscribe(session, () => undefined, 'tok-b')
    const mine = jobs.start({ session, caller: 'tok-a' })
    const theirs = jobs.start({ session, caller: 'tok-b' })
    if (!mine.ok || !theirs.ok) throw new Error('not started')
    tabA()
    expect(mine.signal.aborted).toBe(false)
    tabB()
    expect(mine.signal.aborted).toBe(true)
    expect(theirs.signal.aborted).toBe(false)
    other()
    expect(theirs.signal.aborted).toBe(true)
  })
})
