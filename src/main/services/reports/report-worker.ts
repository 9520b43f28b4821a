/**
 * The report worker thread (bundled as out/main/report-worker.js; from source through tsx):
 * makes reports (placement, simulation, model, HTML, CSV; never the PDF, which needs the
 * shell) for `start` messages, several at once, each stopped by its `cancel` message at its
 * next slice; answers `progress`, then `done` or `error`, tagged with the job's id.
 */
import { parentPort } from 'node:worker_threads'
import { produceReport, ReportCancelled, ReportTenantNotFound } from './produce-report'
import type { FromReportWorker, ToReportWorker } from './report-protocol'

const port = parentPort
if (!port) throw new Error('the report worker must run in a worker thread')
const send = (m: FromReportWorker): void => port.postMessage(m)
const jobs = new Map<number, AbortController>()
port.on('message', (m: ToReportWorker) => {
  if (m.type === 'cancel') {
    jobs.get(m.jobId)?.abort()
    return
  }
  const { jobId } = m
  const controller = new AbortController()
  jobs.set(jobId, controller)
  produceReport({
    ...m.options,
    pdf: false,
    signal: controller.signal,
    onProgress: (progress) => send({ type: 'progress', jobId, progress }),
  })
    .then(
      (outputs) => send({ type: 'done', jobId, outputs }),
      (error: unknown) =>
        send({
          type: 'error',
          jobId,
          kind:
            error instanceof ReportCancelled
              ? 'cancelled'
              : error instanceof ReportTenantNotFound
                ? 'not-found'
                : 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    )
    .finally(() => jobs.delete(jobId))
})
