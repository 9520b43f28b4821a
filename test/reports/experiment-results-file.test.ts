/**
 * `strata report --experiment` checks every field of every record of results.json (review
 * s4, finding 3): a wrong type, an impossible value (availability above 100 %, a negative
 * count, a text where a fraction goes) is refused with its JSON path, never a TypeError and
 * never averaged into the report. The records are written by hand from the file format.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { strataIn } from '../support/strata-cli'

const root = mkdtempSync(join(tmpdir(), 'strata-results-file-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function record(index: number): Record<string, unknown> {
  return {
    id: `run-${index}`,
    index,
    designName: 'base',
    factors: { 'simulation.policy': index % 2 ? 'dvfs' : 'thr-mmt-0.8' },
    repetition: 0,
    seed: index,
    summary: {
      policy: index % 2 ? 'dvfs' : 'thr-mmt-0.8',
      seed: index,
      horizonS: 3600,
      stepS: 300,
      hosts: 4,
      vms: 6,
      energyKWh: 1.5 + index,
      migrations: index,
      slatah: 0.01,
      pdm: 0.001,
      slav: 0.00001,
      overallSlaViolation: 0.02,
      overallSlaViolationContentionOnly: 0.02,
      averageSlaViolation: 0.1,
      hostShutdowns: 1,
      memoryPressureGiBHours: 0,
      hostFailures: 0,
      unplacedInstances: 0,
      meanAvailabilityPercent: 99.5,
      elapsedMs: 12,
    },
    tenants: [
      {
        tenantId: 't-a',
        availabilityPercent: 99.5,
        slaAvailabilityPercent: 99,
        slaViolation: false,
        bill: 10,
        currency: 'USD',
      },
    ],
    economics: {
      facilityEnergyKWh: 2,
      pue: 1.3,
      energyCost: null,
      currency: null,
      carbonKgCO2e: null,
      revenueByCurrency: { USD: 10 },
    },
  }
}

/** A record as loose JSON, to break on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>

let n = 0
async function report(change: (records: Loose[]) => void) {
  const dir = join(root, `r${n++}`)
  mkdirSync(dir)
  const records = Array.from({ length: 6 }, (_, i) => record(i))
  change(records)
  writeFileSync(
    join(dir, 'results.json'),
    JSON.stringify({ name: 'x', factorNames: ['simulation.policy'], records }),
  )
  return strataIn(dir, 'report', '--experiment', dir, '--html', join(dir, 'r.html'))
}

describe('results.json is checked field by field', () => {
  it('a well-formed file makes the report', { timeout: 120_000 }, async () => {
    const r = await report(() => {})
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
  })

  const cases: Array<[string, (rs: Loose[]) => void, string]> = [
    [
      'tenants not an array',
      (rs) => (rs[5]!.tenants = 'nope'),
      'records[5].tenants must be an array',
    ],
    [
      'availability above 100 %',
      (rs) => (rs[1]!.summary.meanAvailabilityPercent = 1e308),
      'records[1].summary.meanAvailabilityPercent must be <= 100',
    ],
    [
      'a tenant availability below 0',
      (rs) => (rs[2]!.tenants[0].availabilityPercent = -1),
      'records[2].tenants[0].availabilityPercent must be >= 0',
    ],
    [
      'negative migrations',
      (rs) => (rs[3]!.summary.migrations = -5),
      'records[3].summary.migrations must be >= 0',
    ],
    [
      'a non-numeric SLA violation',
      (rs) => (rs[0]!.summary.overallSlaViolation = 'abc'),
      'records[0].summary.overallSlaViolation must be a number',
    ],
    ['a missing summary', (rs) => delete rs[4]!.summary, 'records[4].summary must be an object'],
    [
      'a fraction above 1',
      (rs) => (rs[4]!.summary.slatah = 2),
      'records[4].summary.slatah must be <= 1',
    ],
  ]
  for (const [label, change, message] of cases)
    it(`refuses ${label}, naming the field`, async () => {
      const r = await report(change)
      expect(r.code).toBe(1)
      expect(r.err).toContain(`results.json: ${message}`)
      expect(r.err).not.toMatch(/TypeError|\n\s+at /)
    })
})
