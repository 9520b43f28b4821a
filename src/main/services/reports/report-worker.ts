/**
 * The report pool's worker thread (bundled as out/main/report-worker.js; from source loaded
 * through report-worker-dev.mjs): piscina calls the default export once per report job. It
 * makes the report (placement, simulation, model, HTML, CSV; never the PDF, which needs the
 * shell) and posts its progress on the task's port. A cancelled job is never asked to stop:
 * piscina terminates the thread running it.
 */
import { produceReport, ReportRefused, ReportTenantNotFound } from './produce-report'
import type { ReportTask, ReportTaskResult } from './report-protocol'

export default async function makeReport(task: ReportTask): Promise<ReportTaskResult> {
  const { options, progress } = task
  try {
    const outputs = await produceReport({
      ...options,
      pdf: false,
      onProgress: (p) => progress.postMessage(p),
    })
    return { type: 'done', outputs }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const type =
      error instanceof ReportTenantNotFound
        ? 'not-found'
        : error instanceof ReportRefused
          ? 'refused'
          : 'failed'
    return { type, message }
  } finally {
    progress.close()
  }
}
