/**
 * Reports made off the event loop (review s5 #1): placement, simulation, model, HTML and CSV
 * in a worker thread, so a big design's report never holds the web host's other sessions.
 * Each job has its own worker (review s6 #1): a cancel (or the caller's socket closing)
 * terminates it at once, whatever long step it is in; its heap is bounded by
 * `REPORT_WORKER_HEAP_MIB` (beyond it the job fails with a clear message, the process lives
 * on); at most `MAX_REPORT_WORKERS` run at once, later jobs wait their turn (a small report
 * waits for a slot, never behind a big one inside a shared thread). The PDF, which needs the
 * shell (Chromium), is made here from the worker's HTML. Without a worker entry (a build
 * without `report-worker.js`) a report is made on this thread, as `produceReport` does.
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

/** Largest old-generation heap of one report worker, in MiB. */
export const REPORT_WORKER_HEAP_MIB = 1536

/** Report workers running at once; later jobs wait for a slot. */
export const MAX_REPORT_WORKERS = 2

/** Workers running now (terminated on shutdown). */
const running = new Set<Worker>()
/** Jobs waiting for a slot, oldest first. */
const waiting: Array<() => void> = []
/** Slots taken (a job between taking its slot and starting or ending its worker). */
let reserved = 0

/** Resolves when a slot is free (then holds it), or rejects when `signal` aborts first. */
function takeSlot(signal: AbortSignal | undefined): Promise<void> {
  if (running.size + reserved < MAX_REPORT_WORKERS) {
    reserved++
    return Promise.resolve()
  }
  return new Promise<void>((resolve, reject) => {
    const go = (): void => {
      signal?.removeEventListener('abort', onAbort)
      reserved++
      resolve()
    }
    const onAbort = (): void => {
      const at = waiting.indexOf(go)
      if (at >= 0) waiting.splice(at, 1)
      reject(new ReportCancelled())
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    waiting.push(go)
  })
}

function releaseSlot(): void {
  reserved--
  waiting.shift()?.()
}

const outOfMemory = (error: Error): boolean =>
  (error as Error & { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'

/** One job in its own worker; settles once, and the worker is always terminated. */
function runInWorker(entry: WorkerEntry, options: ProduceReportOptions): Promise<ReportOutputs> {
  const { onProgress, signal, makePdf: _pdfMaker, pdf, ...data } = options
  return new Promise<ReportOutputs>((resolve, reject) => {
    const worker = new Worker(entry.target, {
      resourceLimits: { maxOldGenerationSizeMb: REPORT_WORKER_HEAP_MIB },
    })
    worker.unref()
    running.add(worker)
    let settled = false
    const settle = (done: () => void): void => {
      if (settled) return
      settled = true
      running.delete(worker)
      signal?.removeEventListener('abort', onAbort)
      void worker.terminate()
      done()
    }
    const onAbort = (): void => settle(() => reject(new ReportCancelled()))
    signal?.addEventListener('abort', onAbort, { once: true })
    worker.on('message', (m: FromReportWorker) => {
      if (m.type === 'progress') {
        if (!(pdf === true && m.progress.stage === 'done')) onProgress?.(m.progress)
        return
      }
      if (m.type === 'done') settle(() => resolve(m.outputs))
      else if (m.kind === 'cancelled') settle(() => reject(new ReportCancelled()))
      else if (m.kind === 'not-found') settle(() => reject(new ReportTenantNotFound(m.message)))
      else settle(() => reject(new Error(m.message)))
    })
    worker.on('error', (error) =>
      settle(() =>
        reject(
          outOfMemory(error)
            ? new Error(
                `the report needs more memory than allowed (${REPORT_WORKER_HEAP_MIB} MiB); ` +
                  'export a smaller design, or simulate it first so the report reuses that run',
              )
            : error,
        ),
      ),
    )
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`the report worker stopped (exit code ${code})`))),
    )
    const start: ToReportWorker = {
      type: 'start',
      jobId: 1,
      options: { ...data, html: data.html === true || pdf === true },
    }
    worker.postMessage(start)
  })
}

/**
 * As `produceReport`, in a report worker thread of its own; throws `ReportCancelled` (at
 * once on abort, waiting or running), `ReportTenantNotFound` or an `Error` with the worker's
 * message (or the memory bound's).
 * @param entry the worker to use (default: the report worker; `null`: this thread).
 */
export async function produceReportOffThread(
  options: ProduceReportOptions,
  entry: WorkerEntry | null | undefined = reportWorkerEntry(),
): Promise<ReportOutputs> {
  if (!entry) return produceReport(options)
  if (options.signal?.aborted) throw new ReportCancelled()
  await takeSlot(options.signal)
  let outputs: ReportOutputs
  try {
    outputs = await runInWorker(entry, options)
  } finally {
    releaseSlot()
  }
  const { pdf, signal, onProgress, makePdf } = options
  if (pdf && outputs.html) {
    if (signal?.aborted) throw new ReportCancelled()
    onProgress?.({ stage: 'pdf', fraction: 0.88 })
    outputs.pdf = await (makePdf ?? htmlToPdfWithChromium)(outputs.html)
    onProgress?.({ stage: 'done', fraction: 1 })
  }
  return outputs
}

/** How many report workers are running now. */
export function runningReportWorkers(): number {
  return running.size
}

/** Terminates every running report worker (shutdown); their jobs fail. Returns how many. */
export function terminateReportWorkers(): number {
  const workers = [...running]
  for (const worker of workers) void worker.terminate()
  return workers.length
}
