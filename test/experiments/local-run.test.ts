import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parquetReadObjects } from 'hyparquet'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../src/shared/design/schema'
import { readStrataFile } from '../../src/main/engine/persistence'
import { simulate } from '../../src/main/engine/simulation'
import { loadExperiment } from '../../src/main/services/experiments/load-experiment'
import { runOnLocalPool } from '../../src/main/services/experiments/local-pool'
import {
  runExperiment,
  type ExperimentOutcome,
} from '../../src/main/services/experiments/run-experiment'
import { comparable, FIXTURES, POLICIES_SPEC, tempDir } from './helpers'

async function load() {
  const loaded = await loadExperiment(POLICIES_SPEC, process.cwd())
  if (!loaded.ok) throw new Error(`${loaded.message}: ${JSON.stringify(loaded.problems)}`)
  return loaded
}

async function runWith(
  workers: number,
  outDir = tempDir(`exp-${workers}`),
): Promise<ExperimentOutcome> {
  return runExperiment((await load()).plan, {
    outDir,
    strataVersion: 'test',
    execute: (tasks, listener) => runOnLocalPool(tasks, { ...listener, workers }),
  })
}

describe('local experiment runs on a worker-thread pool', () => {
  it('3 policies x 2 ratios x 3 repetitions give 18 results, identical for 1, 2 and 3 workers', async () => {
    const one = await runWith(1)
    expect(one).toMatchObject({ runs: 18, done: 18, failed: 0, skipped: 0, cancelled: false })
    expect(new Set(one.records.map((r) => r.id)).size).toBe(18)
    for (const workers of [2, 3]) {
      const other = await runWith(workers)
      expect(other.records.map(comparable)).toEqual(one.records.map(comparable))
    }
  })

  it('a run equals the engine run on the design edited by hand (factors and seed applied)', async () => {
    const outcome = await runWith(2)
    const record = outcome.records.find(
      (r) =>
        r.factors['simulation.policy'] === 'mad-mmt-2.5' &&
        r.factors['racks[*].cpuAllocationRatio'] === 4 &&
        r.repetition === 2,
    )
    if (!record) throw new Error('missing run')
    const read = readStrataFile(readFileSync(join(FIXTURES, 'two-hall.strata.json')))
    if (!read.ok) throw new Error(read.message)
    const base: Design = read.design
    // The independent path: edit the base by hand, not through the planner.
    const byHand = structuredClone(base)
    byHand.simulation.policy = 'mad-mmt-2.5'
    byHand.simulation.failures.mode = 'mtbf'
    byHand.simulation.seed = record.seed
    for (const rack of byHand.racks) rack.cpuAllocationRatio = 4
    const expected = simulate(byHand, { hostSeries: false }).summary
    const { elapsedMs: _a, ...got } = record.summary
    const { elapsedMs: _b, ...want } = expected
    expect(got).toEqual(want)
    expect(record.seed).not.toBe(base.simulation.seed)
    // The Parquet table, read by another reader, holds the same figures as the records.
    const bytes = readFileSync(join(outcome.outDir, 'results.parquet'))
    const file = bytes.buffer.slice(
      bytes.byteOffset,
      bytes.byteOffset + bytes.byteLength,
    ) as ArrayBuffer
    const rows = await parquetReadObjects({ file })
    expect(rows.map((r) => [r.id, r.energyKWh, r['simulation.policy']])).toEqual(
      outcome.records.map((r) => [r.id, r.summary.energyKWh, r.factors['simulation.policy']]),
    )
  })

  it('a rerun skips stored runs; after a crash only the lost runs run again', async () => {
    const out = tempDir('exp-resume')
    const first = await runWith(2, out)
    const again = await runWith(2, out)
    expect(again).toMatchObject({ runs: 18, done: 18, skipped: 18, failed: 0 })
    expect(again.records.map(comparable)).toEqual(first.records.map(comparable))
    // Lose five runs as a crash would (their files never written), then resume.
    const files = readdirSync(join(out, 'runs')).sort().slice(0, 5)
    for (const f of files) rmSync(join(out, 'runs', f))
    let executed = 0
    const resumed = await runExperiment((await load()).plan, {
      outDir: out,
      strataVersion: 'test',
      execute: (tasks, listener) => {
        executed = tasks.length
        return runOnLocalPool(tasks, { ...listener, workers: 2 })
      },
    })
    expect(executed).toBe(5)
    expect(resumed).toMatchObject({ done: 18, skipped: 13 })
    expect(resumed.records.map(comparable)).toEqual(first.records.map(comparable))
  })

  it('cancels: runs in flight are abandoned, finished ones are kept', async () => {
    const abort = new AbortController()
    let finished = 0
    const out = tempDir('exp-cancel')
    const outcome = await runExperiment((await load()).plan, {
      outDir: out,
      strataVersion: 'test',
      execute: (tasks, listener) =>
        runOnLocalPool(tasks, {
          ...listener,
          onRecord: (r) => {
            listener.onRecord(r)
            if (++finished === 3) abort.abort()
          },
          workers: 1,
          signal: abort.signal,
        }),
    })
    expect(outcome.cancelled).toBe(true)
    expect(outcome.done).toBe(3)
    expect(readdirSync(join(out, 'runs'))).toHaveLength(3)
  })
})
