/**
 * Experiment throughput (issue 16): the same plan of runs on a local pool of 1 and of N
 * workers (N = cores), and on a Redis queue with 1 and 2 `strata worker` processes
 * (concurrency 1 each; a real redis-server on a free port). Prints runs per minute, each as a
 * ratio to one local worker, and the queue's overhead per run (1 queue worker against 1
 * local worker). Workers are started before the clock runs; their start-up is not counted.
 */
import { availableParallelism, loadavg } from 'node:os'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { ExperimentPlan } from '../../src/main/engine'
import { loadExperiment } from '../../src/main/services/experiments/load-experiment'
import { createRunPool, runOnLocalPool } from '../../src/main/services/experiments/local-pool'
import { queueExecutor } from '../../src/main/services/experiments/queue/coordinator'
import { localRuntime } from '../../src/main/services/experiments/queue/protocol'
import {
  planTasks,
  runExperiment,
  type Executor,
} from '../../src/main/services/experiments/run-experiment'
import { appVersion } from '../../src/main/services/paths'
import { startRedis, startWorker, stop } from '../../test/experiments/redis-process'

const SPEC = 'test/fixtures/experiments/policies.strata-experiment.json'
/** Two weeks of virtual time per run, so a run outweighs the per-run bookkeeping. */
const HORIZON_S = 14 * 86_400

async function plan(): Promise<ExperimentPlan> {
  const loaded = await loadExperiment(SPEC, process.cwd())
  if (!loaded.ok) throw new Error(loaded.message)
  const p = loaded.plan
  return {
    ...p,
    runs: p.runs.map((r) => ({
      ...r,
      design: { ...r.design, simulation: { ...r.design.simulation, horizonS: HORIZON_S } },
    })),
  }
}

async function time(execute: Executor, limit?: number): Promise<{ ms: number; runs: number }> {
  const full = await plan()
  const p = limit === undefined ? full : { ...full, runs: full.runs.slice(0, limit) }
  const t0 = performance.now()
  const outcome = await runExperiment(p, {
    outDir: mkdtempSync(join(tmpdir(), 'strata-bench-exp-')),
    strataVersion: appVersion(),
    execute,
  })
  if (outcome.failed > 0 || outcome.done !== p.runs.length) throw new Error('bench runs failed')
  return { ms: performance.now() - t0, runs: outcome.done }
}

export async function run(): Promise<void> {
  const cores = availableParallelism()
  const rows: Array<[string, { ms: number; runs: number }]> = []
  for (const workers of [1, cores]) {
    // Threads are started and warmed (one run each) before the clock runs, as queue workers are.
    const pool = createRunPool(workers)
    const warm = planTasks(await plan(), appVersion()).slice(0, workers)
    await Promise.all(warm.map((t) => pool.run(t)))
    const execute: Executor = (tasks, l) => runOnLocalPool(tasks, { ...l, workers, pool })
    rows.push([`local, ${workers} worker${workers > 1 ? 's' : ''}`, await time(execute)])
    await pool.destroy()
  }
  const redis = await startRedis()
  const runtime = localRuntime(appVersion())
  try {
    const first = await startWorker(redis.url)
    // Warm the worker's thread with a run of its own before the clock runs.
    await time(queueExecutor({ url: redis.url, runtime, pollMs: 50 }), 1)
    rows.push([
      'queue, 1 worker process',
      await time(queueExecutor({ url: redis.url, runtime, pollMs: 50 })),
    ])
    const second = await startWorker(redis.url)
    await time(queueExecutor({ url: redis.url, runtime, pollMs: 50 }), 2)
    rows.push([
      'queue, 2 worker processes',
      await time(queueExecutor({ url: redis.url, runtime, pollMs: 50 })),
    ])
    await stop(first.child)
    await stop(second.child)
  } finally {
    await stop(redis.child)
  }
  const base = rows[0]?.[1] as { ms: number; runs: number }
  const perMinute = (r: { ms: number; runs: number }): number => (r.runs / r.ms) * 60_000
  console.log(
    `${base.runs} runs of two-hall over ${HORIZON_S / 86_400} days each; ${cores} cores, load average ${loadavg()[0]?.toFixed(1)} (ratios mean little on a loaded machine)`,
  )
  for (const [label, r] of rows)
    console.log(
      `${label.padEnd(28)} ${perMinute(r).toFixed(1).padStart(7)} runs/min   x${(perMinute(r) / perMinute(base)).toFixed(2)} of one local worker`,
    )
  const queue1 = rows[2]?.[1] as { ms: number; runs: number }
  console.log(
    `queue overhead per run       ${((queue1.ms - base.ms) / base.runs).toFixed(1)} ms (1 queue worker vs 1 local worker)`,
  )
}
