/**
 * `ReportJobs.stop`, the web host's shutdown of its report jobs (review s8a #6): it refuses new
 * jobs, aborts every job's signal, and resolves once every job has finished (its caller
 * answered), or at its time bound with the count still in progress.
 */
import { describe, expect, it } from 'vitest'
import { ReportJobs, STOPPING_MESSAGE } from '../../src/main/services/reports/report-jobs'

const provider = { session: { role: 'provider' as const }, caller: 'p' }

describe('ReportJobs.stop', () => {
  it('aborts every job, refuses new ones, and resolves when the last one finishes', async () => {
    const jobs = new ReportJobs()
    const a = jobs.start(provider)
    const b = jobs.start(provider)
    if (!a.ok || !b.ok) throw new Error('not started')
    expect(jobs.count).toBe(2)
    let left: number | undefined
    const stopped = jobs.stop(60_000).then((n) => (left = n))
    expect([a.signal.aborted, b.signal.aborted]).toEqual([true, true])
    expect(jobs.start(provider)).toEqual({ ok: false, message: STOPPING_MESSAGE })
    jobs.finish(a.jobId)
    await Promise.resolve()
    expect(left).toBeUndefined()
    jobs.finish(b.jobId)
    await stopped
    expect(left).toBe(0)
  })

  it('resolves at its bound with the jobs that never finished', async () => {
    const jobs = new ReportJobs()
    jobs.start(provider)
    expect(await jobs.stop(10)).toBe(1)
  })

  it('resolves at once when no job is in progress', async () => {
    expect(await new ReportJobs().stop(60_000)).toBe(0)
  })
})
