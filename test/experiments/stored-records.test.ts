/**
 * Stored run records (`runs/<id>.json`) go through the schema of a `results.json` record
 * (review s5 #2): a damaged one is named (file and field) and run again, never trusted nor a
 * crash; `strata report --experiment` refuses the same field in `results.json` with the same
 * words. And the number of local workers is bounded by the machine (review s5 #3).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_EXPERIMENT_WORKERS } from '../../src/shared/contract/schemas/experiments'
import { maxWorkers, workersProblem } from '../../src/main/services/experiments/local-pool'
import { checkExperimentResults } from '../../src/main/services/experiments/results-file'
import { RunStore } from '../../src/main/services/experiments/store'
import { tempDir } from './helpers'

/** A sound record, written from the schema's fields (not from a run). */
function record(id: string): Record<string, unknown> {
  return {
    id,
    index: 0,
    designName: 'two-hall',
    factors: { 'simulation.policy': 'thr-mmt-0.8' },
    repetition: 0,
    seed: 1,
    summary: {
      policy: 'thr-mmt-0.8',
      seed: 1,
      horizonS: 86_400,
      stepS: 300,
      hosts: 13,
      vms: 40,
      energyKWh: 34.8,
      migrations: 12,
      slatah: 0.01,
      pdm: 0.001,
      slav: 0.00001,
      overallSlaViolation: 0.02,
      overallSlaViolationContentionOnly: 0.01,
      averageSlaViolation: 0.03,
      hostShutdowns: 2,
      memoryPressureGiBHours: 0,
      hostFailures: 1,
      unplacedInstances: 0,
      meanAvailabilityPercent: 99.5,
      elapsedMs: 120,
    },
    tenants: [
      {
        tenantId: 't-acme',
        availabilityPercent: 99,
        slaAvailabilityPercent: 99.9,
        slaViolation: true,
        bill: 12.5,
        currency: 'USD',
      },
    ],
    economics: {
      facilityEnergyKWh: 52.2,
      pue: 1.5,
      energyCost: null,
      currency: null,
      carbonKgCO2e: null,
      revenueByCurrency: { USD: 12.5 },
    },
  }
}

// A run id is a sha256 in hex (64 digits): the store refuses any other name.
const ID = '052b'.padEnd(64, '0')

function storeWith(json: string): { store: RunStore; warnings: string[] } {
  const dir = tempDir('stored-records')
  mkdirSync(join(dir, 'runs'), { recursive: true })
  writeFileSync(join(dir, 'runs', `${ID}.json`), json)
  return { store: new RunStore(dir).open(), warnings: [] }
}

/** The damaged copies of the review's repro, and the words each must be named with. */
interface Damageable {
  tenants: unknown
  summary: Record<string, number>
}
const DAMAGED: Array<[string, (r: Damageable) => void, string]> = [
  ['tenants a string', (r) => (r.tenants = 'nope'), 'tenants must be an array'],
  ['negative migrations', (r) => (r.summary.migrations = -5), 'summary.migrations must be >= 0'],
  [
    'availability below 0',
    (r) => (r.summary.meanAvailabilityPercent = -50),
    'summary.meanAvailabilityPercent must be >= 0',
  ],
  [
    'energy of 1e308 kWh',
    (r) => (r.summary.energyKWh = 1e308),
    'summary.energyKWh must be <= 1000000000000000',
  ],
]

describe('a stored run record', () => {
  it('is reused when sound', () => {
    const { store, warnings } = storeWith(JSON.stringify(record(ID)))
    expect(store.read(ID, (m) => warnings.push(m))).toEqual(record(ID))
    expect(warnings).toEqual([])
  })

  it.each(DAMAGED)('with %s is named and run again', (_, damage, words) => {
    const bad = record(ID)
    damage(bad as unknown as Damageable)
    const { store, warnings } = storeWith(JSON.stringify(bad))
    expect(store.read(ID, (m) => warnings.push(m))).toBeUndefined()
    expect(warnings).toEqual([`runs/${ID}.json: ${words}; it is run again`])
    // The report's reader of results.json says the same of the same field.
    const results = checkExperimentResults({ name: 'x', factorNames: [], records: [bad] })
    expect(results).toEqual({ ok: false, problems: [`records[0].${words}`] })
  })

  it('that is not JSON, or has another id, is named and run again', () => {
    const truncated = storeWith('{"id": "052b')
    expect(truncated.store.read(ID, (m) => truncated.warnings.push(m))).toBeUndefined()
    expect(truncated.warnings[0]).toMatch(new RegExp(`^runs/${ID}\\.json: not JSON`))
    const other = storeWith(JSON.stringify(record('another')))
    expect(other.store.read(ID, (m) => other.warnings.push(m))).toBeUndefined()
    expect(other.warnings).toEqual([
      `runs/${ID}.json: id must be "${ID}" (the file's name); it is run again`,
    ])
  })
})

describe('local workers', () => {
  it('are at most twice the cores, and never more than the contract allows', () => {
    expect(maxWorkers(2)).toBe(4)
    expect(maxWorkers(1)).toBe(2)
    expect(maxWorkers(1000)).toBe(MAX_EXPERIMENT_WORKERS)
    expect(workersProblem(4, 2)).toBeUndefined()
    expect(workersProblem(5, 2)).toBe(
      `at most 4 workers on this machine (twice its 2 cores, and never more than ${MAX_EXPERIMENT_WORKERS}), got 5`,
    )
    expect(workersProblem(0, 2)).toMatch(/positive integer/)
  })
})
