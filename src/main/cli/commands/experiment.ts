/**
 * `strata experiment run SPEC.json [--workers N] [--queue redis://HOST:PORT] [--out DIR] [--json]
 * [--progress-every-s S]`: runs every run of an experiment spec on a local worker-thread pool
 * (every core by default) or through a Redis queue, skips runs already stored in the output
 * folder, and writes the results tables, and prints the table of means with 95 % CIs per
 * combination. `--json` prints `{runs, done, failed, elapsedMs, results: [{id, factors, summary}]}`.
 *
 * Progress goes to stderr: a bar on a terminal, else a line every S seconds (default 10).
 * Ctrl+C (SIGINT) and SIGTERM stop it alike: the runs in progress are dropped, the finished ones
 * are written to the results tables, and the exit code is 130 (SIGINT) or 143 (SIGTERM); the
 * same command again runs only what is missing.
 */
import { parseCliArgs, type CliCommand, type CliIo, type CliOptions } from '../command'
import { printProblems } from '../load-design-file'
import { defaultOutDir, loadExperiment } from '../../services/experiments/load-experiment'
import {
  defaultWorkers,
  workersProblem,
  runOnLocalPool,
} from '../../services/experiments/local-pool'
import { runExperiment, type ExperimentOutcome } from '../../services/experiments/run-experiment'
import { appVersion } from '../../services/paths'
import { localRuntime } from '../../services/experiments/queue/protocol'
import { progressView } from './experiment-progress'
import { resultsTableText } from './experiment-table'
import { resolve } from 'node:path'

const USAGE =
  'strata experiment run SPEC.json [--workers N] [--queue redis://HOST:PORT] [--out DIR] [--json] [--progress-every-s S]'

/** Exit codes after a stop by signal (128 + the signal's number, as shells report it). */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const

function positiveInt(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined
  const n = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1)
    throw new Error(`--${name} must be a positive integer, got "${text}"`)
  return n
}

/** The `--json` object. */
export function outcomeJson(o: ExperimentOutcome): Record<string, unknown> {
  return {
    runs: o.runs,
    done: o.done,
    failed: o.failed,
    skipped: o.skipped,
    cancelled: o.cancelled,
    elapsedMs: Math.round(o.elapsedMs),
    outDir: o.outDir,
    results: o.records.map((r) => ({
      id: r.id,
      index: r.index,
      factors: r.factors,
      repetition: r.repetition,
      seed: r.seed,
      summary: r.summary,
      economics: r.economics,
      tenants: r.tenants,
    })),
    failures: o.failures,
  }
}

function printOutcome(io: CliIo, o: ExperimentOutcome, factorNames: readonly string[]): void {
  const table = resultsTableText(factorNames, o.records)
  if (table) io.out(table)
  const s = (o.elapsedMs / 1000).toFixed(1)
  io.out(
    `${o.runs} runs: ${o.done} done (${o.skipped} already stored), ${o.failed} failed${o.cancelled ? ', cancelled' : ''} in ${s} s`,
  )
  for (const f of o.failures)
    io.out(`  run ${f.index} (${JSON.stringify(f.factors)}) failed: ${f.message}`)
  for (const file of o.files) io.out(`  wrote ${file}`)
}

