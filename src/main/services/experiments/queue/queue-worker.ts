/**
 * A queue worker (`strata worker`): takes runs from the Redis queue with BullMQ and runs
 * each on its own worker-thread pool (so the event loop stays free to renew job locks while
 * a long run computes). A worker killed mid-run loses nothing: its lock lapses, another
 * worker's stalled-job check puts the run back, and it runs again elsewhere. A job's data and
 * the design parts it names are parsed and checked before it runs (`job-data.ts`).
 */
import { hostname } from 'node:os'
import { Piscina } from 'piscina'
import { UnrecoverableError, Worker } from 'bullmq'
import { Redis } from 'ioredis'
import type { Design } from '../../../../shared/design/schema'
import type { RunRecord } from '../../../engine'
import type { RunTask } from '../execute-run'
import { experimentWorkerFile } from '../pool-entry'
import {
  QUEUE_NAME,
  WORKER_TTL_S,
  partKey,
  runtimeMismatch,
  workerKey,
  type RunJobData,
  type Runtime,
  type WorkerInfo,
} from './protocol'
import { checkJobDesign, jobRuntime, MAX_PART_BYTES, parseJobData, parsePart } from './job-data'
import { connectRedis, redisOptions, safeUrl } from './redis'

export interface QueueWorkerOptions {
  url: string
  runtime: Runtime
  /** Runs at once (threads); default 1. */
  concurrency?: number
  /** Lock on a job, renewed every half; a dead worker's run is retried after it, ms. */
  lockMs?: number
  log?: (line: string) => void
}

export interface QueueWorkerHandle {
  name: string
  /** Stops taking runs; waits for runs in flight unless `force`. */
  close(force?: boolean): Promise<void>
}

/** Keeps the last design parts fetched (parsed, their digests checked), by digest. */
class PartCache {
  private readonly parts = new Map<string, unknown>()
  constructor(private readonly limit = 256) {}

  /**
   * The design of job `jobId` from its parts, checked as a coordinator checks a run's design
   * (`checkJobDesign`). Throws an `UnrecoverableError` naming the part and field.
   */
  async design(redis: Redis, jobId: string, job: RunJobData): Promise<Design> {
    const design: Record<string, unknown> = {}
    for (const [key, digest] of Object.entries(job.parts)) {
      let value = this.parts.get(digest)
      if (value === undefined) {
        const bytes = await redis.strlen(partKey(digest))
        value = parsePart(
          jobId,
          key,
          digest,
          bytes > MAX_PART_BYTES ? { bytes } : await redis.get(partKey(digest)),
        )
        this.parts.set(digest, value)
        if (this.parts.size > this.limit)
          this.parts.delete(this.parts.keys().next().value as string)
      }
      design[key] = value
    }
    return checkJobDesign(jobId, job, design)
  }
}

/** Connects (a clear error when Redis cannot be reached), registers and starts taking runs. */
export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorkerHandle> {
  const concurrency = options.concurrency ?? 1
  const lockMs = options.lockMs ?? 30_000
  const log = options.log ?? (() => {})
  const url = safeUrl(options.url)
  const redis = await connectRedis(options.url, { failFast: false })
  const name = `${hostname()}-${process.pid}`
  const info: WorkerInfo = {
    ...options.runtime,
    name,
    host: hostname(),
    pid: process.pid,
    concurrency,
  }
  const register = (): Promise<unknown> =>
    redis.set(workerKey(name), JSON.stringify(info), 'EX', WORKER_TTL_S).catch(() => undefined)
  await register()
  const heartbeat = setInterval(() => void register(), (WORKER_TTL_S * 1000) / 3)
  heartbeat.unref()
  const pool = new Piscina({
    filename: experimentWorkerFile(),
    minThreads: concurrency,
    maxThreads: concurrency,
    idleTimeout: 60_000,
  })
  const cache = new PartCache()
  let lostConnection = false
  const bullConnection = new Redis({ ...redisOptions(options.url), maxRetriesPerRequest: null })
  bullConnection.on('error', () => {}) // reported through the worker's 'error' event
  const worker = new Worker<RunJobData, RunRecord>(
    QUEUE_NAME,
    async (job) => {
      const jobId = job.id ?? job.name
      // The runtime first: another version may shape its jobs otherwise.
      const runtime = jobRuntime(jobId, job.data)
      const mismatch = runtimeMismatch(runtime, options.runtime, `${name}`)
      if (mismatch) {
        log(`strata worker: ${mismatch}`)
        throw new UnrecoverableError(mismatch)
      }
      const data = parseJobData(jobId, job.data)
      const task: RunTask = {
        id: data.id,
        index: data.index,
        designName: data.designName,
        factors: data.factors,
        repetition: data.repetition,
        seed: data.seed,
        design: await cache.design(redis, jobId, data),
      }
      try {
        return (await pool.run(task)) as RunRecord
      } catch (error) {
        // The engine is deterministic: the same run would fail the same way elsewhere.
        throw new UnrecoverableError((error as Error).message)
      }
    },
    {
      connection: bullConnection,
      concurrency,
      lockDuration: lockMs,
      stalledInterval: lockMs,
      maxStalledCount: 3,
    },
  )
  worker.on('error', (error) => {
    if (!lostConnection)
      log(`strata worker: lost the connection to Redis at ${url} (${error.message}); retrying`)
    lostConnection = true
  })
  worker.on('ready', () => {
    if (lostConnection) log(`strata worker: connected to Redis at ${url} again`)
    lostConnection = false
  })
  await worker.waitUntilReady()
  return {
    name,
    async close(force = false) {
      clearInterval(heartbeat)
      await worker.close(force)
      await redis.del(workerKey(name)).catch(() => undefined)
      redis.disconnect()
      bullConnection.disconnect()
      await pool.destroy()
    },
  }
}
