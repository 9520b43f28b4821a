/**
 * Reports made off the event loop (review s5 #1): placement, simulation, model, HTML and CSV
 * in one worker thread shared by every report job of the process (started on the first job,
 * ended after `IDLE_MS` without one), so a big design's report (5,000 hosts: tens of seconds
 * of work) never holds the web host's other sessions. The PDF, which needs the shell
 * (Chromium), is made here from the worker's HTML. Without a worker entry (a build without
 * `report-worker.js`) a report is made on this thread, as `produceReport` does.
 */
import { Worker } from 'node:worker_threads'
import { reportWorkerEntry, type WorkerEntry } from '../simulation/worker-path'
import { htmlToPdfWithChromium } from './pdf'
import {
  produceReport,
  ReportCancelled,
  ReportTenantNotFound,
  type ProduceReportOptions,
  type ReportOutputs,
} from './produce-report'
import type { FromReportWorker, ToReportWorker } from './report-protocol'

/** The worker is ended after this long without a job, in milliseconds. */
const IDLE_MS = 30_000

interface Pending {
  onProgress?: ProduceReportOptions['onProgress']
  /** The PDF is made here after the worker's end: the worker's `done` stage is not the end. */
  pdf: boolean
  resolve: (outputs: ReportOutputs) => void
  reject: (error: Error) => void
}

/** One worker thread and the jobs it is running. */
class ReportWorker {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private nextJobId = 1
  private idle: ReturnType<typeof setTimeout> | undefined

  constructor(
    entry: WorkerEntry,
    private readonly onGone: () => void,
  ) {
    this.worker = new Worker(entry.target)
    this.worker.unref()
    this.worker.on('message', (m: FromReportWorker) => this.onMessage(m))
    this.worker.on('error', (error) => this.fail(error.message))
    this.worker.on('exit', (code) => this.fail(`the report worker stopped (exit code ${code})`))
  }

  run(options: ProduceReportOptions): Promise<ReportOutputs> {
    const { onProgress, signal, makePdf: _pdfMaker, pdf, ...data } = options
    const jobId = this.nextJobId++
    if (this.idle) clearTimeout(this.idle)
    this.idle = undefined
    return new Promise<ReportOutputs>((resolve, reject) => {
      this.pending.set(jobId, { onProgress, pdf: pdf === true, resolve, reject })
      signal?.addEventListener('abort', () => this.send({ type: 'cancel', jobId }), { once: true })
      this.send({
        type: 'start',
        jobId,
        options: { ...data, html: data.html === true || pdf === true },
      })
    })
  }

  private send(m: ToReportWorker): void {
    this.worker.postMessage(m)
  }

  private onMessage(m: FromReportWorker): void {
    const job = this.pending.get(m.jobId)
    if (!job) return
    if (m.type === 'progress') {
      if (!(job.pdf && m.progress.stage === 'done')) job.onProgress?.(m.progress)
      return
    }
    this.pending.delete(m.jobId)
    if (m.type === 'done') job.resolve(m.outputs)
    else if (m.kind === 'cancelled') job.reject(new ReportCancelled())
    else if (m.kind === 'not-found') job.reject(new ReportTenantNotFound(m.message))
    else job.reject(new Error(m.message))
    if (this.pending.size === 0) {
      this.idle = setTimeout(() => void this.worker.terminate(), IDLE_MS)
      this.idle.unref()
    }
  }

  /** The thread failed or ended: every job still running fails with `message`. */
  private fail(message: string): void {
    if (this.idle) clearTimeout(this.idle)
    this.onGone()
    for (const job of this.pending.values()) job.reject(new Error(message))
    this.pending.clear()
  }
}

let shared: ReportWorker | undefined

/**
 * As `produceReport`, in the report worker thread; throws `ReportCancelled`,
 * `ReportTenantNotFound` or an `Error` with the worker's message.
 * @param entry the worker to use (default: the report worker; `null`: this thread).
 */
export async function produceReportOffThread(
  options: ProduceReportOptions,
  entry: WorkerEntry | null | undefined = reportWorkerEntry(),
): Promise<ReportOutputs> {
  if (!entry) return produceReport(options)
  if (options.signal?.aborted) throw new ReportCancelled()
  const worker = (shared ??= new ReportWorker(entry, () => {
    if (shared === worker) shared = undefined
  }))
  const outputs = await worker.run(options)
  const { pdf, signal, onProgress, makePdf } = options
  if (pdf && outputs.html) {
    if (signal?.aborted) throw new ReportCancelled()
    onProgress?.({ stage: 'pdf', fraction: 0.88 })
    outputs.pdf = await (makePdf ?? htmlToPdfWithChromium)(outputs.html)
    onProgress?.({ stage: 'done', fraction: 1 })
  }
  return outputs
}
