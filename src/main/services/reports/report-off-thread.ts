/**
 * Reports made off the event loop (review s5 #1) on a small pool of worker threads (piscina;
 * review s6 #1, #2): placement, simulation, model, HTML and CSV in a pool thread, so a big
 * design's report never holds the web host's other sessions.
 * - At most `MAX_REPORT_WORKERS` jobs run at once; up to `MAX_QUEUED_REPORTS` more wait,
 *   and a job past that is refused with `ReportQueueFull` (never queued without bound).
 * - Each thread's heap is bounded (`REPORT_WORKER_HEAP_MIB`): beyond it the job fails with
 *   a clear message and only its thread ends; the process lives on.
 * - A cancel (the caller's, or its last socket closing) aborts the job's task: waiting, it
 *   leaves the queue; running, piscina terminates the thread running it (whatever long step
 *   it is in), and no other job's.
 * - The queue is ours, in front of piscina: a job is handed to piscina only when a thread is
 *   free for it, and each job that ends (done, failed, aborted) hands on the next waiting one
 *   (review s7b #1). piscina 5.3.2 with `minThreads: 0` terminates an aborted running task's
 *   thread and then starts no thread for the tasks left in its own queue (it only spawns on a
 *   new submission or when a thread becomes free), so they waited for ever on a quiet host.
 * - Threads are reused between jobs (a thread started from source costs seconds) and end
 *   after `IDLE_MS` without work; `destroyReportPool` ends them all (shutdown).
 * - The PDF, which needs the shell (Chromium), is made on this thread from the worker's HTML,
 *   within the job's turn: a job ends when its PDF is done, so at most `MAX_REPORT_WORKERS`
 *   jobs place, simulate, write or print at once, and at most that many browsers run (review
 *   s8a #5: a job left the bound when its HTML was made, and 3 browsers printed at once).
 * Without a worker module (a build without `report-worker.js`) a report is made on this thread.
 */
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MessageChannel } from 'node:worker_threads'
import { Piscina } from 'piscina'
import { htmlToPdfWithChromium } from './pdf'
import {
  produceReport,
  ReportCancelled,
  ReportRefused,
  ReportTenantNotFound,
  type ProduceReportOptions,
  type ReportOutputs,
  type ReportProgress,
} from './produce-report'
import type { ReportTask, ReportTaskResult } from './report-protocol'

/** Largest old-generation heap of one report thread, in MiB. */
export const REPORT_WORKER_HEAP_MIB = 1536
/** Report jobs running at once (pool threads). */
export const MAX_REPORT_WORKERS = 2
/** Report jobs waiting for a thread; one more is refused. */
export const MAX_QUEUED_REPORTS = 8
/** An idle pool thread ends after this long, in milliseconds. */
const IDLE_MS = 30_000

/** A report refused because too many are running and waiting already. */
export class ReportQueueFull extends Error {
  constructor(pending: number, threads: number, queued: number) {
    super(
      `${pending} reports are already running or waiting (at most ${threads} run and ` +
        `${queued} wait); try again when one has finished`,
    )
    this.name = 'ReportQueueFull'
  }
}

/**
 * The report worker module for piscina: from the bundle, `report-worker.js` beside it (or in
 * its parent, from a shared chunk); from source, `report-worker-dev.mjs` (registers tsx).
 * `undefined` when neither exists.
 */
export function reportWorkerFile(moduleUrl: string = import.meta.url): string | undefined {
  const here = fileURLToPath(moduleUrl)
  const dir = dirname(here)
  const candidates = here.endsWith('.ts')
    ? [join(dir, 'report-worker-dev.mjs')]
    : [join(dir, 'report-worker.js'), join(dir, '..', 'report-worker.js')]
  return candidates.find((candidate) => existsSync(candidate))
}

/**
 * A report the pool could not make: its thread passed the heap bound, or stopped (shutdown).
 * Its message is for the user (the handler answers it `unavailable`, not `internal`).
 */
export class ReportWorkerError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ReportWorkerError'
  }
}

/** Why a job fails that was waiting when the pool ended (shutdown). */
const POOL_CLOSED = 'the report worker stopped: the report pool was closed'

