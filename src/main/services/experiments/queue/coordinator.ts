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
import { z } from 'zod'
import type { RunRecord } from '../../../engine'
import { runIdentity, type RunTask } from '../execute-run'
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
import { acceptWorkerResult, MAX_RESULT_BYTES, resultTooLarge, workerReason } from './worker-result'

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

/** The largest worker registration read, bytes (one is ~150 B). */
const MAX_REGISTRATION_BYTES = 4096

const registrationSchema = z.object({
  name: z.string().min(1).max(300),
  strataVersion: z.string().min(1).max(100),
  nodeMajor: z.number().int().min(0).max(1000),
})

/** A worker's registration, parsed; throws an Error naming its key and the problem. */
function parseRegistration(
  key: string,
  text: string,
): Pick<WorkerInfo, keyof typeof registrationSchema.shape> {
  const problem = (what: string): Error =>
    new Error(`worker registration ${key} is not a Strata worker's: ${what}`)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw problem(`not JSON (${(error as Error).message})`)
  }
  const parsed = registrationSchema.safeParse(json)
  if (!parsed.success)
    throw problem(
      parsed.error.issues
        .map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`)
        .join('; '),
    )
  return parsed.data
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
    if ((await redis.strlen(key)) > MAX_REGISTRATION_BYTES)
      throw new Error(`worker registration ${key} is not a Strata worker's: too large`)
    const text = await redis.get(key)
    if (!text) continue
    const info = parseRegistration(key, text)
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
            ...runIdentity(task),
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
      return await collect(redis, queue, pending, listener, options, url)
    } finally {
      await queue.close().catch(() => {})
      redis.disconnect()
    }
  }
}

/** The raw text of a job's hash `field`, or a problem when it is over `maxBytes` bytes. */
async function jobField(
  redis: Redis,
  queue: Queue<RunJobData, RunRecord>,
  id: string,
  field: 'returnvalue' | 'failedReason',
  maxBytes: number,
): Promise<{ text: string | null } | { tooLarge: number }> {
  const key = queue.toKey(id)
  const bytes = await redis.hstrlen(key, field)
  if (bytes > maxBytes) return { tooLarge: bytes }
  return { text: await redis.hget(key, field) }
}

/** The largest failure reason read from Redis, bytes (it is cut to 2,000 characters after). */
const MAX_REASON_BYTES = 1024 * 1024

/**
 * Polls the queue until every pending run has ended. Job ids are read by state, then each
 * pending job's raw result (or failure reason) is read by size first and checked
 * (`acceptWorkerResult`): a worker's result is never trusted (see `worker-result.ts`).
 */
async function collect(
  redis: Redis,
  queue: Queue<RunJobData, RunRecord>,
  pending: Map<string, RunTask>,
  listener: RunListener,
  options: QueueExecutorOptions,
  url: string,
): Promise<{ cancelled: boolean }> {
  const pollMs = options.pollMs ?? 250
  const lossMs = options.connectionLossMs ?? 10_000
  const running = new Set<string>()
  const end = async (id: string): Promise<void> => {
    pending.delete(id)
    running.delete(id)
    await Job.fromId(queue, id)
      .then((j) => j?.remove())
      .catch(() => {})
  }
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
        queue.getRanges(['completed'], 0, -1),
        queue.getRanges(['failed'], 0, -1),
        queue.getRanges(['active'], 0, -1),
      ])
      failingSince = undefined
      for (const id of active)
        if (pending.has(id) && !running.has(id)) {
          running.add(id)
          listener.onStart?.(pending.get(id) as RunTask)
        }
      for (const id of completed) {
        const task = pending.get(id)
        if (!task) continue
        const field = await jobField(redis, queue, id, 'returnvalue', MAX_RESULT_BYTES)
        const result = 'tooLarge' in field ? resultTooLarge() : acceptWorkerResult(task, field.text)
        if (result.ok) listener.onRecord(result.record)
        else listener.onFailure(task, result.problem)
        await end(id)
      }
      for (const id of failed) {
        const task = pending.get(id)
        if (!task) continue
        const field = await jobField(redis, queue, id, 'failedReason', MAX_REASON_BYTES)
        const reason = workerReason(
          'tooLarge' in field
            ? `failed with a reason of ${field.tooLarge.toLocaleString('en-US')} bytes (not read)`
            : field.text,
        )
        if (reason.startsWith('version mismatch')) throw new Error(reason)
        listener.onFailure(task, reason)
        pending.delete(id)
        running.delete(id)
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
