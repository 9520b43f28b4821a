/**
 * The coordinator side of distributed execution: stores each distinct design part once,
 * enqueues one BullMQ job per run (id `<experiment key>-<run id>`, so a rerun of the same
 * spec finds its jobs again), then collects finished jobs by polling until every run has
 * ended. Finished jobs are removed once their record is stored. A lost connection, a
 * missing Redis and a version mismatch are errors that say so; the output folder keeps every
 * collected run, so running the same command again resumes.
 */
import { createHash } from 'node:crypto'
import { Job, Queue } from 'bullmq'
import type { Redis } from 'ioredis'
import type { RunRecord } from '../../../engine'
import type { RunTask } from '../execute-run'
import type { RunListener } from '../local-pool'
import { digestOf } from '../run-id'
import {
  PART_TTL_S,
  QUEUE_NAME,
  partKey,
  runtimeMismatch,
  workerKey,
  type RunJobData,
  type Runtime,
  type WorkerInfo,
} from './protocol'
import { connectRedis, safeUrl } from './redis'

export interface QueueExecutorOptions {
  url: string
  runtime: Runtime
  signal?: AbortSignal
  /** How often finished jobs are collected, ms. */
  pollMs?: number
  /** After this long without Redis, give up, ms. */
  connectionLossMs?: number
  /** Attempts per run (a stalled run counts too; engine errors are not retried). */
  attempts?: number
}

/** Jobs of one experiment share this prefix: a digest of the sorted run ids. */
export function experimentKey(tasks: readonly RunTask[]): string {
  const ids = tasks.map((t) => t.id).sort()
  return createHash('sha256').update(ids.join('\n')).digest('hex').slice(0, 16)
}

/** Registered workers whose version differs from ours: a message, else undefined. */
async function checkWorkers(redis: Redis, runtime: Runtime): Promise<string | undefined> {
  const keys: string[] = []
  let cursor = '0'
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', workerKey('*'), 'COUNT', 100)
    cursor = next
    keys.push(...batch)
  } while (cursor !== '0')
  for (const key of keys) {
    const text = await redis.get(key)
    if (!text) continue
    const info = JSON.parse(text) as WorkerInfo
    const mismatch = runtimeMismatch(runtime, info, info.name)
    if (mismatch) return mismatch
  }
  return undefined
}

async function storeParts(
  redis: Redis,
  tasks: readonly RunTask[],
): Promise<Map<string, Record<string, string>>> {
  const partsById = new Map<string, Record<string, string>>()
  const stored = new Set<string>()
  for (const task of tasks) {
    const parts: Record<string, string> = {}
    const pipeline = redis.pipeline()
    for (const [key, value] of Object.entries(task.design)) {
      if (value === undefined) continue
      const digest = digestOf(value)
      parts[key] = digest
      if (!stored.has(digest)) {
        stored.add(digest)
        pipeline.set(partKey(digest), JSON.stringify(value), 'EX', PART_TTL_S)
      }
    }
    await pipeline.exec()
    partsById.set(task.id, parts)
  }
  return partsById
}

/** An executor running tasks through the Redis queue at `options.url`. */
export function queueExecutor(options: QueueExecutorOptions) {
  return async (
    tasks: readonly RunTask[],
    listener: RunListener,
  ): Promise<{ cancelled: boolean }> => {
    const url = safeUrl(options.url)
    const redis = await connectRedis(options.url, { failFast: true })
    const queue = new Queue<RunJobData, RunRecord>(QUEUE_NAME, { connection: redis })
    queue.on('error', () => {}) // connection errors surface through the calls below
    try {
      const mismatch = await checkWorkers(redis, options.runtime)
      if (mismatch) throw new Error(mismatch)
      if (tasks.length === 0) return { cancelled: false }
      const key = experimentKey(tasks)
      const jobId = (task: RunTask): string => `e${key}-${task.id}`
      const parts = await storeParts(redis, tasks)
      const pending = new Map(tasks.map((t) => [jobId(t), t]))
      // Jobs left by an earlier coordinator of the same spec: a failed one is enqueued anew.
      for (const [id] of pending) {
        const job = await Job.fromId<RunJobData, RunRecord>(queue, id)
        if (job && (await job.isFailed())) await job.remove()
      }
      await queue.addBulk(
        tasks.map((task) => ({
          name: 'run',
          data: {
            runtime: options.runtime,
            id: task.id,
            index: task.index,
            designName: task.designName,
            factors: task.factors,
            repetition: task.repetition,
            seed: task.seed,
            parts: parts.get(task.id) as Record<string, string>,
          },
          opts: {
            jobId: jobId(task),
            attempts: options.attempts ?? 3,
            backoff: { type: 'fixed', delay: 1000 },
            removeOnComplete: false,
            removeOnFail: false,
          },
        })),
      )
      return await collect(queue, pending, listener, options, url)
    } finally {
      await queue.close().catch(() => {})
      redis.disconnect()
    }
  }
}

async function collect(
  queue: Queue<RunJobData, RunRecord>,
  pending: Map<string, RunTask>,
  listener: RunListener,
  options: QueueExecutorOptions,
  url: string,
): Promise<{ cancelled: boolean }> {
  const pollMs = options.pollMs ?? 250
  const lossMs = options.connectionLossMs ?? 10_000
  const running = new Set<string>()
  let failingSince: number | undefined
  while (pending.size > 0) {
    if (options.signal?.aborted) {
      for (const id of pending.keys())
        await Job.fromId(queue, id)
          .then((j) => j?.remove())
          .catch(() => {})
      return { cancelled: true }
    }
    try {
      const [completed, failed, active] = await Promise.all([
        queue.getJobs(['completed']),
        queue.getJobs(['failed']),
        queue.getJobs(['active']),
      ])
      failingSince = undefined
      for (const job of active)
        if (job?.id && pending.has(job.id) && !running.has(job.id)) {
          running.add(job.id)
          listener.onStart?.(pending.get(job.id) as RunTask)
        }
      for (const job of completed) {
        const task = job?.id ? pending.get(job.id) : undefined
        if (!job?.id || !task) continue
        const record = job.returnvalue
        listener.onRecord({
          ...record,
          index: task.index,
          factors: task.factors,
          repetition: task.repetition,
          designName: task.designName,
        })
        pending.delete(job.id)
        running.delete(job.id)
        await job.remove()
      }
      for (const job of failed) {
        const task = job?.id ? pending.get(job.id) : undefined
        if (!job?.id || !task) continue
        if (job.failedReason.startsWith('version mismatch')) throw new Error(job.failedReason)
        listener.onFailure(task, job.failedReason)
        pending.delete(job.id)
        running.delete(job.id)
      }
    } catch (error) {
      const message = (error as Error).message
      if (message.startsWith('version mismatch')) throw error
      failingSince ??= Date.now()
      if (Date.now() - failingSince > lossMs)
        throw new Error(
          `lost the connection to Redis at ${url} (${message}); every finished run is stored, ` +
            'run the same command again to resume',
          { cause: error },
        )
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
  return { cancelled: false }
}
