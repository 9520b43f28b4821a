/**
 * The experiment pool's worker thread (bundled as out/main/experiment-worker.js; from source
 * loaded through pool-worker-dev.mjs): piscina calls the default export once per run.
 */
import type { RunRecord } from '../../engine'
import { executeRun, type RunTask } from './execute-run'

export default function runTask(task: RunTask): RunRecord {
  return executeRun(task)
}
