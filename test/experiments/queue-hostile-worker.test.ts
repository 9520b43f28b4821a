/**
 * A hostile (or broken) worker on the run queue, against a REAL redis-server (started by the
 * test on a free loopback port): the coordinator does not trust what workers return. Before,
 * a result's `id` of `../../escaped` made the coordinator write `runs/../../escaped.json`
 * outside the experiment's output folder, and any shape was stored as a run record.
 * Now every result is parsed (size, depth, schema), must be the record of the run the
 * coordinator enqueued (its run id and seed), and every path comes from the coordinator's plan.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Worker, type Job } from 'bullmq'
import { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import { loadExperiment } from '../../src/main/services/experiments/load-experiment'
import { queueExecutor } from '../../src/main/services/experiments/queue/coordinator'
import {
  localRuntime,
  QUEUE_NAME,
  workerKey,
  type RunJobData,
} from '../../src/main/services/experiments/queue/protocol'
import { MAX_RESULT_BYTES } from '../../src/main/services/experiments/queue/worker-result'
import { runExperiment } from '../../src/main/services/experiments/run-experiment'
import { appVersion } from '../../src/main/services/paths'
import { POLICIES_SPEC, tempDir } from './helpers'
import { startRedis, stop, type RedisProcess } from './redis-process'

const version = appVersion()
const runtime = localRuntime(version)
const cleanup: Array<() => Promise<void>> = []

afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f()
})

async function redis(): Promise<RedisProcess> {
  const r = await startRedis()
  cleanup.push(() => stop(r.child, 'SIGKILL'))
  return r
}

/** A record of the right shape for `job`, every figure 0 (a forger's best). */
function forged(data: RunJobData): Record<string, unknown> {
  return {
    id: data.id,
    index: data.index,
    designName: data.designName,
    factors: data.factors,
    repetition: data.repetition,
    seed: data.seed,
    summary: {
      policy: 'none',
      seed: data.seed,
      horizonS: 0,
      stepS: 1,
      hosts: 0,
      vms: 0,
      energyKWh: 0,
      migrations: 0,
      slatah: 0,
      pdm: 0,
      slav: 0,
      overallSlaViolation: 0,
      overallSlaViolationContentionOnly: 0,
      averageSlaViolation: 0,
      hostShutdowns: 0,
      memoryPressureGiBHours: 0,
      hostFailures: 0,
      unplacedInstances: 0,
      meanAvailabilityPercent: 100,
      elapsedMs: 0,
    },
    tenants: [],
    economics: {
      facilityEnergyKWh: 0,
      pue: 1,
      energyCost: null,
      currency: null,
      carbonKgCO2e: null,
      revenueByCurrency: {},
    },
  }
}

function nested(depth: number): unknown {
  let v: unknown = 0
  for (let i = 0; i < depth; i++) v = { a: v }
  return v
}

async function plan() {
  const loaded = await loadExperiment(POLICIES_SPEC, process.cwd())
  if (!loaded.ok) throw new Error(loaded.message)
  return loaded.plan
}

describe('the coordinator given a hostile worker', () => {
  it('stores only results of its own runs, in its own paths, and says why it refused the rest', async () => {
    const r = await redis()
    const p = await plan()
    const ids: string[] = []
    // What the hostile worker returns for the run at each plan index.
    const hostile: Record<number, (d: RunJobData) => unknown> = {
      0: (d) => ({ ...forged(d), id: '../../escaped' }),
      1: (d) => ({
        ...forged(d),
        summary: { ...(forged(d).summary as object), deep: nested(500) },
      }),
      2: (d) => ({ ...forged(d), designName: 'x'.repeat(MAX_RESULT_BYTES + 1) }),
      3: () => 'hello',
      4: (d) => ({ ...forged(d), summary: null }),
      5: (d) => ({ ...forged(d), seed: d.seed + 1 }),
      6: (d) => ({ ...forged(d), id: ids.find((id) => id !== d.id) }),
      7: () => {
        throw new Error(`boom ${'y'.repeat(1_000_000)}`)
      },
      8: (d) => ({ ...forged(d), designName: '../../escaped2', index: 999 }),
    }
    const connection = new Redis(r.url, { maxRetriesPerRequest: null })
    const worker = new Worker<RunJobData>(
      QUEUE_NAME,
      async (job: Job<RunJobData>) => {
        ids.push(job.data.id)
        const evil = hostile[job.data.index]
        return evil ? evil(job.data) : forged(job.data)
      },
      { connection, concurrency: 4 },
    )
    cleanup.push(async () => {
      await worker.close(true)
      connection.disconnect()
    })
    const root = tempDir('queue-hostile')
    const outDir = join(root, 'a', 'b')
    mkdirSync(outDir, { recursive: true })
    const outcome = await runExperiment(p, {
      outDir,
      strataVersion: version,
      execute: queueExecutor({ url: r.url, runtime, pollMs: 50, attempts: 1 }),
    })
    // Nothing outside the output folder; only the coordinator's own file names inside.
    expect(readdirSync(join(root, 'a')).sort()).toEqual(['b'])
    expect(existsSync(join(root, 'escaped.json'))).toBe(false)
    const tasksIds = new Set((outcome.records as Array<{ id: string }>).map((rec) => rec.id))
    for (const f of readdirSync(join(outDir, 'runs'))) {
      expect(f).toMatch(/^[0-9a-f]{64}\.json$/)
      expect(tasksIds.has(f.slice(0, -5))).toBe(true)
    }
    const why = new Map(outcome.failures.map((f) => [f.index, f.message]))
    expect([...why.keys()].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(outcome).toMatchObject({ runs: 18, done: 10, failed: 8 })
    expect(why.get(0)).toMatch(/^worker result refused: id must be "[0-9a-f]{64}" \(the run's\)/)
    expect(why.get(1)).toMatch(/^worker result refused: nested deeper than 32 levels/)
    expect(why.get(2)).toMatch(/^worker result refused: larger than 8,388,608 bytes/)
    expect(why.get(3)).toMatch(/^worker result refused: \(document\) must be an object/)
    expect(why.get(4)).toMatch(/^worker result refused: summary must be an object/)
    expect(why.get(5)).toMatch(/^worker result refused: seed must be \d+ \(the run's\)/)
    expect(why.get(6)).toMatch(/^worker result refused: id must be "[0-9a-f]{64}" \(the run's\)/)
    expect(why.get(7)).toMatch(/^boom y+… \(cut at 2,000 characters\)$/)
    expect(why.get(7)!.length).toBeLessThan(2100)
    // Run 8 is stored under the plan's own identity (index, design name), not the worker's.
    const eight = outcome.records.find((rec) => rec.index === 8)
    expect(eight?.designName).toBe(p.runs[8]!.designName)
  }, 120_000)

  it('a worker registration that is not JSON is a clear error, not a crash', async () => {
    const r = await redis()
    const client = new Redis(r.url)
    cleanup.push(async () => client.disconnect())
    await client.set(workerKey('evil'), '{"name": ')
    await expect(
      runExperiment(await plan(), {
        outDir: tempDir('queue-hostile-reg'),
        strataVersion: version,
        execute: queueExecutor({ url: r.url, runtime, pollMs: 50 }),
      }),
    ).rejects.toThrow(/^worker registration strata:worker:evil is not a Strata worker's: not JSON/)
  })
})
