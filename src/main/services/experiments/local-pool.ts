/**
 * Local execution of experiment runs on a worker-thread pool (piscina): every core by
 * default, one run per thread at a time, cancellable through an AbortSignal (runs in flight
 * are abandoned; finished ones were already handed to `onRecord`).
 */
import { availableParallelism } from 'node:os'
import { Piscina } from 'piscina'
import { MAX_EXPERIMENT_WORKERS } from '../../../shared/contract/schemas/experiments'
import type { RunRecord, RunSeries } from '../../engine'
import type { RunTask } from './execute-run'
import { experimentWorkerFile } from './pool-entry'

/** What an executor reports as runs start and end. */
export interface RunListener {
  onStart?: (task: RunTask) => void
  onRecord: (record: RunRecord) => void
  onFailure: (task: RunTask, message: string) => void
}

export interface LocalPoolOptions extends RunListener {
  /** Worker threads; default: every core (`os.availableParallelism()`). */
  workers?: number
  signal?: AbortSignal
  /** A pool to reuse (kept open afterwards); by default one is made and destroyed. */
  pool?: Piscina
}

/** A pool of `workers` threads running experiment runs. */
export function createRunPool(workers: number): Piscina {
  return new Piscina({
    filename: experimentWorkerFile(),
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
  })
}

/** The default number of local workers: one per core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism())
}

/**
 * The most local workers on this machine: twice its cores (runs are CPU-bound; more threads
 * only add ~32 MiB each), and never more than the contract's `MAX_EXPERIMENT_WORKERS`.
 */
export function maxWorkers(cores: number = availableParallelism()): number {
  return Math.min(MAX_EXPERIMENT_WORKERS, 2 * Math.max(1, cores))
}

/** Why `workers` is not a number of local workers for this machine, or undefined when it is. */
export function workersProblem(workers: number, cores?: number): string | undefined {
  if (!Number.isInteger(workers) || workers < 1)
    return `the number of workers must be a positive integer, got ${workers}`
  const max = maxWorkers(cores)
  if (workers > max)
    return `at most ${max} workers on this machine (twice its ${cores ?? availableParallelism()} cores, and never more than ${MAX_EXPERIMENT_WORKERS}), got ${workers}`
  return undefined
}

/**
 * Runs every task on a pool of `workers` threads; resolves when all have ended (or, after an
 * abort, when the pool has stopped) with whether it was cancelled.
 */
export async function runOnLocalPool(
  tasks: readonly RunTask[],
  options: LocalPoolOptions,
): Promise<{ cancelled: boolean }> {
  const workers = options.workers ?? defaultWorkers()
  const problem = workersProblem(workers)
  if (problem) throw new Error(problem)
  if (tasks.length === 0) return { cancelled: false }
  const pool = options.pool ?? createRunPool(Math.min(workers, tasks.length))
  const signal = options.signal
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < tasks.length && !signal?.aborted) {
      const task = tasks[next++] as RunTask
      options.onStart?.(task)
      try {
        const record = (await pool.run(task, signal ? { signal } : {})) as RunRecord
        options.onRecord(record)
      } catch (error) {
        if (signal?.aborted) return
        options.onFailure(task, (error as Error).message)
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(workers, tasks.length) }, lane))
  } finally {
    if (!options.pool) await pool.destroy()
  }
  return { cancelled: signal?.aborted ?? false }
}

/**
 * The series of each task (2-4 runs compared side by side), each simulated again in its own
 * pool thread (at most `workers`, default every core); in the order of `tasks`.
 */
export async function seriesOnLocalPool(
  tasks: readonly RunTask[],
  workers: number = defaultWorkers(),
): Promise<RunSeries[]> {
  if (tasks.length === 0) return []
  const pool = createRunPool(Math.max(1, Math.min(workers, tasks.length)))
  try {
    return (await Promise.all(
      tasks.map((task) => pool.run(task, { name: 'series' })),
    )) as RunSeries[]
  } finally {
    await pool.destroy()
  }
}
