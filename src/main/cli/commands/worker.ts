/**
 * `strata worker --queue redis://HOST:PORT [--concurrency N] [--lock-ms MS]`: takes
 * experiment runs from a Redis queue until stopped (SIGINT / SIGTERM: finish the runs in
 * flight; a second signal stops at once and the runs go back to the queue).
 */
import { localRuntime } from '../../services/experiments/queue/protocol'
import { appVersion } from '../../services/paths'
import { parseCliArgs, type CliCommand, type CliOptions } from '../command'

const USAGE = 'strata worker --queue redis://HOST:PORT [--concurrency N] [--lock-ms MS]'

/** The options, with what `strata worker --help` says of each. */
export const WORKER_OPTIONS = {
  queue: {
    type: 'string',
    value: 'redis://HOST:PORT',
    help: 'the Redis server of the experiment queue (required)',
  },
  concurrency: {
    type: 'string',
    value: 'N',
    help: 'runs at once on this machine, one thread each',
    defaultText: '1',
  },
  'lock-ms': {
    type: 'string',
    value: 'MS',
    help: "lock on a run, renewed every half; a dead worker's run is retried after it",
    defaultText: '30000',
  },
} as const satisfies CliOptions

function positiveInt(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback
  const n = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1)
    throw new Error(`--${name} must be a positive integer, got "${text}"`)
  return n
}

export const workerCommand: CliCommand = {
  name: 'worker',
  summary: 'take experiment runs from a Redis queue (run on any number of machines)',
  usage: USAGE,
  options: WORKER_OPTIONS,
  async run(args, io) {
    let queue: string
    let concurrency: number
    let lockMs: number
    const parsed = parseCliArgs(this, args, WORKER_OPTIONS, io)
    if (!parsed) return 2
    try {
      const { values, positionals } = parsed
      if (positionals.length > 0) throw new Error(`unexpected argument "${positionals[0]}"`)
      if (values.queue === undefined) throw new Error('--queue redis://HOST:PORT is required')
      queue = values.queue
      concurrency = positiveInt(values.concurrency, 'concurrency', 1)
      lockMs = positiveInt(values['lock-ms'], 'lock-ms', 30_000)
    } catch (error) {
      io.err(`strata worker: ${(error as Error).message}`)
      io.err(`usage: ${USAGE}`)
      return 2
    }
    const runtime = localRuntime(appVersion())
    // The queue's modules (bullmq, ioredis) load only here: every other command starts without them.
    const { startQueueWorker } = await import('../../services/experiments/queue/queue-worker')
    const { safeUrl } = await import('../../services/experiments/queue/redis')
    let handle
    try {
      handle = await startQueueWorker({ url: queue, runtime, concurrency, lockMs, log: io.err })
    } catch (error) {
      io.err(`strata worker: ${(error as Error).message}`)
      return 1
    }
    io.out(
      `strata worker ${handle.name}: taking runs from ${safeUrl(queue)} (concurrency ${concurrency}, Strata ${runtime.strataVersion}, Node ${runtime.nodeMajor})`,
    )
    const worker = handle
    await new Promise<void>((resolve) => {
      let stopping = false
      const stop = (): void => {
        if (stopping) {
          void worker.close(true).then(resolve)
          return
        }
        stopping = true
        io.err('strata worker: finishing the runs in flight (signal again to stop at once)')
        void worker.close(false).then(resolve)
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
    io.err('strata worker: stopped')
    return 0
  },
}
