/**
 * Jobs put straight into the run queue with bad data (review s9a #10), against a REAL
 * redis-server and a real `strata worker` process. Before, each failed with a bare TypeError
 * ("Cannot read properties of undefined (reading 'strataVersion')", "… (reading 'product')")
 * that named neither the job nor the field, and a part with valid JSON but a 10-year horizon
 * in 1 s steps would have been simulated. Now the worker parses the job's data and checks the
 * design it assembles as a coordinator checks a run's design: each bad job fails once
 * (unrecoverable), naming the job, the part and the field; the worker stays up and runs a
 * good job after them.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkIntegrity } from '../../src/main/engine'
import {
  localRuntime,
  partKey,
  QUEUE_NAME,
} from '../../src/main/services/experiments/queue/protocol'
import { digestOf } from '../../src/main/services/experiments/run-id'
import { appVersion } from '../../src/main/services/paths'
import {
  startRedis,
  startWorker,
  stop,
  type RedisProcess,
  type WorkerProcess,
} from './redis-process'

const sample = checkIntegrity(
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../../resources/samples/two-hall.strata.json'), 'utf8'),
  ),
).design!
const runtime = localRuntime(appVersion())
let redis: RedisProcess
let worker: WorkerProcess
let client: Redis
let queue: Queue

function nested(depth: number): unknown {
  let v: unknown = 0
  for (let i = 0; i < depth; i++) v = { a: v }
  return v
}

/** Stores `value` as a design part the way a coordinator does; returns its digest. */
async function storePart(value: unknown): Promise<string> {
  const digest = digestOf(value)
  await client.set(partKey(digest), JSON.stringify(value))
  return digest
}

beforeAll(async () => {
  redis = await startRedis()
  worker = await startWorker(redis.url, ['--lock-ms', '5000'])
  client = new Redis(redis.url)
  queue = new Queue(QUEUE_NAME, {
    connection: { host: '127.0.0.1', port: redis.port, maxRetriesPerRequest: null },
  })
}, 90_000)

afterAll(async () => {
  await queue?.close()
  client?.disconnect()
  if (worker) await stop(worker.child, 'SIGKILL')
  if (redis) await stop(redis.child, 'SIGKILL')
})

describe('a queue worker given bad jobs', () => {
  it('refuses each, naming the job, the part and the field, and runs a good one', async () => {
    const parts: Record<string, string> = {}
    for (const [key, value] of Object.entries(sample)) parts[key] = await storePart(value)
    const good = {
      runtime,
      id: digestOf('a run'),
      index: 0,
      designName: 'base',
      factors: {},
      repetition: 0,
      seed: sample.simulation.seed,
      parts,
    }
    // 10 years (10 × 365 × 86,400 = 315,360,000 s) in 1 s steps: 315,360,000 steps, where a
    // run may take 315,360,000 / 300 = 1,051,200
    const longRun = await storePart({ ...sample.simulation, horizonS: 315_360_000, stepS: 1 })
    const wrongHosts = await storePart([{ id: 'h', sockets: 'many' }])
    const notJson = digestOf('not json')
    await client.set(partKey(notJson), '{"oops')
    const changed = digestOf('changed')
    await client.set(partKey(changed), JSON.stringify(sample.hosts))
    const cases: Record<string, { data: unknown; reason: RegExp }> = {
      empty: { data: {}, reason: /^job \S+: runtime: / },
      text: { data: 'hello', reason: /^job \S+: \(data\): not an object \(a string\)$/ },
      partsNull: { data: { ...good, parts: null }, reason: /^job \S+: parts: / },
      seedText: { data: { ...good, seed: 'abc' }, reason: /^job \S+: seed: / },
      badId: { data: { ...good, id: 'x' }, reason: /^job \S+: id: must be 64 lowercase hex/ },
      protoPart: {
        data: { ...good, parts: JSON.parse(`{"__proto__": "${parts.meta}"}`) as unknown },
        reason: /^job \S+: parts\.__proto__: "__proto__" cannot be a key here/,
      },
      missingPart: {
        data: { ...good, parts: { ...parts, hosts: digestOf('never stored') } },
        reason: /^job \S+: parts\.hosts \(digest [0-9a-f]{12}…\): missing from Redis/,
      },
      notJson: {
        data: { ...good, parts: { ...parts, hosts: notJson } },
        reason: /^job \S+: parts\.hosts \(digest [0-9a-f]{12}…\): not JSON: /,
      },
      changedInRedis: {
        data: { ...good, parts: { ...parts, hosts: changed } },
        reason:
          /^job \S+: parts\.hosts \(digest [0-9a-f]{12}…\): its content does not match its digest/,
      },
      wrongHosts: {
        data: { ...good, parts: { ...parts, hosts: wrongHosts } },
        reason: /^job \S+: parts\.hosts \(digest [0-9a-f]{12}…\): hosts\[0\]\./,
      },
      tenYearsOfSeconds: {
        data: { ...good, parts: { ...parts, simulation: longRun } },
        reason:
          /^job \S+: parts\.simulation \(digest [0-9a-f]{12}…\): simulation(\.stepS)?: a horizon of 315,360,000 s in steps of 1 s is 315,360,000 steps, more than a run may take \(1,051,200: /,
      },
      // Bounds a worker keeps before any schema walks the data (review s11 #1).
      deepData: {
        data: { ...good, factors: { 'hosts[0].tags': nested(100) } },
        reason: /^job \S+: \(data\): nested deeper than 64 levels$/,
      },
      hugeData: {
        data: { ...good, factors: { 'meta.name': 'z'.repeat(5 * 1024 * 1024) } },
        reason: /^job \S+: \(data\): 5,24\d,\d{3} bytes, more than 4,194,304$/,
      },
      otherSeed: {
        data: { ...good, seed: sample.simulation.seed + 1 },
        reason: new RegExp(
          `^job \\S+: seed: ${sample.simulation.seed + 1} is not its design's simulation\\.seed \\(${sample.simulation.seed}\\)$`,
        ),
      },
    }
    const jobs = new Map<string, string>()
    for (const [name, { data }] of Object.entries(cases)) {
      const job = await queue.add(name, data, { attempts: 3 })
      jobs.set(name, job.id as string)
    }
    const goodJob = await queue.add('good', good, { attempts: 1 })
    const t0 = Date.now()
    for (;;) {
      const states = await Promise.all(
        [...jobs.values(), goodJob.id as string].map((id) => queue.getJobState(id)),
      )
      if (states.every((s) => s === 'completed' || s === 'failed')) break
      if (Date.now() - t0 > 120_000) throw new Error(`jobs still ${states.join(', ')}`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    for (const [name, { reason }] of Object.entries(cases)) {
      const job = await queue.getJob(jobs.get(name)!)
      expect(`${name}: ${job?.failedReason}`).toMatch(
        new RegExp(`^${name}: ${reason.source.slice(1)}`),
      )
      expect(job!.failedReason).toContain(`job ${job!.id}: `)
      // unrecoverable: tried once although three attempts were allowed
      expect([name, job?.attemptsMade]).toEqual([name, 1])
      expect(job!.failedReason.length).toBeLessThan(2000)
    }
    const done = await queue.getJob(goodJob.id as string)
    expect(await done?.getState()).toBe('completed')
    expect((done?.returnvalue as { id: string }).id).toBe(good.id)
    expect(worker.child.exitCode).toBeNull()
  })
})