/** The worker's own error, passed on as it said it (not a thread that stopped). */
class ReportFailed extends Error {}

/** How a report pool is made; the defaults are the constants above. */
export interface ReportPoolOptions {
  /** The worker module (see `reportWorkerFile`). */
  filename: string
  heapMiB?: number
  threads?: number
  queued?: number
}

const outOfMemory = (error: unknown): boolean =>
  (error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY'

/** A bounded pool of report threads (see the file's comment). */
export class ReportPool {
  private readonly pool: Piscina
  private readonly heapMiB: number
  private readonly threadCap: number
  private readonly queueCap: number
  private pending = 0
  private started = 0
  /** Jobs handed to piscina (each has, or is getting, a thread of its own). */
  private inPool = 0
  /** Jobs waiting for a thread, oldest first: `start` hands one to piscina, `fail` ends it. */
  private readonly waiting: Array<{ start: () => void; fail: (error: Error) => void }> = []
  private destroyed = false

  constructor(options: ReportPoolOptions) {
    this.heapMiB = options.heapMiB ?? REPORT_WORKER_HEAP_MIB
    const threads = (this.threadCap = options.threads ?? MAX_REPORT_WORKERS)
    this.queueCap = options.queued ?? MAX_QUEUED_REPORTS
    this.pool = new Piscina({
      filename: options.filename,
      minThreads: 0,
      maxThreads: threads,
      // Never more tasks than threads reach piscina (the queue is `waiting`, above).
      maxQueue: threads,
      idleTimeout: IDLE_MS,
      resourceLimits: { maxOldGenerationSizeMb: this.heapMiB },
    })
    // A thread that fails with no task of its own (rare) must not throw on the host.
    this.pool.on('error', () => undefined)
    this.pool.on('workerCreate', () => this.started++)
  }

  /** Threads started so far (a thread is reused by job after job until it idles out). */
  get threadsStarted(): number {
    return this.started
  }

  /** Jobs running or waiting now. */
  get jobs(): number {
    return this.pending
  }

  /** Threads alive now (running a job or idle). */
  get threads(): number {
    return this.pool.threads.length
  }

  /**
   * Makes one report (without its PDF) in a pool thread; a job that has to wait for a thread
   * first reports progress `queued` (fraction 0). Throws `ReportQueueFull` at once
   * when the pool is full, `ReportCancelled` when `signal` aborts (waiting or running),
   * `ReportTenantNotFound`, `ReportRefused`, or an `Error` (the heap bound's, the worker's).
   */
  async run(options: ProduceReportOptions): Promise<ReportOutputs> {
    const { onProgress, signal, makePdf, pdf, ...data } = options
    if (signal?.aborted) throw new ReportCancelled()
    if (this.pending >= this.threadCap + this.queueCap)
      throw new ReportQueueFull(this.pending, this.threadCap, this.queueCap)
    const channel = new MessageChannel()
    channel.port1.on('message', (p: ReportProgress) => {
      if (!(pdf === true && p.stage === 'done')) onProgress?.(p)
    })
    const task: ReportTask = {
      options: { ...data, html: data.html === true || pdf === true },
      progress: channel.port2,
    }
    this.pending++
    let handedOn = false
    try {
      await this.turn(signal, () => onProgress?.({ stage: 'queued', fraction: 0 }))
      handedOn = true
      const result = (await this.pool.run(task, {
        transferList: [channel.port2],
        ...(signal ? { signal } : {}),
      })) as ReportTaskResult
      if (result.type === 'not-found') throw new ReportTenantNotFound(result.message)
      if (result.type === 'refused') throw new ReportRefused(result.message)
      if (result.type === 'failed') throw new ReportFailed(result.message)
      const outputs = result.outputs
      // Printed before the job's turn ends: the browser counts against the pool's bound.
      if (pdf === true && outputs.html)
        outputs.pdf = await printPdf(outputs.html, makePdf, signal, onProgress)
      return outputs
    } catch (error) {
      if (signal?.aborted) throw new ReportCancelled()
      if (outOfMemory(error))
        throw new ReportWorkerError(
          `the report needs more memory than allowed (${this.heapMiB} MiB); ` +
            'export a smaller design, or simulate it first so the report reuses that run',
          { cause: error },
        )
      if (
        error instanceof ReportTenantNotFound ||
        error instanceof ReportRefused ||
        error instanceof ReportFailed ||
        error instanceof ReportWorkerError
      )
        throw error
      throw new ReportWorkerError(`the report worker stopped: ${(error as Error).message}`, {
        cause: error,
      })
    } finally {
      this.pending--
      channel.port1.close()
      if (handedOn) {
        this.inPool--
        this.next()
      }
    }
  }

  /**
   * Resolves when a thread is free for the job (at once when fewer than `threadCap` jobs are
   * in piscina), calling `onQueued` first when it has to wait; rejects `ReportCancelled` if
   * `signal` aborts while it waits.
   */
  private turn(signal: AbortSignal | undefined, onQueued: () => void): Promise<void> {
    if (this.destroyed) return Promise.reject(new ReportWorkerError(POOL_CLOSED))
    if (this.inPool < this.threadCap && this.waiting.length === 0) {
      this.inPool++
      return Promise.resolve()
    }
    return new Promise<void>((resolve, reject) => {
      const entry = {
        start: (): void => {
          signal?.removeEventListener('abort', onAbort)
          this.inPool++
          resolve()
        },
        fail: (error: Error): void => {
          signal?.removeEventListener('abort', onAbort)
          reject(error)
        },
      }
      const onAbort = (): void => {
        const at = this.waiting.indexOf(entry)
        if (at >= 0) this.waiting.splice(at, 1)
        reject(new ReportCancelled())
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.waiting.push(entry)
      onQueued()
    })
  }

  /** Hands waiting jobs to piscina while threads are free. */
  private next(): void {
    while (this.inPool < this.threadCap && this.waiting.length > 0) this.waiting.shift()?.start()
  }

  /** Ends every thread; running and waiting jobs fail. */
  async destroy(): Promise<void> {
    this.destroyed = true
    for (const entry of this.waiting.splice(0)) entry.fail(new ReportWorkerError(POOL_CLOSED))
    await this.pool.destroy()
  }
}

/**
 * `html` printed to PDF by `make` (default headless Chromium), with its progress; the browser
 * stops with `signal` (a cancel, the host's shutdown). Throws `ReportCancelled` when it
 * aborts, `ReportWorkerError` naming why the PDF could not be made.
 */
async function printPdf(
  html: string,
  make: ProduceReportOptions['makePdf'],
  signal: AbortSignal | undefined,
  onProgress: ProduceReportOptions['onProgress'],
): Promise<Uint8Array> {
  if (signal?.aborted) throw new ReportCancelled()
  onProgress?.({ stage: 'pdf', fraction: 0.88 })
  try {
    const bytes = await (make ?? htmlToPdfWithChromium)(html, signal)
    onProgress?.({ stage: 'done', fraction: 1 })
    return bytes
  } catch (error) {
    if (signal?.aborted) throw new ReportCancelled()
    throw new ReportWorkerError(`the PDF could not be made: ${(error as Error).message}`, {
      cause: error,
    })
  }
}

/** The process's report pool, made on the first job. */
let shared: ReportPool | undefined

/**
 * As `produceReport`, in a thread of the process's report pool; throws as `ReportPool.run`.
 * @param filename the worker module (default: `reportWorkerFile()`; `null`: this thread).
 */
export async function produceReportOffThread(
  options: ProduceReportOptions,
  filename: string | null | undefined = reportWorkerFile(),
): Promise<ReportOutputs> {
  if (!filename) return produceReport(options)
  shared ??= new ReportPool({ filename })
  return shared.run(options)
}

/** Report jobs running or waiting in the process's pool now. */
export function reportJobsInPool(): number {
  return shared?.jobs ?? 0
}

/** Report threads alive in the process's pool now. */
export function reportThreads(): number {
  return shared?.threads ?? 0
}

/**
 * Ends the process's report pool (shutdown): every thread is terminated, running and waiting
 * jobs fail. Returns how many jobs there were.
 */
export async function destroyReportPool(): Promise<number> {
  const pool = shared
  shared = undefined
  if (!pool) return 0
  const jobs = pool.jobs
  await pool.destroy()
  return jobs
}
