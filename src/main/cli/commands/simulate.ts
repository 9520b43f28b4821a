/**
 * `strata simulate FILE [--policy NAME] [--seed N] [--json] [--result OUT.json] [--parquet DIR]
 * [--progress-every-s S]`: run a design over time; `--parquet` writes its series and per-tenant
 * tables as Parquet. Progress goes to stderr (`simulate-progress.ts`): a bar on a terminal, else
 * a line every S seconds (default 10). Ctrl+C (SIGINT) and SIGTERM stop the run between two
 * slices of events, say the simulated time reached and that nothing was written, and exit 130
 * (SIGINT) or 143 (SIGTERM), as `strata experiment run` does.
 */
import { clock, type PolicySpec } from '../../engine'
import { resolvePolicy } from '../../engine'
import { openSimulation, SimulationDriver } from '../../services/simulation/driver'
import { parseCliArgs, type CliCommand, type CliOptions } from '../command'
import { openRunnableDesign } from '../load-design-file'
import { writeResultParquet } from '../write-result-parquet'
import { writeOut } from '../write-output'
import { printSummary } from './simulate-summary'
import { simulateProgress } from './simulate-progress'

const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const

/** Least wall time between two yields to the event loop (signals, progress), ms. */
const YIELD_EVERY_MS = 100

/** The options, with what `--help` says of each. */
const SIMULATE_OPTIONS = {
  policy: {
    type: 'string',
    value: 'P',
    help: 'consolidation policy, e.g. thr-mmt-0.8 or dvfs',
    defaultText: "the design's",
  },
  seed: { type: 'string', value: 'N', help: 'seed of the run', defaultText: "the design's" },
  json: { type: 'boolean', help: 'print the summary as one JSON line' },
  result: { type: 'string', value: 'OUT.json', help: 'write the whole result as JSON' },
  parquet: {
    type: 'string',
    value: 'DIR',
    help: 'write its series and per-tenant tables as Parquet files',
  },
  'progress-every-s': {
    type: 'string',
    value: 'S',
    help: 'wall-clock seconds between progress lines on stderr when not a terminal',
    defaultText: '10',
  },
} as const satisfies CliOptions

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'simulate a design over time (energy, migrations, SLA, tenants)',
  usage:
    'strata simulate FILE [--policy P] [--seed N] [--json] [--result OUT.json] [--parquet DIR] [--progress-every-s S]',
  options: SIMULATE_OPTIONS,
  async run(args, io) {
    const parsed = parseCliArgs(this, args, SIMULATE_OPTIONS, io)
    if (!parsed) return 2
    const { positionals, values } = parsed
    const file = positionals[0]
    if (!file || positionals.length > 1) {
      io.err(`usage: ${this.usage}`)
      return 2
    }
    // Parsed once, before the design is read: a bad name fails fast, and the run takes the spec.
    let policy: PolicySpec | undefined
    if (values.policy !== undefined) {
      const parsed = resolvePolicy(values.policy)
      if (!parsed.ok) {
        io.err(`strata simulate: ${parsed.message}`)
        return 2
      }
      policy = parsed.policy
    }
    const seedFlag = values.seed
    let seed: number | undefined
    if (seedFlag !== undefined) {
      seed = Number(seedFlag)
      if (seedFlag.trim() === '' || !Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
        io.err(
          `strata simulate: --seed must be an integer 0..2147483647, got "${String(seedFlag)}"`,
        )
        return 2
      }
    }
    const every = values['progress-every-s']
    const lineGapS = every === undefined ? 10 : Number(every)
    if (!/^\d+$/.test(every ?? '10') || !(lineGapS >= 1)) {
      io.err(`strata simulate: --progress-every-s must be a whole number of seconds >= 1`)
      return 2
    }
    if (values.result?.trim() === '' || values.parquet?.trim() === '') {
      io.err(`strata simulate: --${values.result?.trim() === '' ? 'result' : 'parquet'} is empty`)
      return 2
    }
    // Signals are caught from here until the last file is written: during the load and the
    // placement (synchronous: the signal is seen once they return), the run, and the writes
    // (an atomic write is never cut short; the stop is reported after it).
    let stoppedBy: keyof typeof SIGNAL_EXIT | undefined
    const onSignal = (signal: NodeJS.Signals): void => {
      stoppedBy ??= signal === 'SIGTERM' ? 'SIGTERM' : 'SIGINT'
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
    try {
      const loaded = openRunnableDesign(file, io.cwd, 'simulate it', io.err)
      if (!loaded.ok) return loaded.exitCode
      const resultFile = values.result
      let sim
      try {
        sim = openSimulation(loaded.design, {
          ...(policy !== undefined ? { policy } : {}),
          ...(seed !== undefined ? { seed } : {}),
          hostSeries: resultFile !== undefined || values.parquet !== undefined,
        })
      } catch (error) {
        // a design the run refuses before placement (e.g. traffic over the flow limit)
        io.err(`strata simulate: ${file}: ${(error as Error).message}`)
        return 1
      }
      // A signal that came during the load or the placement: the event loop turns here.
      await new Promise<void>((resume) => setImmediate(resume))
      if (stoppedBy) {
        io.err(`strata simulate: stopped by ${stoppedBy} before the run began; nothing written`)
        return SIGNAL_EXIT[stoppedBy]
      }
      const view = simulateProgress(process.stderr, { print: io.err, lineGapMs: lineGapS * 1000 })
      let lastYieldMs = performance.now()
      let result
      try {
        result = await new SimulationDriver(sim).runToEnd({
          // between slices: at most every YIELD_EVERY_MS, progress and a turn of the event loop
          // (where a signal is handled)
          between: (s) => {
            const now = performance.now()
            if (now - lastYieldMs < YIELD_EVERY_MS) return
            lastYieldMs = now
            view.update(s.virtualTimeS, s.state.horizonS)
            return new Promise<void>((resume) => setImmediate(resume))
          },
          stop: () => stoppedBy !== undefined,
        })
      } finally {
        view.stop()
      }
      if (!result) {
        const by = stoppedBy ?? 'SIGINT'
        io.err(
          `strata simulate: stopped by ${by} at ${clock(sim.virtualTimeS)} of ` +
            `${clock(sim.state.horizonS)} simulated; nothing written`,
        )
        return SIGNAL_EXIT[by]
      }
      if (resultFile !== undefined) {
        const written = await writeOut(resultFile, io.cwd, JSON.stringify(result))
        if (!written.ok) {
          io.err(`strata simulate: ${written.message}`)
          return 1
        }
      }
      if (values.parquet !== undefined) {
        try {
          const files = await writeResultParquet(result, values.parquet, io.cwd)
          if (!values.json) io.out(`wrote ${files.join(', ')}`)
        } catch (error) {
          io.err(`strata simulate: cannot write the Parquet tables: ${(error as Error).message}`)
          return 1
        }
      }
      if (stoppedBy) {
        io.err(`strata simulate: stopped by ${stoppedBy} after the run; its files are written`)
        return SIGNAL_EXIT[stoppedBy]
      }
      printSummary(loaded.design, result, values.json === true, io)
      return 0
    } finally {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  },
}
