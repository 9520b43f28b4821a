/**
 * Report jobs in progress: ids made by the server (random, unguessable), each owned by the
 * session that started it, and a small cap on how many a tenant session may run at once
 * (a PDF export starts a browser process). A caller can neither name a job nor collide with
 * another session's.
 */
import { randomBytes } from 'node:crypto'
import type { SessionInfo } from '../../../shared/contract'

/** Reports one tenant may have running at once. */
export const MAX_REPORTS_PER_TENANT = 2
/** Reports all tenant sessions together may have running at once. */
export const MAX_TENANT_REPORTS = 4

interface Job {
  controller: AbortController
  owner: SessionInfo
}

const sameSession = (a: SessionInfo, b: SessionInfo): boolean =>
  a.role === b.role && (a.role === 'provider' || (b.role === 'tenant' && a.tenantId === b.tenantId))

export class ReportJobs {
  private readonly jobs = new Map<string, Job>()

  /**
   * Starts a job for `owner`: its id and abort signal, or why not (`busy`: the tenant cap).
   * Call `finish(id)` when it ends, however it ends.
   */
  start(
    owner: SessionInfo,
  ): { ok: true; jobId: string; signal: AbortSignal } | { ok: false; message: string } {
    if (owner.role === 'tenant') {
      const tenantJobs = [...this.jobs.values()].filter((j) => j.owner.role === 'tenant')
      const own = tenantJobs.filter((j) => sameSession(j.owner, owner)).length
      if (own >= MAX_REPORTS_PER_TENANT)
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
  }

  /** Cancels a job of `caller`'s own session; `false` for unknown or foreign ids alike. */
  cancel(jobId: string, caller: SessionInfo): boolean {
    const job = this.jobs.get(jobId)
    if (!job || !sameSession(job.owner, caller)) return false
    job.controller.abort()
    return true
  }
}
