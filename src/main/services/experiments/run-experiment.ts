/**
 * Runs a planned experiment through an executor (the local pool or the Redis queue):
 * gives each run its stable id, skips runs whose results are already in the output folder,
 * stores each record as it arrives, reports progress, and writes the tables at the end.
 */
import { performance } from 'node:perf_hooks'
import type { FactorValue } from '../../../shared/experiment/spec'
import type { ExperimentPlan, RunRecord } from '../../engine'
import type { RunTask } from './execute-run'
import type { RunListener } from './local-pool'
import { ProgressTracker, type ExperimentProgress } from './progress'
import { engineHash } from './engine-hash'
import { runId } from './run-id'
import { Slicer } from './slices'
import { RunStore } from './store'
import { writeResultTables } from './write-tables'

/** Runs tasks and reports each end to the listener (see `runOnLocalPool`). */
export type Executor = (
  tasks: readonly RunTask[],
  listener: RunListener,
) => Promise<{ cancelled: boolean }>

export interface RunFailure {
  id: string
  index: number
  factors: Record<string, FactorValue>
  message: string
}

export interface ExperimentOutcome {
  /** Runs in the plan. */
  runs: number
  /** Runs with results (including those found in the output folder). */
  done: number
  failed: number
  /** Runs not rerun because their results were already stored. */
  skipped: number
  cancelled: boolean
  elapsedMs: number
  /** Every run's record, in plan order. */
  records: RunRecord[]
  failures: RunFailure[]
  outDir: string
  /** Files written in the output folder. */
  files: string[]
}

export interface RunExperimentOptions {
  outDir: string
  strataVersion: string
  /** The engine's source hash in run ids; default `engineHash()` (the running engine's). */
  engineVersion?: string
  execute: Executor
  onProgress?: (progress: ExperimentProgress) => void
  /** Runs given their ids so far, before any run starts (a large plan takes a while). */
  onPlanning?: (planned: { done: number; total: number }) => void
  /** A stored run record that is damaged (its file and field); the run is done again. */
  onWarning?: (message: string) => void
}

/** The tasks of a plan with their stable ids. */
export function planTasks(
  plan: ExperimentPlan,
  strataVersion: string,
  engineVersion: string = engineHash(),
): RunTask[] {
  return plan.runs.map((run) => ({
    id: runId(run.design, strataVersion, engineVersion),
    index: run.index,
    designName: run.designName,
    factors: run.factors,
    repetition: run.repetition,
    seed: run.seed,
    design: run.design,
  }))
}

/**
 * `planTasks` in slices that yield to the event loop (100,000 ids take seconds), reporting
 * how many runs have their id.
 */
export async function planTasksInSlices(
  plan: ExperimentPlan,
  strataVersion: string,
  engineVersion: string,
  onPlanning?: (planned: { done: number; total: number }) => void,
  slicer: Slicer = new Slicer(),
): Promise<RunTask[]> {
  const total = plan.runs.length
  const tasks: RunTask[] = []
  for (const run of plan.runs) {
    tasks.push({
      id: runId(run.design, strataVersion, engineVersion),
      index: run.index,
      designName: run.designName,
      factors: run.factors,
      repetition: run.repetition,
      seed: run.seed,
      design: run.design,
    })
    if (tasks.length % 1000 === 0) onPlanning?.({ done: tasks.length, total })
    await slicer.tick()
  }
  onPlanning?.({ done: total, total })
  return tasks
}

export async function runExperiment(
  plan: ExperimentPlan,
  options: RunExperimentOptions,
): Promise<ExperimentOutcome> {
  const t0 = performance.now()
  const store = new RunStore(options.outDir).open()
  const engineVersion = options.engineVersion ?? engineHash()
  const slicer = new Slicer()
  const tasks = await planTasksInSlices(
    plan,
    options.strataVersion,
    engineVersion,
    options.onPlanning,
    slicer,
  )
  const byId = new Map<string, RunRecord>()
  const todo: RunTask[] = []
  const seen = new Set<string>()
  for (const task of tasks) {
    await slicer.tick()
    const stored = seen.has(task.id) ? undefined : store.read(task.id, options.onWarning)
    if (stored) byId.set(task.id, stored)
    // Two identical runs (same design and seed) are one run.
    else if (!seen.has(task.id)) todo.push(task)
    seen.add(task.id)
  }
  store.writeFile(
    'plan.json',
    JSON.stringify(
      {
        name: plan.name,
        strataVersion: options.strataVersion,
        engineVersion,
        factorNames: plan.factorNames,
        combinations: plan.combinations,
        repeat: plan.repeat,
        runs: tasks.map(({ id, index, designName, factors, repetition, seed }) => ({
          id,
          index,
          designName,
          factors,
          repetition,
          seed,
        })),
      },
      null,
      2,
    ) + '\n',
  )
  const todoIds = new Set(todo.map((t) => t.id))
  const skipped = byId.size
  const progress = new ProgressTracker(seen.size, skipped, () => performance.now())
  const report = (): void => options.onProgress?.(progress.snapshot())
  const failures = new Map<string, RunFailure>()
  report()
  const { cancelled } = await options.execute(todo, {
    onStart: () => {
      progress.started()
      report()
    },
    onRecord: (record) => {
      // Only a record of a run this experiment handed out is kept (an executor is told).
      if (byId.has(record.id) || !todoIds.has(record.id)) return
      // A record that cannot be stored still counts in this experiment's tables.
      try {
        store.write(record)
      } catch (error) {
        options.onWarning?.(
          `${(error as Error).message}; the run is in this experiment's tables, and runs again next time`,
        )
      }
      byId.set(record.id, record)
      failures.delete(record.id)
      progress.finished(true)
      report()
    },
    onFailure: (task, message) => {
      failures.set(task.id, { id: task.id, index: task.index, factors: task.factors, message })
      progress.finished(false)
      report()
    },
  })
  // Every run in plan order; a duplicate run shares its twin's record under its own place.
  const records = tasks.flatMap((task) => {
    const r = byId.get(task.id)
    return r
      ? [
          {
            ...r,
            index: task.index,
            factors: task.factors,
            repetition: task.repetition,
            designName: task.designName,
          },
        ]
      : []
  })
  const files = writeResultTables(store, plan, records)
  return {
    runs: tasks.length,
    done: records.length,
    failed: failures.size,
    skipped,
    cancelled,
    elapsedMs: performance.now() - t0,
    records,
    failures: [...failures.values()].sort((a, b) => a.index - b.index),
    outDir: options.outDir,
    files,
  }
}
