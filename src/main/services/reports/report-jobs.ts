/**
 * Report jobs in progress: ids made by the server (random, unguessable), each owned by the
 * caller that started it (a web token, an Electron window: see `CallContext.caller`), and a
 * small cap on how many one tenant caller may run at once (a PDF export starts a browser
 * process). A caller can neither name a job, nor see, cancel or crowd out another caller's,
 * even one of the same tenant.
 */
import { randomBytes } from 'node:crypto'
import type { SessionInfo } from '../../../shared/contract'

/** Reports one tenant caller (one link) may have running at once. */
export const MAX_REPORTS_PER_TENANT_CALLER = 2
/** Reports all tenant callers together may have running at once. */
export const MAX_TENANT_REPORTS = 4

/** Who started a job: the session (for the caps by role) and the caller key (the owner). */
export interface JobOwner {
  session: SessionInfo
  caller: string
}

interface Job {
  controller: AbortController
  owner: JobOwner
}

/** Why a report is refused once the host is stopping. */
export const STOPPING_MESSAGE = 'the host is stopping; no new reports are started'

export class ReportJobs {
  private readonly jobs = new Map<string, Job>()
  private stopping = false
  /** Called when a job finishes (for `stop` to know when none is left). */
  private onFinish: (() => void) | undefined

  /** Jobs in progress now: waiting for a thread, running, or printing their PDF. */
  get count(): number {
    return this.jobs.size
  }

  /**
   * Starts a job for `owner`: its id and abort signal, or why not (the tenant caps).
   * Call `finish(id)` when it ends, however it ends.
   */
  start(
    owner: JobOwner,
  ): { ok: true; jobId: string; signal: AbortSignal } | { ok: false; message: string } {
    if (this.stopping) return { ok: false, message: STOPPING_MESSAGE }
    if (owner.session.role === 'tenant') {
      const tenantJobs = [...this.jobs.values()].filter((j) => j.owner.session.role === 'tenant')
      const own = tenantJobs.filter((j) => j.owner.caller === owner.caller).length
      if (own >= MAX_REPORTS_PER_TENANT_CALLER)
        return {
          ok: false,
          message: `you already have ${own} reports in progress; wait for one to finish`,
        }
      if (tenantJobs.length >= MAX_TENANT_REPORTS)
        return { ok: false, message: 'too many reports are in progress; try again shortly' }
    }
    const jobId = `report-${randomBytes(12).toString('base64url')}`
    const controller = new AbortController()
    this.jobs.set(jobId, { controller, owner })
    return { ok: true, jobId, signal: controller.signal }
  }

  finish(jobId: string): void {
    this.jobs.delete(jobId)
    this.onFinish?.()
  }

  /**
   * Shutdown (review s8a #6): refuses new jobs, cancels every job (a waiting one leaves the
   * queue and never starts; a running one's thread ends; a printing one's browser closes), and
   * resolves once every job has finished, i.e. its caller's answer is made, or after
   * `timeoutMs`. Resolves with how many jobs were still in progress then.
   */
  stop(timeoutMs: number): Promise<number> {
    this.stopping = true
    this.cancelAll()
    if (this.jobs.size === 0) return Promise.resolve(0)
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), timeoutMs)
      const done = (): void => {
        clearTimeout(timer)
        this.onFinish = undefined
        resolve(this.jobs.size)
      }
      this.onFinish = () => {
        if (this.jobs.size === 0) done()
      }
    })
  }

  /** Cancels every job of `caller` (its last socket closed), or every job; returns how many. */
  cancelAllOf(caller?: string): number {
    let n = 0
    for (const job of this.jobs.values())
      if ((caller === undefined || job.owner.caller === caller) && !job.controller.signal.aborted) {
        job.controller.abort()
        n++
      }
    return n
  }

  /** Cancels every job (the services are disposed); returns how many. */
  cancelAll(): number {
    return this.cancelAllOf()
  }

  /** Cancels a job of `caller`'s own; `false` for unknown and foreign ids alike. */
  cancel(jobId: string, caller: string): boolean {
    const job = this.jobs.get(jobId)
    if (!job || job.owner.caller !== caller) return false
    job.controller.abort()
    return true
  }
}