/** The options of `experiment run`, with what `strata experiment --help` says of each. */
export const EXPERIMENT_OPTIONS = {
  workers: {
    type: 'string',
    value: 'N',
    help: 'runs at once on this machine, one worker thread each (not with --queue)',
    defaultText: 'one per core',
  },
  queue: {
    type: 'string',
    value: 'redis://HOST:PORT',
    help: 'hand the runs to `strata worker`s through this Redis server',
  },
  out: {
    type: 'string',
    value: 'DIR',
    help: 'the folder of the results tables and one file per finished run',
    defaultText: 'SPEC without .strata-experiment.json, plus .results',
  },
  json: { type: 'boolean', help: 'print the outcome as JSON instead of the table' },
  'progress-every-s': {
    type: 'string',
    value: 'S',
    help: 'seconds between progress lines when stderr is not a terminal',
    defaultText: '10',
  },
} as const satisfies CliOptions

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(
    { name: 'experiment run', usage: USAGE },
    args,
    EXPERIMENT_OPTIONS,
    io,
  )
  if (!parsed) return 2
  const { values, positionals } = parsed
  if (positionals.length !== 1) {
    io.err(`usage: ${USAGE}`)
    return 2
  }
  let workers: number
  let runLineGapMs: number
  try {
    workers = positiveInt(values.workers, 'workers') ?? defaultWorkers()
    const problem = workersProblem(workers)
    if (problem) throw new Error(`--workers: ${problem}`)
    runLineGapMs = (positiveInt(values['progress-every-s'], 'progress-every-s') ?? 10) * 1000
  } catch (error) {
    io.err(`strata experiment run: ${(error as Error).message}`)
    return 2
  }
  if (values.queue !== undefined) {
    try {
      if (values.workers !== undefined)
        throw new Error(
          '--workers is for local runs; with --queue, start `strata worker --concurrency N`',
        )
      // The queue's modules (bullmq, ioredis) load only here: every other command starts without them.
      const { redisOptions } = await import('../../services/experiments/queue/redis')
      redisOptions(values.queue)
    } catch (error) {
      io.err(`strata experiment run: ${(error as Error).message}`)
      return 2
    }
  }
  const file = positionals[0] as string
  const view = progressView(process.stderr, { print: io.err, runLineGapMs })
  const loaded = await loadExperiment(file, io.cwd, (step) =>
    view.planning(step.phase, step.done, step.total),
  )
  if (!loaded.ok) {
    io.err(loaded.message)
    printProblems({ out: io.err }, file, loaded.problems)
    return 1
  }
  const outDir =
    values.out !== undefined ? resolve(io.cwd, values.out) : defaultOutDir(loaded.specPath)
  const abort = new AbortController()
  let stoppedBy: keyof typeof SIGNAL_EXIT | undefined
  const onSignal = (signal: NodeJS.Signals): void => {
    stoppedBy ??= signal === 'SIGTERM' ? 'SIGTERM' : 'SIGINT'
    abort.abort()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const queue =
    values.queue !== undefined
      ? await import('../../services/experiments/queue/coordinator')
      : undefined
  let outcome: ExperimentOutcome
  try {
    outcome = await runExperiment(loaded.plan, {
      outDir,
      strataVersion: appVersion(),
      execute:
        values.queue !== undefined && queue
          ? queue.queueExecutor({
              url: values.queue,
              runtime: localRuntime(appVersion()),
              signal: abort.signal,
            })
          : (tasks, listener) =>
              runOnLocalPool(tasks, { ...listener, workers, signal: abort.signal }),
      onProgress: (p) => view.update(p),
      onPlanning: (p) => view.planning('ids', p.done, p.total),
      onWarning: (message) => io.err(`strata experiment run: warning: ${message}`),
    })
  } catch (error) {
    view.stop()
    io.err(`strata experiment run: ${(error as Error).message}`)
    return 1
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
  view.stop()
  if (values.json) io.out(JSON.stringify(outcomeJson(outcome)))
  else printOutcome(io, outcome, loaded.plan.factorNames)
  if (outcome.cancelled) {
    io.err(
      `strata experiment run: stopped by ${stoppedBy ?? 'a signal'}; the ${outcome.done} finished ` +
        `runs are in the results tables; run the same command again to run the other ` +
        `${outcome.runs - outcome.done}`,
    )
    return SIGNAL_EXIT[stoppedBy ?? 'SIGINT']
  }
  return outcome.failed > 0 ? 1 : 0
}

export const experimentCommand: CliCommand = {
  name: 'experiment',
  summary: 'run an experiment spec (sweeps x repetitions) on every core; results table',
  usage: USAGE,
  options: EXPERIMENT_OPTIONS,
  async run(args, io) {
    const [sub, ...rest] = args
    if (sub !== 'run') {
      io.err(`usage: ${USAGE}`)
      return 2
    }
    return run(rest, io)
  },
}
