/**
 * The experiment pool's worker thread (bundled as out/main/experiment-worker.js; from source
 * loaded through pool-worker-dev.mjs): piscina calls the default export once per run, and
 * `series` (by name) for a run's series when runs are compared side by side.
 */
import type { RunRecord, RunSeries } from '../../engine'
import { executeRun, executeRunSeries, type RunTask } from './execute-run'

export default function runTask(task: RunTask): RunRecord {
  return executeRun(task)
}

/** A run's datacenter-wide series (piscina's `name: 'series'`). */
export function series(task: RunTask): RunSeries {
  return executeRunSeries(task)
}
