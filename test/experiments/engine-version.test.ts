/**
 * Run ids carry the engine's version (its source hash): results stored by another engine are
 * never reused, results of the same engine always are. And the CLI's printed results table.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunRecord } from '../../src/main/engine/experiments'
import { resultsTableText } from '../../src/main/cli/commands/experiment-table'
import { engineHash, hashEngineSources } from '../../src/main/services/experiments/engine-hash'
import { loadExperiment } from '../../src/main/services/experiments/load-experiment'
import { runExperiment } from '../../src/main/services/experiments/run-experiment'
import { tempDir } from './helpers'
import { FIXTURES } from './helpers'

describe('the engine version in run ids', () => {
  it('hashes the engine sources: a source change changes it, a test file does not', () => {
    const dir = tempDir('engine-src')
    mkdirSync(join(dir, 'sim'))
    writeFileSync(join(dir, 'index.ts'), 'export const a = 1\n')
    writeFileSync(join(dir, 'sim', 'step.ts'), 'export const b = 2\n')
    const first = hashEngineSources(dir)
    expect(first).toMatch(/^[0-9a-f]{64}$/)
    writeFileSync(join(dir, 'sim', 'step.test.ts'), 'it()\n')
    expect(hashEngineSources(dir)).toBe(first)
    writeFileSync(join(dir, 'sim', 'step.ts'), 'export const b = 3\n')
    expect(hashEngineSources(dir)).not.toBe(first)
    // the real engine from source
    expect(engineHash()).toBe(hashEngineSources(join(process.cwd(), 'src', 'main', 'engine')))
  })

  it('a changed engine reruns every run; the same engine reuses them', async () => {
    const spec = join(tempDir('engine-spec'), 'seeds.strata-experiment.json')
    writeFileSync(
      spec,
      JSON.stringify({
        schemaVersion: 1,
        name: 'seeds',
        design: join(FIXTURES, 'two-hall.strata.json'),
        vary: { 'simulation.seed': [1, 2] },
      }),
    )
    const loaded = await loadExperiment(spec, process.cwd())
    if (!loaded.ok) throw new Error(loaded.message)
    const out = tempDir('engine-out')
    const executed: number[] = []
    const fake = (engineVersion: string) =>
      runExperiment(loaded.plan, {
        outDir: out,
        strataVersion: 'test',
        engineVersion,
        execute: async (tasks, listener) => {
          executed.push(tasks.length)
          for (const t of tasks)
            listener.onRecord({
              id: t.id,
              index: t.index,
              designName: t.designName,
              factors: t.factors,
              repetition: t.repetition,
              seed: t.seed,
              // a sound record (stored records pass the results.json schema, or run again)
              summary: {
                policy: 'thr-mmt-0.8',
                seed: t.seed,
                horizonS: 3600,
                stepS: 300,
                hosts: 1,
                vms: 1,
                energyKWh: 1,
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
                elapsedMs: 1,
              },
              tenants: [],
              economics: {
                facilityEnergyKWh: 1,
                pue: 1,
                energyCost: null,
                currency: null,
                carbonKgCO2e: null,
                revenueByCurrency: {},
              },
            } as unknown as RunRecord)
          return { cancelled: false }
        },
      })
    const a = await fake('engine-a')
    await fake('engine-a')
    const b = await fake('engine-b')
    expect(executed).toEqual([2, 0, 2])
    expect(b.records.map((r) => r.id)).not.toEqual(a.records.map((r) => r.id))
  })
})

describe('the results table the CLI prints', () => {
  const rec = (index: number, policy: string, energyKWh: number, availability: number) =>
    ({
      id: `r${index}`,
      index,
      designName: 'base',
      factors: { 'simulation.policy': policy },
      repetition: index % 2,
      seed: index,
      summary: { energyKWh, overallSlaViolation: 0.1, meanAvailabilityPercent: availability },
      tenants: [],
      economics: {
        facilityEnergyKWh: energyKWh,
        pue: 1,
        energyCost: null,
        currency: null,
        carbonKgCO2e: null,
        revenueByCurrency: {},
      },
    }) as unknown as RunRecord

  it('prints mean [95 % CI] per combination, clamped and saying so', () => {
    const text = resultsTableText(
      ['simulation.policy'],
      [rec(0, 'dvfs', 10, 99), rec(1, 'dvfs', 12, 100), rec(2, 'npa', 20, 100)],
    )
    // dvfs energy: 11 ± 12.7062 x 1 -> [0 (clamped from -1.71), 23.71]
    expect(text).toContain('11.00 [0.00, 23.71]')
    // availability 99.5 ± 6.3531 -> [93.147, 100 (clamped from 105.85)]
    expect(text).toContain('99.500 [93.147, 100.000]')
    // one run: no interval
    expect(text).toContain('20.00')
    expect(text).toMatch(/clamped\s+to each metric's range: availability 0-100 %/)
    expect(text.split('\n')[1]).toContain('simulation.policy')
  })
})
