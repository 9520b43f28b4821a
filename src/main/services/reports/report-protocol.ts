/** What passes between `report-off-thread.ts` and the report pool's worker (`report-worker.ts`). */
import type { MessagePort } from 'node:worker_threads'
import type { ProduceReportOptions, ReportOutputs, ReportProgress } from './produce-report'

/** What the worker can receive of the options: plain data only (no callbacks, no signal). */
export type ReportWorkerOptions = Omit<
  ProduceReportOptions,
  'onProgress' | 'signal' | 'makePdf' | 'pdf'
>

/** One report task: its options and the port its progress is posted to (transferred). */
export interface ReportTask {
  options: ReportWorkerOptions
  progress: MessagePort
}

/**
 * A task's answer. The report's own failures (a tenant that is not in the design, any other
 * error) are answers, not thrown errors: an error's class does not survive the thread
 * boundary, and a rejected task then means the thread itself stopped.
 */
export type ReportTaskResult =
  | { type: 'done'; outputs: ReportOutputs }
  | { type: 'not-found'; message: string }
  | { type: 'refused'; message: string }
  | { type: 'failed'; message: string }

/** Posted on the task's progress port while it runs. */
export type ReportProgressMessage = ReportProgress
