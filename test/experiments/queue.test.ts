/**
 * Distributed execution against a REAL redis-server (started per test on a free loopback
 * port, stopped after) and real `strata worker` processes.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Queue } from 'bullmq'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { loadExperiment } from '../../src/main/services/experiments/load-experiment'
import { runOnLocalPool } from '../../src/main/services/experiments/local-pool'
import { queueExecutor } from '../../src/main/services/experiments/queue/coordinator'
import { localRuntime, QUEUE_NAME } from '../../src/main/services/experiments/queue/protocol'
import { runExperiment } from '../../src/main/services/experiments/run-experiment'
import { appVersion } from '../../src/main/services/paths'
import { comparable, POLICIES_SPEC, tempDir } from './helpers'
import {
  freePort,
  startRedis,
  startWorker,
  stop,
  type RedisProcess,
  type WorkerProcess,
} from './redis-process'

const version = appVersion()
const runtime = localRuntime(version)
let reference: unknown[]
const started: Array<RedisProcess | WorkerProcess> = []

async function plan() {
  const loaded = await loadExperiment(POLICIES_SPEC, process.cwd())
  if (!loaded.ok) throw new Error(loaded.message)
  return loaded.plan
}

async function runOnQueue(url: string, outDir = tempDir('queue'), connectionLossMs?: number) {
  return runExperiment(await plan(), {
    outDir,
    strataVersion: version,
    execute: queueExecutor({
      url,
      runtime,
      pollMs: 100,
      ...(connectionLossMs ? { connectionLossMs } : {}),
    }),
  })
}

async function redis(port?: number): Promise<RedisProcess> {
  const r = await startRedis(port)
  started.push(r)
  return r
}

async function worker(url: string, args: string[] = ['--lock-ms', '1500']): Promise<WorkerProcess> {
  const w = await startWorker(url, args)
  started.push(w)
  return w
}

async function until(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  const t0 = Date.now()
  while (!(await check())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

function queueOn(url: string): Queue {
  const port = Number(new URL(url).port)
  return new Queue(QUEUE_NAME, {
    connection: { host: '127.0.0.1', port, maxRetriesPerRequest: null },
  })
}

beforeAll(async () => {
  const local = await runExperiment(await plan(), {
    outDir: tempDir('queue-ref'),
    strataVersion: version,
    execute: (tasks, l) => runOnLocalPool(tasks, { ...l, workers: 2 }),
  })
  reference = local.records.map(comparable)
}, 180_000) // 18 local runs; on a loaded 2-core machine this takes far more than the 10 s default

afterEach(async () => {
  for (const p of started.splice(0).reverse()) await stop(p.child, 'SIGKILL')
})

describe('experiments on a Redis queue (BullMQ)', () => {
  it('workers started first, then a coordinator: two workers give the local results', async () => {
    const r = await redis()
    await Promise.all([worker(r.url), worker(r.url)])
    const outcome = await runOnQueue(r.url)
    expect(outcome).toMatchObject({ runs: 18, done: 18, failed: 0, skipped: 0 })
    expect(outcome.records.map(comparable)).toEqual(reference)
  })

  it('a coordinator with no worker yet waits, and finishes once one starts', async () => {
    const r = await redis()
    const queue = queueOn(r.url)
    try {
      const running = runOnQueue(r.url)
      await until(async () => (await queue.getWaitingCount()) === 18, '18 waiting jobs')
      await worker(r.url)
      const outcome = await running
      expect(outcome.records.map(comparable)).toEqual(reference)
    } finally {
      await queue.close()
    }
  })

  it('a worker killed mid-run loses nothing: its run is retried elsewhere, every run ends once', async () => {
    const r = await redis()
    const queue = queueOn(r.url)
    try {
      const out = tempDir('queue-kill')
      const a = await worker(r.url)
      const running = runOnQueue(r.url, out)
      await until(
        async () =>
          (await queue.getActiveCount()) > 0 &&
          existsSync(join(out, 'runs')) &&
          readdirSync(join(out, 'runs')).length >= 2,
        'a run in flight',
      )
      await stop(a.child, 'SIGKILL')
      await worker(r.url)
      const outcome = await running
      expect(outcome).toMatchObject({ runs: 18, done: 18, failed: 0 })
      expect(outcome.records.map(comparable)).toEqual(reference)
      expect(readdirSync(join(out, 'runs'))).toHaveLength(18)
    } finally {
      await queue.close()
    }
  })

  it('Redis stopped mid-run: a clear error, finished runs kept; the same command resumes', async () => {
    const r = await redis()
    await worker(r.url)
    const out = tempDir('queue-lost')
    const running = runOnQueue(r.url, out, 1500)
    const failed = expect(running).rejects.toThrow(
      new RegExp(`lost the connection to Redis at ${r.url}.*run the same command again to resume`),
    )
    await until(
      () => existsSync(join(out, 'runs')) && readdirSync(join(out, 'runs')).length >= 3,
      'three stored runs',
    )
    await stop(r.child, 'SIGKILL')
    await failed
    const kept = readdirSync(join(out, 'runs')).length
    expect(kept).toBeGreaterThanOrEqual(3)
    // A new (empty) Redis on the same port and a fresh worker: the rerun skips what is stored.
    const again = await redis(r.port)
    await worker(again.url)
    const outcome = await runOnQueue(again.url, out)
    expect(outcome).toMatchObject({ done: 18, skipped: kept, failed: 0 })
    expect(outcome.records.map(comparable)).toEqual(reference)
  })

  it('a missing Redis is a clear error for the coordinator and the worker', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`
    await expect(runOnQueue(url)).rejects.toThrow(
      new RegExp(`cannot reach Redis at ${url}: .*ECONNREFUSED`),
    )
    const err: string[] = []
    const code = await runCli(['worker', '--queue', url], {
      out: () => {},
      err: (l) => err.push(l),
      cwd: '/',
    })
    expect(code).toBe(1)
    expect(err[0]).toMatch(
      new RegExp(`^strata worker: cannot reach Redis at ${url}: .*ECONNREFUSED`),
    )
  })

  it('a version mismatch is a clear error on both sides', async () => {
    const r = await redis()
    const w = await worker(r.url)
    // The coordinator sees the registered worker's version before enqueueing anything.
    await expect(
      runExperiment(await plan(), {
        outDir: tempDir('queue-version'),
        strataVersion: version,
        execute: queueExecutor({
          url: r.url,
          runtime: { strataVersion: '99.0.0', nodeMajor: runtime.nodeMajor },
        }),
      }),
    ).rejects.toThrow(
      `version mismatch: the coordinator runs Strata 99.0.0 on Node ${runtime.nodeMajor}, worker ${w.name} runs Strata ${version} on Node ${runtime.nodeMajor}; run the same Strata version and Node major version everywhere`,
    )
    // The worker refuses a run enqueued by another version, and says why.
    const queue = queueOn(r.url)
    try {
      const job = await queue.add('run', {
        runtime: { strataVersion: version, nodeMajor: runtime.nodeMajor + 1 },
        id: 'x',
        index: 0,
        designName: 'base',
        factors: {},
        repetition: 0,
        seed: 0,
        parts: {},
      })
      await until(
        async () => (await queue.getJobState(job.id as string)) === 'failed',
        'the refused job',
      )
      const failed = await queue.getJob(job.id as string)
      expect(failed?.failedReason).toMatch(
        /^version mismatch: the coordinator runs Strata .* on Node \d+, worker .* runs Strata .* on Node \d+/,
      )
      expect(failed?.attemptsMade).toBe(1)
      await until(() => w.stderr().includes('version mismatch'), 'the worker to say why')
    } finally {
      await queue.close()
    }
  })
})
