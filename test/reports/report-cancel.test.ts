/**
 * Report jobs end when nobody wants them any more (review s6 #1, #2): a cancel terminates the
 * job's own worker thread at once, in whatever long step it is (the shared worker checked
 * only between slices: 166 s on a 2,000-host design); a caller whose last outlet closes has
 * its jobs cancelled; shutdown terminates every report worker. Real worker threads (the
 * report worker from source), a real event hub; counted in workers, never timed.
 */
import { describe, expect, it } from 'vitest'
import { generateDesign } from '../../src/main/cli/commands/generate'
import { EventHub } from '../../src/main/services/event-hub'
import { ReportCancelled } from '../../src/main/services/reports/produce-report'
import { ReportJobs } from '../../src/main/services/reports/report-jobs'
import {
  produceReportOffThread,
  runningReportWorkers,
  terminateReportWorkers,
} from '../../src/main/services/reports/report-off-thread'
import type { ReportProgress } from '../../src/main/services/reports/produce-report'

/** A design whose report simulates for a long while (a month of 400 hosts). */
const slow = () =>
  generateDesign({ hosts: 400, racks: 10, tenants: 2, instances: 3200, seed: 1, horizonH: 720 })

describe('report jobs in worker threads', () => {
  it(
    'a cancel mid-simulation terminates the job and its worker',
    { timeout: 300_000 },
    async () => {
      const controller = new AbortController()
      let simulating!: () => void
      const inSimulation = new Promise<void>((resolve) => (simulating = resolve))
      const job = produceReportOffThread({
        design: slow(),
        html: true,
        signal: controller.signal,
        onProgress: (p: ReportProgress) => {
          if (p.stage === 'simulation' && p.fraction > 0.1) simulating()
        },
      })
      const outcome = job.then(
        () => 'done',
        (error: unknown) => (error instanceof ReportCancelled ? 'cancelled' : String(error)),
      )
      await Promise.race([inSimulation, outcome])
      expect(runningReportWorkers()).toBe(1)
      controller.abort()
      expect(await outcome).toBe('cancelled')
      expect(runningReportWorkers()).toBe(0)
    },
  )

  it(
    'shutdown terminates a running report worker; its job fails',
    { timeout: 300_000 },
    async () => {
      let simulating!: () => void
      const inSimulation = new Promise<void>((resolve) => (simulating = resolve))
      const job = produceReportOffThread({
        design: slow(),
        csv: true,
        onProgress: (p) => {
          if (p.stage === 'simulation') simulating()
        },
      }).then(
        () => 'done',
        (error: unknown) => String(error),
      )
      await Promise.race([inSimulation, job])
      expect(terminateReportWorkers()).toBe(1)
      expect(await job).toMatch(/report worker stopped/)
      expect(runningReportWorkers()).toBe(0)
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
