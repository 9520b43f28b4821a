/** Messages between `report-off-thread.ts` and the report worker (`report-worker.ts`). */
import type { ProduceReportOptions, ReportOutputs, ReportProgress } from './produce-report'

/** What the worker can receive of the options: plain data only (no callbacks, no signal). */
export type ReportWorkerOptions = Omit<
  ProduceReportOptions,
  'onProgress' | 'signal' | 'makePdf' | 'pdf'
>

/** To the worker: start a report job, or cancel one (it stops at its next slice). */
export type ToReportWorker =
  { type: 'start'; jobId: number; options: ReportWorkerOptions } | { type: 'cancel'; jobId: number }

/** From the worker, about one job. */
export type FromReportWorker =
  | { type: 'progress'; jobId: number; progress: ReportProgress }
  | { type: 'done'; jobId: number; outputs: ReportOutputs }
  | { type: 'error'; jobId: number; kind: 'cancelled' | 'not-found' | 'failed'; message: string }
